import { describe, expect, it } from 'vitest';
import { indexPack } from '../../src/knowledge/pack-index';
import type { Pack } from '../../src/knowledge/schema';
import { DEFAULT_TIMELINE_FILTER, filterTimeline, groupByMonth, isNarrowed, newSince } from '../../src/popup/timeline';
import { bundledPack, miniPack } from '../helpers/packs';

function packWithEvents(): Pack {
  const pack = miniPack();
  const base = pack.events[0]!;
  pack.events = [
    { ...base, id: 'a', date: '2025-01-10', tracks: ['minerals'], participants: ['united-states', 'ukraine'] },
    { ...base, id: 'b', date: { start: '2025-02-01', end: '2025-02-02' }, tracks: ['ceasefire'], participants: ['lavrov'] },
    { ...base, id: 'c', date: '2025-02-15', tracks: ['ceasefire', 'sanctions'], participants: ['european-union'], name: 'Talks in Türkiye', summary: 'Delegations met in the Çırağan Palace.' },
  ];
  return pack;
}

describe('timeline filtering', () => {
  const index = indexPack(packWithEvents());
  const ids = (filter: Partial<typeof DEFAULT_TIMELINE_FILTER>, tracks?: ('minerals' | 'ceasefire' | 'sanctions')[]) =>
    filterTimeline(index, { ...DEFAULT_TIMELINE_FILTER, ...filter }, tracks).map((e) => e.id);

  it('orders newest first by default and oldest first on request', () => {
    expect(ids({})).toEqual(['c', 'b', 'a']);
    expect(ids({ order: 'oldest' })).toEqual(['a', 'b', 'c']);
  });

  it('filters by track', () => {
    expect(ids({ track: 'ceasefire' })).toEqual(['c', 'b']);
    expect(ids({ track: 'minerals' })).toEqual(['a']);
    expect(ids({ track: 'elections' })).toEqual([]);
  });

  it('filters by party, counting people through their affiliation', () => {
    expect(ids({ party: 'russia' })).toEqual(['b']);
    expect(ids({ party: 'europe' })).toEqual(['c']);
    expect(ids({ party: 'ukraine' })).toEqual(['a']);
  });

  it('combines filters and respects the tracks chosen in settings', () => {
    expect(ids({ track: 'ceasefire', party: 'europe' })).toEqual(['c']);
    expect(ids({}, ['minerals'])).toEqual(['a']);
  });
});

describe('timeline text filter', () => {
  const index = indexPack(packWithEvents());
  const ids = (text: string) => filterTimeline(index, { ...DEFAULT_TIMELINE_FILTER, text }).map((e) => e.id);

  it.each([
    ['turkiye', ['c']],
    ['TÜRKIYE', ['c']],
    ['ciragan palace', ['c']],
    // Every word, in any order, in the name, another name or the summary.
    ['palace talks', ['c']],
    ['palace moscow', []],
    ['  ', ['c', 'b', 'a']],
  ])('%j keeps %j', (text, expected) => expect(ids(text)).toEqual(expected));

  it('reads the other names of an event too', () => {
    const pack = packWithEvents();
    pack.events[0]!.aliases = [{ text: 'Diriyah talks', case: 'proper' }];
    expect(filterTimeline(indexPack(pack), { ...DEFAULT_TIMELINE_FILTER, text: 'diriyah' }).map((e) => e.id)).toEqual(['a']);
  });

  it('combines with the track and party filters, and counts as narrowing the list', () => {
    const ids = (filter: Partial<typeof DEFAULT_TIMELINE_FILTER>) => filterTimeline(index, { ...DEFAULT_TIMELINE_FILTER, ...filter }).map((e) => e.id);
    expect(ids({ text: 'türkiye', track: 'ceasefire' })).toEqual(['c']);
    expect(ids({ text: 'türkiye', track: 'minerals' })).toEqual([]);
    expect(ids({ text: 'türkiye', party: 'russia' })).toEqual([]);
    expect(isNarrowed({ ...DEFAULT_TIMELINE_FILTER, text: 'talks' })).toBe(true);
    expect(isNarrowed({ ...DEFAULT_TIMELINE_FILTER, text: ' ', order: 'oldest' })).toBe(false);
  });
});

describe('timeline months', () => {
  const index = indexPack(packWithEvents());
  const months = (order: 'newest' | 'oldest') =>
    groupByMonth(filterTimeline(index, { ...DEFAULT_TIMELINE_FILTER, order })).map((g) => [g.month, g.events.map((e) => e.id)]);

  it('puts each event under the month it starts in, in the order of the list', () => {
    expect(months('newest')).toEqual([
      ['2025-02', ['c', 'b']],
      ['2025-01', ['a']],
    ]);
    expect(months('oldest')).toEqual([
      ['2025-01', ['a']],
      ['2025-02', ['b', 'c']],
    ]);
  });

  it('gives each month one heading in the bundled pack too', () => {
    const groups = groupByMonth(indexPack(bundledPack()).eventsNewestFirst);
    expect(new Set(groups.map((g) => g.month)).size).toBe(groups.length);
    expect(groups.flatMap((g) => g.events).length).toBe(bundledPack().events.length);
  });

  it('has no heading without events', () => expect(groupByMonth([])).toEqual([]));
});

describe('events new since the last opening', () => {
  const events = packWithEvents().events;
  it('marks nothing on the first opening', () => expect(newSince(null, events).size).toBe(0));
  it('marks events not seen before', () => expect([...newSince(['a', 'b'], events)]).toEqual(['c']));
});
