/**
 * The Firefox build in a real Firefox: installed as a temporary add-on, driven over WebDriver BiDi (puppeteer-core;
 * no geckodriver). The browser is Debian's firefox-esr, or FIREFOX_PATH. `npm test` builds the package first
 * (`npm run lint:firefox` builds .output/firefox-mv2).
 *
 * The content script's signals and our highlights are read from the page, as in the Chromium tests: Firefox, too,
 * shares the performance timeline and the highlight registry between the page and the content script.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
// @ts-expect-error plain JavaScript helper shared with the npm scripts
import { serveFolder } from '../../scripts/serve.mjs';

const FIREFOX_BUILD = resolve('.output/firefox-mv2');
const ADDON_ID = 'negotiation-lens@example.org';
/** Fixed, so that the test knows the address of the add-on's pages (Firefox gives each install a random one). */
const ADDON_UUID = '6d1f2c1e-5b7a-4c36-9a51-6e2f7d0c4b11';
const FIREFOX_CANDIDATES = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];

let browser: Browser;
let server: { origin: string; close: () => Promise<void> };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const executablePath = FIREFOX_CANDIDATES.find((path): path is string => Boolean(path && existsSync(path)));
  if (!executablePath) throw new Error('No Firefox found: set FIREFOX_PATH, or install one (Debian/Ubuntu: sudo apt-get install firefox-esr).');
  if (!existsSync(resolve(FIREFOX_BUILD, 'manifest.json'))) throw new Error('No Firefox build: run npm run build:firefox first (npm test does).');
  server = (await serveFolder(resolve('.'))) as typeof server;
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    protocol: 'webDriverBiDi',
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }) },
  });
  expect(await browser.installExtension(FIREFOX_BUILD)).toBe(ADDON_ID);
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Waits for one of the content script's performance marks (see tests/e2e/fixtures.ts for what each means). */
async function waitForSignal(page: Page, name: 'started' | 'painted'): Promise<void> {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, { timeout: 20_000 }, `negotiation-lens:${name}`);
}

/** Our underlined marks, in every tone of the page (src/page/page-tone.ts). */
const markCount = (page: Page) => page.evaluate(() => [...CSS.highlights].reduce((total, [name, marks]) => total + (name.startsWith('negotiation-lens-underline') ? marks.size : 0), 0));

/** Centre of the first painted mark whose text is `text`, scrolled into view. */
async function markPoint(page: Page, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((wanted) => {
    for (const r of [...CSS.highlights].filter(([name]) => name.startsWith('negotiation-lens-underline')).flatMap(([, marks]) => [...marks]) as AbstractRange[]) {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      if (live.toString() !== wanted) continue;
      (r.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center', behavior: 'instant' });
      const rect = live.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, text);
  if (!point) throw new Error(`no mark with text ${text}`);
  return point;
}

/** The text of the mark whose card is open (our active highlight), or null. */
const activeMark = (page: Page) =>
  page.evaluate(() => {
    const [range] = [...((CSS.highlights.get('negotiation-lens-active') ?? []) as Iterable<AbstractRange>)];
    return range ? (range.startContainer as Text).data.slice(range.startOffset, range.endOffset) : null;
  });

test('Firefox: the add-on loads, and the demo article gets its marks', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/demo/article.html`);
  await waitForSignal(page, 'painted');
  expect(await markCount(page)).toBeGreaterThanOrEqual(10);
  await page.close();
});

test('Firefox: hovering a mark opens its card', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/tests/fixtures/pages/wire-story.html`);
  await waitForSignal(page, 'painted');
  const point = await markPoint(page, 'Sergei Lavrov');
  await page.mouse.move(point.x, point.y);
  await expect.poll(() => activeMark(page), { timeout: 10_000 }).toBe('Sergei Lavrov');
  // The card lives in our one host element, in a closed shadow root the page cannot enter.
  expect(await page.evaluate(() => document.querySelectorAll('[data-negotiation-lens-ui]').length)).toBe(1);
  expect(await page.evaluate(() => (document.querySelector('[data-negotiation-lens-ui]') as HTMLElement).shadowRoot)).toBeNull();
  await page.close();
});

test('Firefox: an off-topic page gets no marks', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/tests/fixtures/pages/gaza-ceasefire.html`);
  await waitForSignal(page, 'painted');
  expect(await markCount(page)).toBe(0);
  await page.close();
});

test('Firefox: "Open in popup" on an event card opens the popup page, at that event', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/tests/fixtures/pages/wire-story.html`);
  await waitForSignal(page, 'painted');
  // An event named in the story's body (the headline's "Riyadh talks" is not marked by default: calm marking).
  const point = await markPoint(page, 'emergency meeting in Paris');
  await page.mouse.move(point.x, point.y);
  await expect.poll(() => activeMark(page), { timeout: 10_000 }).toBe('emergency meeting in Paris');
  // The card's box, found through the points that resolve to our host (the page cannot see inside it); its
  // footer's "Open in popup" button sits at its bottom right.
  const card = await page.evaluate(() => {
    const host = document.querySelector('[data-negotiation-lens-ui]');
    let right = -1;
    let bottom = -1;
    for (let y = 0; y < innerHeight; y += 4)
      for (let x = 0; x < innerWidth; x += 4)
        if (document.elementFromPoint(x, y) === host) {
          right = Math.max(right, x);
          bottom = Math.max(bottom, y);
        }
    return { right, bottom };
  });
  expect(card.right).toBeGreaterThan(0);
  // Firefox opens an extension's popup only from a click on its toolbar button: the background shows the popup
  // page in a tab instead, with the item in its address. (The new tab's address reaches the driver late: ask it.)
  const before = new Set(browser.targets());
  const opened = browser.waitForTarget((target) => target.type() === 'page' && !before.has(target), { timeout: 20_000 });
  await page.mouse.move(card.right - 40, card.bottom - 8, { steps: 5 });
  await page.mouse.click(card.right - 40, card.bottom - 8);
  const popup = (await (await opened).page())!;
  await expect.poll(() => popup.evaluate(() => location.href), { timeout: 20_000 }).toMatch(new RegExp(`^moz-extension://${ADDON_UUID}/popup\\.html\\?focus=paris-emergency-summit`));
  await popup.waitForSelector('[data-ready]', { timeout: 20_000 });
  expect(await popup.evaluate(() => document.body.textContent)).toContain('Negotiation Lens');
  await popup.waitForSelector('.timeline li.event[data-event-id^="paris-emergency-summit"] details[open]', { timeout: 20_000 });
  await popup.close();
  await page.close();
});
