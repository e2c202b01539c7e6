/** The popup's timeline: which events to show, in which order. Pure. */
import { eventStart, type PackIndex } from '../knowledge/pack-index';
import type { NewsEvent, PartyId, TrackId } from '../knowledge/schema';

export interface TimelineFilter {
  track: TrackId | 'all';
  party: PartyId | 'all';
  order: 'newest' | 'oldest';
}

export const DEFAULT_TIMELINE_FILTER: TimelineFilter = { track: 'all', party: 'all', order: 'newest' };

/** An event involves a party when one of its participants speaks for that party (itself or by affiliation). */
export function eventParties(index: PackIndex, event: NewsEvent): Set<PartyId> {
  const parties = new Set<PartyId>();
  for (const id of event.participants) {
    const party = index.partyOf(id);
    if (party) parties.add(party);
  }
  return parties;
}

export function filterTimeline(index: PackIndex, filter: TimelineFilter, allowedTracks?: readonly TrackId[]): NewsEvent[] {
  const events = index.pack.events.filter((e) => {
    if (allowedTracks && e.tracks.length > 0 && !e.tracks.some((t) => allowedTracks.includes(t))) return false;
    if (filter.track !== 'all' && !e.tracks.includes(filter.track)) return false;
    if (filter.party !== 'all' && !eventParties(index, e).has(filter.party)) return false;
    return true;
  });
  events.sort((a, b) => eventStart(a).localeCompare(eventStart(b)) || a.id.localeCompare(b.id));
  if (filter.order === 'newest') events.reverse();
  return events;
}

/** Events not in the list seen at the last opening. On the very first opening nothing is "new". */
export function newSince(seen: readonly string[] | null, events: readonly NewsEvent[]): Set<string> {
  if (seen === null) return new Set();
  const known = new Set(seen);
  return new Set(events.filter((e) => !known.has(e.id)).map((e) => e.id));
}
