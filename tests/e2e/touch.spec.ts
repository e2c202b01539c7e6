/**
 * On a phone: no hover, a coarse pointer, a small screen. A tap on a mark opens its card as a bottom sheet; a mark in
 * a link follows the link on a tap and opens its card on a long press. The popup and the options page fit the
 * screen's width. The phone is Chromium's mobile emulation (the `phone` option of ./fixtures).
 */
import type { Page } from '@playwright/test';
import {
  cardText,
  expect,
  markPoint,
  openPopup,
  overlayBox,
  overlayHtml,
  overlayScroll,
  PHONE,
  pointInOverlay,
  screenshotForDocs,
  setStorage,
  test,
  waitForCard,
  waitForMarks,
} from './fixtures';

test.use({ phone: true });

const STORY = '/tests/fixtures/pages/phone-story.html';
/** A bottom sheet takes at most this share of the screen's height. */
const SHEET_SHARE = 0.6;

async function openStory(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}${STORY}`);
  await waitForMarks(page, 3);
}

/** A finger on the screen through DevTools' protocol: down at a point, moved in steps, and lifted (`up`). */
async function finger(page: Page) {
  const client = await page.context().newCDPSession(page);
  const send = (type: 'touchStart' | 'touchMove' | 'touchEnd', at?: { x: number; y: number }) =>
    client.send('Input.dispatchTouchEvent', { type, touchPoints: at ? [{ x: at.x, y: at.y }] : [] });
  return {
    down: (at: { x: number; y: number }) => send('touchStart', at),
    moveTo: (at: { x: number; y: number }) => send('touchMove', at),
    up: async () => {
      await send('touchEnd');
      await client.detach();
    },
  };
}

/** Taps a mark and waits for its card; returns the card's box. */
async function tapMark(page: Page, mark: RegExp, says: RegExp) {
  const point = await markPoint(page, mark);
  await page.touchscreen.tap(point.x, point.y);
  await waitForCard(page, says);
  return (await overlayBox(page, '[role="dialog"]'))!;
}

for (const colorScheme of ['light', 'dark'] as const)
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme });
    test('the phone cannot hover: a tap on a mark opens its card as a bottom sheet of at most 60% of the screen, which scrolls inside', async ({ context, origin }) => {
      const page = await context.newPage();
      await openStory(page, origin);
      expect(await page.evaluate(() => [matchMedia('(hover: none)').matches, matchMedia('(pointer: coarse)').matches])).toEqual([true, true]);

      const sheet = await tapMark(page, /^Volodymyr Zelensky$/, /Zelensky/);
      // The width of the screen, from its bottom edge, at most 60% of its height.
      expect(sheet.left).toBeCloseTo(0, 0);
      expect(sheet.width).toBeCloseTo(PHONE.width, 0);
      expect(sheet.bottom).toBeCloseTo(PHONE.height, 0);
      expect(sheet.height).toBeLessThanOrEqual(PHONE.height * SHEET_SHARE + 1);
      await screenshotForDocs(page, `bottom-sheet-phone${colorScheme === 'light' ? '' : '-dark'}.png`);

      // "More" shows the rest inside the sheet, which then scrolls: the sheet stays as tall as it may be.
      const more = await pointInOverlay(page, '.card-footer [aria-expanded]');
      await page.touchscreen.tap(more.x, more.y);
      await expect.poll(async () => (await overlayHtml(page)) ?? '').toContain('aria-expanded="true"');
      const expanded = (await overlayBox(page, '[role="dialog"]'))!;
      expect(expanded.height).toBeLessThanOrEqual(PHONE.height * SHEET_SHARE + 1);
      const scroll = (await overlayScroll(page, '[role="dialog"]'))!;
      expect(scroll.scrollHeight).toBeGreaterThan(scroll.clientHeight);
    });
  });

test('the sheet closes on a tap outside, its close button, Escape and a swipe down', async ({ context, origin }) => {
  const page = await context.newPage();
  await openStory(page, origin);

  // A tap above the sheet, on the page but on no mark.
  const sheet = await tapMark(page, /^Volodymyr Zelensky$/, /Zelensky/);
  await page.touchscreen.tap(PHONE.width - 6, sheet.top / 2);
  await expect.poll(() => cardText(page)).toBeNull();

  await tapMark(page, /^Volodymyr Zelensky$/, /Zelensky/);
  const close = await pointInOverlay(page, 'button[aria-label="Close card"]');
  await page.touchscreen.tap(close.x, close.y);
  await expect.poll(() => cardText(page)).toBeNull();

  await tapMark(page, /^Volodymyr Zelensky$/, /Zelensky/);
  await page.keyboard.press('Escape');
  await expect.poll(() => cardText(page)).toBeNull();

  // A swipe down that starts on the sheet's title.
  const swiped = await tapMark(page, /^Volodymyr Zelensky$/, /Zelensky/);
  const start = { x: PHONE.width / 2, y: swiped.top + 30 };
  const touch = await finger(page);
  await touch.down(start);
  for (const step of [20, 40, 80, 120]) await touch.moveTo({ x: start.x, y: start.y + step });
  await touch.up();
  await expect.poll(() => cardText(page)).toBeNull();
});

test('with cards set to open on a click, a tap opens the sheet and a tap outside closes it', async ({ context, serviceWorker, origin }) => {
  await setStorage(serviceWorker, { 'pref:cardTrigger': 'click' });
  const page = await context.newPage();
  await openStory(page, origin);
  const sheet = await tapMark(page, /^Vladimir Putin$/, /Putin/);
  await page.touchscreen.tap(PHONE.width - 6, sheet.top / 2);
  await expect.poll(() => cardText(page)).toBeNull();
});

test('a tap on a mark inside a link follows the link; a long press there opens the card and keeps the page', async ({ context, origin }) => {
  const page = await context.newPage();
  await openStory(page, origin);
  const story = page.url();
  const point = await markPoint(page, /^Steve Witkoff$/);
  await page.touchscreen.tap(point.x, point.y);
  await page.waitForURL(/wire-story\.html$/);
  expect(await cardText(page)).toBeNull();

  await openStory(page, origin);
  // The page's own click listener tells whether the click that ends the press was held back.
  await page.evaluate(() => {
    const w = window as unknown as { __clicks: boolean[] };
    w.__clicks = [];
    document.addEventListener('click', (event) => w.__clicks.push(event.defaultPrevented));
  });
  const pressAt = await markPoint(page, /^Steve Witkoff$/);
  const touch = await finger(page);
  await touch.down(pressAt);
  // The card opens while the finger still rests on the mark.
  await waitForCard(page, /Witkoff/);
  await touch.up();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __clicks: boolean[] }).__clicks)).toEqual([true]);
  expect(page.url()).toBe(story);
  expect(await cardText(page)).toMatch(/Witkoff/);
  const sheet = (await overlayBox(page, '[role="dialog"]'))!;
  expect(sheet.bottom).toBeCloseTo(PHONE.height, 0);
});

test('the popup and the options page fit a 360-pixel-wide phone screen', async ({ context, serviceWorker, extensionId, origin }) => {
  const page = await context.newPage();
  await openStory(page, origin);
  const sideways = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const popup = await openPopup(context, serviceWorker, extensionId, page, { width: PHONE.width, height: 640 });
  expect(await popup.evaluate(() => innerWidth)).toBe(PHONE.width);
  for (const tab of ['Summary', 'This page', 'Timeline', 'Search']) {
    await popup.getByRole('tab', { name: tab }).click();
    if (tab === 'Search') await popup.getByRole('searchbox').fill('minerals');
    expect(await sideways(popup), tab).toBeLessThanOrEqual(0);
  }
  // An item in full, with its stance table and every position on it.
  await popup.goto(`chrome-extension://${extensionId}/popup.html?focus=minerals-deal`);
  await popup.locator('.stances').waitFor();
  await popup.locator('.all-stances summary').click();
  expect(await sideways(popup), 'the detail view').toBeLessThanOrEqual(0);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading', { level: 1, name: 'Negotiation Lens settings' })).toBeVisible();
  expect(await options.evaluate(() => innerWidth)).toBe(PHONE.width);
  expect(await sideways(options), 'the options page').toBeLessThanOrEqual(0);
});
