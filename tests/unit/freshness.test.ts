import { describe, expect, it } from 'vitest';
import { buildCardModel } from '../../src/cards/card-model';
import { freshnessOf, staleNotice, STALE_AFTER_DAYS, timeAgo } from '../../src/cards/freshness';
import { dateFormatter } from '../../src/cards/dates';
import { indexPack } from '../../src/knowledge/pack-index';
import { miniPack } from '../helpers/packs';
import { ENGLISH } from '../../src/i18n/messages';

const now = new Date('2026-12-02T15:00:00Z');

describe('freshness in words', () => {
  it.each([
    ['2026-12-02', 'today'],
    ['2026-12-01', 'yesterday'],
    ['2026-11-27', '5 days ago'],
    ['2026-11-11', '3 weeks ago'],
    ['2026-01-06', '11 months ago'],
    ['2025-05-08', '19 months ago'],
    ['2023-11-01', '3 years ago'],
  ])('%s is "%s"', (date, words) => {
    expect(timeAgo(date, now)).toBe(words);
  });

  it(`says the knowledge is old only after ${STALE_AFTER_DAYS} days`, () => {
    const british = dateFormatter('en-GB');
    expect(staleNotice({ asOf: '2026-10-03' }, now, { t: ENGLISH, showDate: british })).toBeNull();
    expect(staleNotice({ asOf: '2026-01-06' }, now, { t: ENGLISH, showDate: british })).toBe('This knowledge is as of 6 January 2026; later developments are not included.');
  });

  it('finds the newest entry a card shows, and carries the pack facts', () => {
    const pack = miniPack();
    const model = buildCardModel(indexPack(pack), 'ceasefire')!;
    const freshness = freshnessOf(model, { asOf: pack.meta.asOf, official: false }, now);
    const dates = [model.kind === 'topic' ? model.status.date.datetime : '', ...(model.kind === 'topic' ? model.lines.flatMap((r) => (r.stances[0] ? [r.stances[0].date.datetime] : [])) : [])];
    expect(freshness.latest?.date).toBe(dates.sort().at(-1));
    expect(freshness).toMatchObject({ asOf: pack.meta.asOf, official: false, staleNotice: expect.stringContaining('later developments') });
  });
});
