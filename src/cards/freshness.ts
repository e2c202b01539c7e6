/**
 * How fresh what a card shows is: the date of its newest entry, in words ("latest position: 11 months ago"),
 * next to the pack's "as of" date, and one plain sentence when the pack itself is old. Computed in the
 * background when the card is asked for, with the clock passed in.
 */
import type { PackInfo } from '../knowledge/active-pack';
import { ENGLISH_CARD_WORDS, type CardWords } from './card-words';
import type { CardModel } from './card-model';

/** After this many days without a newer pack, cards and the popup say that later developments are missing. */
export const STALE_AFTER_DAYS = 60;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface Freshness {
  /** The newest dated entry the card shows, or null when it shows none. */
  latest: { what: 'position' | 'event' | 'status'; date: string; ago: string } | null;
  asOf: string;
  official: boolean;
  /** "This knowledge is as of …; later developments are not included." when the pack is older than STALE_AFTER_DAYS. */
  staleNotice: string | null;
}

const utcDay = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);

/** "today", "3 days ago", "11 months ago", "2 years ago": the coarsest unit that is at least one. */
export function timeAgo(iso: string, now: Date, locale = 'en'): string {
  const days = Math.round((utcDay(now.toISOString()) - utcDay(iso)) / DAY_MS);
  const words = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (Math.abs(days) < 7) return words.format(-days, 'day');
  if (Math.abs(days) < 31) return words.format(-Math.round(days / 7), 'week');
  // Months until two years: "19 months ago" says more than a rounded "2 years ago".
  if (Math.abs(days) < 730) return words.format(-Math.round(days / 30.44), 'month');
  return words.format(-Math.round(days / 365.25), 'year');
}

export function staleNotice(info: Pick<PackInfo, 'asOf'>, now: Date, { t, showDate }: CardWords = ENGLISH_CARD_WORDS): string | null {
  const age = (utcDay(now.toISOString()) - utcDay(info.asOf)) / DAY_MS;
  return age > STALE_AFTER_DAYS ? t.text('staleNotice', showDate(info.asOf).text) : null;
}

/** The newest dated entry among what the card shows: stances, the status, its own date or its events. */
function newestEntry(model: CardModel): Freshness['latest'] extends infer L ? Omit<NonNullable<L>, 'ago'> | null : never {
  const candidates: { what: 'position' | 'event' | 'status'; date: string }[] = [];
  if (model.kind === 'event') candidates.push({ what: 'event', date: model.date.datetime });
  else {
    if (model.kind === 'topic') candidates.push({ what: 'status', date: model.status.date.datetime });
    // A line's first position is its newest, the one the card shows.
    for (const [newest] of model.lines.map((line) => line.stances)) if (newest) candidates.push({ what: 'position', date: newest.date.datetime });
  }
  for (const event of model.relatedEvents) candidates.push({ what: 'event', date: event.date.datetime });
  const dated = candidates.filter((c) => /^\d{4}-\d{2}-\d{2}$/.test(c.date));
  if (dated.length === 0) return null;
  return dated.reduce((a, b) => (b.date > a.date ? b : a));
}

export function freshnessOf(model: CardModel, info: Pick<PackInfo, 'asOf' | 'official'>, now: Date, words: CardWords = ENGLISH_CARD_WORDS): Freshness {
  const newest = newestEntry(model);
  return {
    latest: newest ? { ...newest, ago: timeAgo(newest.date, now, words.t.language) } : null,
    asOf: info.asOf,
    official: info.official,
    staleNotice: staleNotice(info, now, words),
  };
}
