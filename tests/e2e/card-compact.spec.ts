/**
 * A card opens compact: what it is, its status, one line per party (or per topic). "More" shows the rest in place,
 * and a party's earlier positions open in the popup. A country's card says where its party stands on each topic.
 */
import type { Page, Worker } from '@playwright/test';
import { cardText, expect, markPoint, overlayBox, overlayHtml, pointInOverlay, screenshotForDocs, test, waitForCard, waitForMarks } from './fixtures';

const ARTICLE = '/demo/article.html';

async function hoverCard(page: Page, origin: string, mark: RegExp, says: RegExp): Promise<{ x: number; y: number }> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${origin}${ARTICLE}`);
  await waitForMarks(page, 10);
  const point = await markPoint(page, mark);
  await page.mouse.move(point.x, point.y);
  await waitForCard(page, says);
  return point;
}

/** Moves the pointer from where it is into the card, to a control there, and clicks it, as a reader would. */
async function clickInCard(page: Page, selector: string): Promise<void> {
  const target = await pointInOverlay(page, selector);
  await page.mouse.move(target.x, target.y, { steps: 6 });
  await page.mouse.click(target.x, target.y);
}

/** The addresses of the popups the extension has open (headless Chromium opens them without showing them). */
const openPopups = (worker: Worker) =>
  worker.evaluate(async () => {
    type ExtensionContext = { documentUrl?: string };
    const api = (globalThis as unknown as { chrome: { runtime: { getContexts(filter: object): Promise<ExtensionContext[]> } } }).chrome;
    return (await api.runtime.getContexts({ contextTypes: ['POPUP'] })).map((c) => c.documentUrl ?? '');
  });

test('"More" shows the rest of a card in place, on the side it opened on', async ({ context, origin }) => {
  const page = await context.newPage();
  const mark = await hoverCard(page, origin, /^minerals deal$/, /Minerals deal/);
  const compact = (await overlayBox(page, '[role="dialog"]'))!;
  // Sources, related events and the earlier positions wait for "More".
  for (const hidden of ['.related', '.status-line .sources', '.stances .meta.more']) expect(await overlayBox(page, hidden), hidden).toBeNull();
  expect(await overlayHtml(page)).toContain('aria-expanded="false"');

  await clickInCard(page, '.card-footer [aria-expanded]');
  await expect.poll(async () => (await overlayHtml(page)) ?? '').toContain('aria-expanded="true"');
  for (const shown of ['.related', '.status-line .sources', '.stances .meta.more']) expect((await overlayBox(page, shown))?.height, shown).toBeGreaterThan(0);
  const expanded = (await overlayBox(page, '[role="dialog"]'))!;
  expect(expanded.height).toBeGreaterThan(compact.height);
  // Grown in place: the edge next to the mark did not move.
  if (compact.bottom < mark.y) expect(expanded.bottom).toBeCloseTo(compact.bottom, 0);
  else expect(expanded.top).toBeCloseTo(compact.top, 0);

  // "More" again: compact again.
  await clickInCard(page, '.card-footer [aria-expanded]');
  await expect.poll(async () => (await overlayHtml(page)) ?? '').toContain('aria-expanded="false"');
  expect((await overlayBox(page, '[role="dialog"]'))!.height).toBeCloseTo(compact.height, 0);
});

test('a party\'s earlier positions open the popup at the topic', async ({ context, serviceWorker, origin }) => {
  const page = await context.newPage();
  await hoverCard(page, origin, /^minerals deal$/, /Minerals deal/);
  await clickInCard(page, '.card-footer [aria-expanded]');
  await expect.poll(async () => (await overlayHtml(page)) ?? '').toContain('aria-expanded="true"');
  const text = (await cardText(page))!;
  expect(text).toMatch(/\d+ earlier positions? in the popup/);
  await clickInCard(page, '.stances .meta.more button');
  await expect.poll(() => openPopups(serviceWorker)).toEqual([expect.stringMatching(/\/popup\.html\?focus=minerals-deal$/)]);
});

for (const colorScheme of ['light', 'dark'] as const)
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme });
    const suffix = colorScheme === 'light' ? '' : '-dark';

    test('a compact topic card: what it is, its status, one line per party', async ({ context, origin }) => {
      const page = await context.newPage();
      // The first mention in its section, the one marked: the standfirst's "30-day truce".
      await hoverCard(page, origin, /^30-day ceasefire$|^truce$/, /Ceasefire proposals/);
      const html = (await overlayHtml(page))!;
      // One row per party, each with a position, its status, date and first source.
      const rows = [...html.matchAll(/<th scope="row">([^<]+)<\/th>/g)].map((m) => m[1]);
      expect(rows).toEqual(['United States', 'Ukraine', 'Russia', 'Europe', 'Mediators']);
      expect((await overlayBox(page, 'table.stances'))!.height).toBeGreaterThan(0);
      await screenshotForDocs(page, `card-compact${suffix}.png`);
    });

    test('a country\'s card: where its party stands on each topic, dated and sourced', async ({ context, origin }) => {
      const page = await context.newPage();
      // States are marked once per article: Ukraine's one mark is the standfirst's "Kyiv" (its capital).
      // The demo is dated 12 March 2025: the lines are where Ukraine stood on each topic on that day.
      await hoverCard(page, origin, /^Kyiv$/, /At the time of this article/);
      const html = (await overlayHtml(page))!;
      expect(html).toContain('Party to the war and the talks');
      // A line per topic, each with a date and a source; no one person's quotes.
      const list = /<ul class="actor-stances">(.*?)<\/ul>/s.exec(html)![1]!;
      const lines = list.split('<li>').slice(1);
      // On the demo's day, 12 March 2025, Ukraine had spoken on five topics in the pack's sources.
      expect(lines.length).toBeGreaterThanOrEqual(5);
      for (const line of lines) {
        expect(line).toMatch(/<time datetime="\d{4}-\d{2}-\d{2}">/);
        expect(line).toMatch(/class="sources">Sources?: <span><a href="https:/);
      }
      expect(html).not.toContain('class="quote"');
      // Compact: the newest topics show, each in a few lines; three of them here, where "Since then" follows.
      expect((await overlayBox(page, '.actor-stances li:nth-child(3)'))!.height).toBeGreaterThan(0);
      expect(await overlayBox(page, '.actor-stances li:nth-child(4)')).toBeNull();
      expect(html).toMatch(/<h3>Since then <span class="since-count">\(\d+ later positions/);
      await screenshotForDocs(page, `card-country${suffix}.png`);
    });
  });
