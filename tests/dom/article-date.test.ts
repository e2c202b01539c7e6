/** The article's own publication day, from each source a page may give it, and when they disagree. */
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { publishedDay, TALKS_BEGAN } from '../../src/page/article-date';

function page(head: string, body = ''): Document {
  const window = new Window({ url: 'http://127.0.0.1/', settings: { disableJavaScriptEvaluation: true } });
  const parsed = new window.DOMParser().parseFromString(`<html><head>${head}</head><body>${body}</body></html>`, 'text/html');
  window.document.documentElement.replaceChildren(window.document.importNode(parsed.head, true), window.document.importNode(parsed.body, true));
  return window.document as unknown as Document;
}
const LD = (date: string) => `<script type="application/ld+json">{"@type":"NewsArticle","headline":"x","datePublished":"${date}","dateModified":"2026-01-01T00:00:00Z"}</script>`;

describe('publishedDay', () => {
  it.each([
    ['JSON-LD datePublished', page(LD('2025-03-12T09:30:00+02:00')), 'https://news.example/world', '2025-03-12'],
    ['article:published_time', page('<meta property="article:published_time" content="2025-02-18T16:05:00Z">'), 'https://news.example/x', '2025-02-18'],
    ['a dated meta tag', page('<meta name="date" content="2016-07-08">'), 'https://news.example/x', '2016-07-08'],
    ['a <time> in the byline', page('', '<p class="byline">By A · <time datetime="2025-08-15T10:00Z">Aug 15</time></p>'), 'https://news.example/x', '2025-08-15'],
    ['the address', page(''), 'https://news.example/world/2016/10/04/russia-story/', '2016-10-04'],
    ['nothing', page('', '<p>No date here. <time datetime="2025-01-01">in the text</time></p>'), 'https://news.example/x', null],
  ])('reads %s', (_, doc, address, day) => {
    expect(publishedDay(doc, address)).toBe(day);
  });

  it('trusts structured data over meta tags, meta tags over the byline, and all of them over the address', () => {
    const all = page(LD('2025-03-12') + '<meta property="article:published_time" content="2025-03-13">', '<p class="byline"><time datetime="2025-03-14"></time></p>');
    expect(publishedDay(all, 'https://x.example/2016/01/02/a')).toBe('2025-03-12');
    const noLd = page('<meta property="article:published_time" content="2025-03-13">', '<p class="byline"><time datetime="2025-03-14"></time></p>');
    expect(publishedDay(noLd, 'https://x.example/2016/01/02/a')).toBe('2025-03-13');
    const bylineOnly = page('', '<p class="byline"><time datetime="2025-03-14"></time></p>');
    expect(publishedDay(bylineOnly, 'https://x.example/2016/01/02/a')).toBe('2025-03-14');
  });

  it('skips what is not a real day and reads the next source', () => {
    expect(publishedDay(page(LD('2025-02-31') + '<meta name="date" content="2025-02-28">'), 'https://x.example/')).toBe('2025-02-28');
    expect(publishedDay(page('<meta name="date" content="yesterday">'), 'https://x.example/2025/13/01/a')).toBeNull();
  });

  it('dates the start of the talks at the US election month', () => {
    expect('2024-10-31' < TALKS_BEGAN && TALKS_BEGAN <= '2024-11-05').toBe(true);
  });
});
