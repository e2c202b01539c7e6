/** What the reader sees for each kind of thing, in one place, so the card, the popup and search name them alike. */

export const KIND_LABEL: Record<string, string> = {
  person: 'Person',
  country: 'Country',
  organization: 'Organisation',
  group: 'Group',
  topic: 'Topic',
  event: 'Event',
  stance: 'Position',
};
