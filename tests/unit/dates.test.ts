/** The one date formatter: readable dates in the reader's locale, the machine form kept. */
import { describe, expect, it } from 'vitest';
import { dateFormatter } from '../../src/cards/dates';

// Intl may put thin or narrow no-break spaces around a range's dash; the tests read them as plain spaces.
const plain = (text: string) => text.replace(/[\u2009\u202f\u00a0]/g, ' ');

describe('dateFormatter', () => {
  const british = dateFormatter('en-GB');

  it('writes a day as a reader would, and keeps the day itself for <time datetime>', () => {
    expect(british('2025-05-08')).toEqual({ datetime: '2025-05-08', text: '8 May 2025' });
  });

  it('writes a span of days once, sharing what the two ends share; datetime is the first day', () => {
    expect(plain(british({ start: '2025-02-14', end: '2025-02-15' }).text)).toBe('14 – 15 February 2025');
    expect(plain(british({ start: '2025-04-28', end: '2025-05-02' }).text)).toBe('28 April – 2 May 2025');
    expect(british({ start: '2025-04-28', end: '2025-05-02' }).datetime).toBe('2025-04-28');
    // A span that starts and ends on the same day is that day.
    expect(british({ start: '2025-05-08', end: '2025-05-08' }).text).toBe('8 May 2025');
  });

  it('writes a month (the timeline\'s headings) without a day, and keeps the month for <time datetime>', () => {
    expect(british('2025-03')).toEqual({ datetime: '2025-03', text: 'March 2025' });
    expect(british('2025-12').text).toBe('December 2025');
    expect(dateFormatter('en-US')('2025-03').text).toBe('March 2025');
    expect(dateFormatter('de-DE')('2025-03').text).toBe('März 2025');
    // A heading starts with a capital where the language writes its months in small letters.
    expect(dateFormatter('uk')('2025-03').text).toBe('Березень 2025 р.');
    expect(dateFormatter('ru')('2025-03').text).toBe('Март 2025 г.');
    expect(dateFormatter('fr')('2025-03').text).toBe('Mars 2025');
    expect(dateFormatter('pl')('2025-03').text).toBe('Marzec 2025');
    // Not a month: shown as written, like any other date that does not exist.
    expect(british('2025-13')).toEqual({ datetime: '2025-13', text: '2025-13' });
  });

  it('follows the locale it is given', () => {
    expect(dateFormatter('en-US')('2025-05-08').text).toBe('May 8, 2025');
    expect(dateFormatter('de-DE')('2025-05-08').text).toBe('8. Mai 2025');
  });

  it('writes the first of a month "1er" in French, alone and in a span, and only there', () => {
    const french = dateFormatter('fr');
    expect(french('2025-05-01').text).toBe('1er mai 2025');
    expect(french('2025-05-11').text).toBe('11 mai 2025');
    expect(plain(french({ start: '2025-05-01', end: '2025-05-03' }).text)).toBe('1er–3 mai 2025');
    expect(plain(french({ start: '2025-04-28', end: '2025-05-01' }).text)).toBe('28 avril – 1er mai 2025');
    expect(dateFormatter('fr-CA')('2025-05-01').text).toBe('1er mai 2025');
    expect(dateFormatter('pl')('2025-05-01').text).toBe('1 maja 2025');
    expect(british('2025-05-01').text).toBe('1 May 2025');
  });

  it('keeps the calendar day in every time zone: the first and last days of a year stay in their year', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        const here = dateFormatter('en-GB');
        expect(here('2025-01-01').text, tz).toBe('1 January 2025');
        expect(here('2025-12-31').text, tz).toBe('31 December 2025');
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('shows a day that does not exist as written instead of failing (a pack from elsewhere)', () => {
    expect(british('2025-02-30x')).toEqual({ datetime: '2025-02-30x', text: '2025-02-30x' });
    expect(british({ start: 'soon', end: '2025-05-08' }).text).toBe('soon – 2025-05-08');
  });
});
