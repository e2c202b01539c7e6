/**
 * A day written YYYY-MM-DD that the calendar has ("2025-02-30" has none; Date would move it on to March): pack
 * dates, and the day a page says its article was published. Imports nothing, so the content script can use it.
 */
export function isCalendarDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}
