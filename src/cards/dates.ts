/**
 * The one date formatter: pack dates ("2025-05-08", or a span of days) as the reader says them, in their locale
 * ("8 May 2025", "28 April – 2 May 2025" in British English), with the machine form kept for `<time datetime>`.
 * A month ("2025-03", as the popup's timeline groups events) reads "March 2025".
 * Cards get their dates already formatted in the card model, so this stays out of the content script.
 */

/** A day as the pack writes it (YYYY-MM-DD), a span of days, or a month (YYYY-MM). */
export type DaySpan = string | { start: string; end: string };

/** A date ready to show: `text` for the reader, `datetime` (the first day, YYYY-MM-DD, or the month) for machines. */
export interface ShownDate {
  datetime: string;
  text: string;
}

export type ShowDate = (date: DaySpan) => ShownDate;

/**
 * Formats in `locales`; without them, in the reader's own (the browser's language). A month, which heads the
 * timeline's events, starts with a capital ("Березень 2025 р.", "Mars 2025"), and French writes the first day of
 * a month "1er" ("1er mai 2025"), which `Intl` does not.
 */
export function dateFormatter(locales?: Intl.LocalesArgument): ShowDate {
  // Pack dates are calendar days, not instants: read and written in UTC, so no time zone moves them a day.
  const format = new Intl.DateTimeFormat(locales, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const formatMonth = new Intl.DateTimeFormat(locales, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  // Only French dates are written from their parts: elsewhere `format` keeps the plain spaces it has always had.
  const french = format.resolvedOptions().locale.split('-')[0] === 'fr';
  const firstIsFirst = (parts: Intl.DateTimeFormatPart[]) => parts.map((p) => (p.type === 'day' && p.value === '1' ? '1er' : p.value)).join('');
  const day = (date: Date) => (french ? firstIsFirst(format.formatToParts(date)) : format.format(date));
  const span = (first: Date, last: Date) => (french ? firstIsFirst(format.formatRangeToParts(first, last)) : format.formatRange(first, last));
  return (date) => {
    // A month is a valid `<time datetime>` as it is ("2025-03"); it is shown without a day.
    if (typeof date === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(date)) {
      const month = formatMonth.format(new Date(`${date}-01T00:00:00Z`));
      return { datetime: date, text: month.charAt(0).toUpperCase() + month.slice(1) };
    }
    const { start, end } = typeof date === 'string' ? { start: date, end: date } : date;
    const first = new Date(`${start}T00:00:00Z`);
    const last = new Date(`${end}T00:00:00Z`);
    // A pack from elsewhere may hold a day that does not exist; it is shown as written rather than break the view.
    if (Number.isNaN(first.getTime()) || Number.isNaN(last.getTime())) return { datetime: start, text: start === end ? start : `${start} – ${end}` };
    return { datetime: start, text: start === end ? day(first) : span(first, last) };
  };
}

/** Dates in the reader's locale. */
export const readerDates: ShowDate = dateFormatter();
