import { describe, expect, it } from 'vitest';
import { indexPack } from '../../src/knowledge/pack-index';
import type { Pack } from '../../src/knowledge/schema';
import { DEFAULT_TIMELINE_FILTER, filterTimeline, newSince } from '../../src/popup/timeline';
import { miniPack } from '../helpers/packs';

function packWithEvents(): Pack {
  const pack = miniPack();
  const base = pack.events[0]!;
  pack.events = [
    { ...base, id: 'a', date: '2025-01-10', tracks: ['minerals'], participants: ['united-states', 'ukraine'] },
    { ...base, id: 'b', date: { start: '2025-02-01', end: '2025-02-02' }, tracks: ['ceasefire'], participants: ['lavrov'] },
    { ...base, id: 'c', date: '2025-02-15', tracks: ['ceasefire', 'sanctions'], participants: ['european-union'] },
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

describe('events new since the last opening', () => {
  const events = packWithEvents().events;
  it('marks nothing on the first opening', () => expect(newSince(null, events).size).toBe(0));
  it('marks events not seen before', () => expect([...newSince(['a', 'b'], events)]).toEqual(['c']));
});
