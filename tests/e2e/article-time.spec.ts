/**
 * A card read beside an article knows the article's day: an older article gets where things stood then, then
 * "Since then"; an article newer than the pack gets one plain sentence; an article without a date, the card as
 * it always was.
 */
import type { Page } from '@playwright/test';
import { expect, markPoint, overlayHtml, pointInOverlay, test, waitForCard, waitForMarks } from './fixtures';

async function openCard(page: Page, origin: string, path: string, mark: RegExp, says: RegExp): Promise<string> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${origin}${path}`);
  await waitForMarks(page, 3);
  const point = await markPoint(page, mark);
  await page.mouse.move(point.x, point.y);
  return waitForCard(page, says);
}

test('beside an older article: the positions of its day first, then what came since, dated after it', async ({ context, origin }) => {
  const page = await context.newPage();
  // The demo is dated 12 March 2025 (its byline's <time>).
  const text = await openCard(page, origin, '/demo/article.html', /^minerals deal$/, /Minerals deal/);
  expect(text).toMatch(/At the time of this article, (12 March|March 12,) 2025/);
  let html = (await overlayHtml(page))!;
  const thenDays = [...html.split('<section class="since"')[0]!.split('<table class="stances"')[1]!.matchAll(/<time datetime="(\d{4}-\d{2}-\d{2})">/g)].map((m) => m[1]!);
  expect(thenDays.length).toBeGreaterThan(0);
  for (const day of thenDays) expect(day <= '2025-03-12').toBe(true);
  // "More" shows the later positions, each dated after the article.
  const more = await pointInOverlay(page, '.card-footer [aria-expanded]');
  await page.mouse.move(more.x, more.y, { steps: 6 });
  await page.mouse.click(more.x, more.y);
  await expect.poll(async () => /class="card\b[^"]*\bexpanded\b/.test((await overlayHtml(page)) ?? '')).toBe(true);
  html = (await overlayHtml(page))!;
  const since = html.split('<section class="since"')[1]!;
  const laterDays = [...since.matchAll(/<time datetime="(\d{4}-\d{2}(?:-\d{2})?)">/g)].map((m) => m[1]!);
  expect(laterDays.length).toBeGreaterThan(1);
  for (const day of laterDays) expect(day > '2025-03-12').toBe(true);
});

test('beside an article newer than the pack: one sentence says the card cannot know what it reports', async ({ context, origin }) => {
  const page = await context.newPage();
  const text = await openCard(page, origin, '/tests/fixtures/pages/after-pack.html', /^ceasefire$/, /Ceasefire proposals/);
  expect(text).toMatch(/This article \((20 November|November 20,) 2026\) is newer than what this card knows \(as of .+\): it may report developments the card cannot show\./);
  expect((await overlayHtml(page))!.split('class="newer-than-pack"').length).toBe(2);
  expect(text).not.toContain('At the time of this article');
});

test('beside an article without a date: the card as always, the latest positions', async ({ context, origin }) => {
  const page = await context.newPage();
  const text = await openCard(page, origin, '/tests/fixtures/pages/long-read.html', /^ceasefire$|^truce$|^30-day ceasefire$/, /Ceasefire proposals/);
  expect(text).toContain('Where each party stands (latest position)');
  expect(text).not.toContain('Since then');
  expect(text).not.toContain('newer than what this card knows');
});
