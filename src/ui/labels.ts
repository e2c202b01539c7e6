/**
 * Words the reader sees in more than one place (the card, the popup, the options page), given one home so that
 * the places cannot drift apart.
 */
import type { CardModel } from '../cards/card-model';

/** What each kind of card is called. */
export const KIND_LABEL: Readonly<Record<CardModel['kind'], string>> = {
  person: 'Person',
  country: 'Country',
  organization: 'Organisation',
  group: 'Group',
  topic: 'Topic',
  event: 'Event',
};

/** A search result can also be one position (a stance), which has no card of its own. */
const RESULT_KIND_LABEL: Readonly<Record<string, string>> = { ...KIND_LABEL, stance: 'Position' };

/** What a kind is called, where it may be one this version does not know (a pack from elsewhere): shown as it is. */
export function kindLabel(kind: string): string {
  return Object.hasOwn(RESULT_KIND_LABEL, kind) ? RESULT_KIND_LABEL[kind]! : kind;
}

/** Said where an item asked for (a mark's entity, an item to open) has no entry in the pack. */
export const NOT_IN_PACK = 'This item is not in the knowledge pack.';
