/** The popup's timeline: which events to show, in which order, under which month. Pure. */
import { eventStart, type PackIndex } from '../knowledge/pack-index';
import type { NewsEvent, PartyId, TrackId } from '../knowledge/schema';
import { fold, hasAllWords } from './fold';

export interface TimelineFilter {
  track: TrackId | 'all';
  party: PartyId | 'all';
  /** Words the event's name, other names or summary must hold, as typed; accents and case do not count. */
  text: string;
  order: 'newest' | 'oldest';
}

export const DEFAULT_TIMELINE_FILTER: TimelineFilter = { track: 'all', party: 'all', text: '', order: 'newest' };

/** Whether the reader narrowed the list: the track, the party or the text (the order narrows nothing). */
export const isNarrowed = (filter: TimelineFilter) => filter.track !== 'all' || filter.party !== 'all' || fold(filter.text) !== '';

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
  const text = fold(filter.text);
  const events = index.pack.events.filter((e) => {
    if (allowedTracks && e.tracks.length > 0 && !e.tracks.some((t) => allowedTracks.includes(t))) return false;
    if (filter.track !== 'all' && !e.tracks.includes(filter.track)) return false;
    if (filter.party !== 'all' && !eventParties(index, e).has(filter.party)) return false;
    if (text && !hasAllWords(fold([e.name, ...e.aliases.map((a) => a.text), e.summary].join(' ')), text)) return false;
    return true;
  });
  events.sort((a, b) => eventStart(a).localeCompare(eventStart(b)) || a.id.localeCompare(b.id));
  if (filter.order === 'newest') events.reverse();
  return events;
}

export interface MonthGroup {
  /** YYYY-MM: an event is under the month it starts in. */
  month: string;
  events: NewsEvent[];
}

/** Cuts an ordered list of events into months, in the list's order (newest or oldest first). */
export function groupByMonth(events: readonly NewsEvent[]): MonthGroup[] {
  const groups: MonthGroup[] = [];
  for (const event of events) {
    const month = eventStart(event).slice(0, 7);
    const last = groups.at(-1);
    if (last?.month === month) last.events.push(event);
    else groups.push({ month, events: [event] });
  }
  return groups;
}

/** Events not in the list seen at the last opening. On the very first opening nothing is "new". */
export function newSince(seen: readonly string[] | null, events: readonly NewsEvent[]): Set<string> {
  if (seen === null) return new Set();
  const known = new Set(seen);
  return new Set(events.filter((e) => !known.has(e.id)).map((e) => e.id));
}
