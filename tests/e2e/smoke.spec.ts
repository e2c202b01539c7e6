import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUDGETS } from '../../bench/report.mjs';
import { expect, EXTENSION_DIR, markCount, markPoint, screenshotForDocs, test, waitForCard, waitForMarks, waitForScan } from './fixtures';

/** Unicode noncharacters: U+FDD0–U+FDEF and the last two code points of every plane. */
const NONCHARACTER = new RegExp(
  `[\\uFDD0-\\uFDEF${Array.from({ length: 17 }, (_, plane) => `\\u{${(plane * 0x10000 + 0xfffe).toString(16)}}\\u{${(plane * 0x10000 + 0xffff).toString(16)}}`).join('')}]`,
  'u',
);

test('every script and page of the build is text Chromium accepts: UTF-8 without noncharacters', () => {
  // Chromium silently refuses to load an unpacked extension whose content script fails its UTF-8 check, which
  // also rejects noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF) that a minifier may write out literally.
  const files = readdirSync(EXTENSION_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(js|html|css|json)$/.test(f));
  expect(files.length).toBeGreaterThan(3);
  for (const file of files) {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(join(EXTENSION_DIR, file)));
    const bad = NONCHARACTER.exec(text);
    expect(bad, `${file} contains U+${bad?.[0].codePointAt(0)?.toString(16).toUpperCase()} at ${bad?.index}`).toBeNull();
  }
});

test('the content script stays within its size budget (gzip), so a change that outgrows it fails here, not only in the benchmark', () => {
  const bytes = gzipSync(readFileSync(join(EXTENSION_DIR, 'content-scripts/content.js'))).length;
  expect(bytes, `content.js is ${bytes} bytes gzip`).toBeLessThanOrEqual(BUDGETS.contentGzipKB * 1024);
});

test('the extension loads, its content script marks a local news page, and the popup opens', async ({ context, extensionId, origin }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  const page = await context.newPage();
  await page.goto(`${origin}/tests/fixtures/pages/wire-story.html`);
  const marks = await waitForMarks(page, 3);
  expect(marks).toBeGreaterThanOrEqual(3);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.locator('body')).toContainText('Negotiation Lens');
});

test('an off-topic page gets no marks', async ({ context, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}/tests/fixtures/pages/gaza-ceasefire.html`);
  await waitForScan(page);
  expect(await markCount(page)).toBe(0);
});

test('the demo article: marks and a card, as the README shows them', async ({ context, origin }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(`${origin}/demo/article.html`);
  await waitForMarks(page, 10);
  const point = await markPoint(page, /^minerals deal$/);
  await page.evaluate(() => scrollTo(0, 0));
  const again = await markPoint(page, /^minerals deal$/);
  await page.mouse.move(again.x, again.y);
  // The demo is dated 12 March 2025: its cards say where each party stood then, and what came since.
  const card = await waitForCard(page, /Minerals deal/);
  expect(card).toMatch(/At the time of this article, (12 March|March 12,) 2025/);
  expect(card).toMatch(/Since then \(\d+ later positions?/);
  expect(point).toBeTruthy();
  await screenshotForDocs(page, 'demo.png');
});
