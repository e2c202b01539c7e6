/**
 * When the article on a page was published, from what the page says about itself, in this order of trust:
 * structured data (JSON-LD `datePublished`), the publication meta tags, a `<time datetime>` in the byline or the
 * article's header, and a date in the address (`/2025/03/12/`). Pages that disagree are read by the first source
 * that has a date: the others are often the date of an update or of the section's page. It only reads the DOM.
 */
import { isCalendarDay } from '../vocabulary/calendar-day';

const ISO_DAY = /(\d{4})-(\d{2})-(\d{2})/;
const META = 'meta[property="article:published_time"],meta[itemprop=datePublished],meta[name=date],meta[name=pubdate],meta[name="dc.date"]';
const BYLINE_TIME = '[class*=byline] time[datetime],article header time[datetime],time[itemprop=datePublished],time[pubdate]';

/** The publication day (YYYY-MM-DD), or null when the page does not say. */
export function publishedDay(doc: Document, address: string): string | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const day = dayIn(/"datePublished"\s*:\s*"([^"]{10,40})"/.exec(script.textContent?.slice(0, 1e5) ?? '')?.[1]);
    if (day) return day;
  }
  const day = dayIn(doc.querySelector(META)?.getAttribute('content')) ?? dayIn(doc.querySelector(BYLINE_TIME)?.getAttribute('datetime'));
  if (day) return day;
  const inAddress = /\/(20\d\d)[/-](\d\d)[/-](\d\d)(?:\/|\b)/.exec(address);
  return inAddress ? dayIn(`${inAddress[1]}-${inAddress[2]}-${inAddress[3]}`) : null;
}

/** A real calendar day at the start of `text`, or null. */
function dayIn(text: string | null | undefined): string | null {
  const day = text ? ISO_DAY.exec(text)?.[0] : undefined;
  return day && isCalendarDay(day) ? day : null;
}

/** Articles published before the talks began (the US election of November 2024) are not about them. */
export const TALKS_BEGAN = '2024-11-01';
