/**
 * A card opened from the keyboard (the next-mention command, or the popup's "show on page"): Shift+Tab out of it
 * goes back to its mark's place in the page, not to the end of the page where the card's host element is, and
 * its title and close button stay in view while Tab goes through a tall card.
 */
import { readFileSync } from 'node:fs';
import type { Page, Worker } from '@playwright/test';
import { entityIds } from '../../src/knowledge/alias-table-from-pack';
import type { Pack } from '../../src/knowledge/schema';
import { cardText, expect, overlayBox, overlayHtml, sendFromBackground, tabIdOf, test, waitForCard, waitForMarks } from './fixtures';

const STORY = '/tests/fixtures/pages/phone-story.html';
const ids = entityIds(JSON.parse(readFileSync('data/pack.json', 'utf8')) as Pack);

/** Opens the card of an item's first mark as the popup's "show on page" does: from the keyboard, with focus. */
async function revealFromKeyboard(page: Page, worker: Worker, id: string, says: RegExp): Promise<void> {
  const tab = await tabIdOf(worker, page);
  expect(await sendFromBackground(worker, tab, { type: 'revealMention', payload: { entity: ids.indexOf(id) } })).toEqual({ found: true });
  await waitForCard(page, says);
  expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-negotiation-lens-ui'))).toBe(true);
}

const focusedInPage = (page: Page) => page.evaluate(() => document.activeElement?.id ?? null);

// [the case, the card's item, what it says, the element focus goes back to, the one the next Tab reaches]
for (const [name, id, says, before, after] of [
  ['a mark after a link', 'zelensky', /Zelensky/, 'linked-mark', 'footer-link'],
  ['a mark inside a link', 'witkoff', /Witkoff/, 'linked-mark', 'footer-link'],
  ['the first mark of the article', 'saudi-arabia', /Saudi Arabia/, 'byline-link', 'linked-mark'],
] as const)
  test(`Shift+Tab out of a card goes back to its mark, not to the end of the page: ${name}`, async ({ context, serviceWorker, origin }) => {
    const page = await context.newPage();
    await page.goto(`${origin}${STORY}`);
    await waitForMarks(page, 3);
    await revealFromKeyboard(page, serviceWorker, id, says);
    const scrolled = await page.evaluate(() => scrollY);
    await page.keyboard.press('Shift+Tab');
    // Focus is on the last element before the mark that Tab reaches (the link the mark is in, if it is in one).
    await expect.poll(() => focusedInPage(page)).toBe(before);
    // The card had focus from the keyboard: it closes as focus moves on into the page, which does not scroll.
    await expect.poll(() => cardText(page)).toBeNull();
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);
    // The next Tab goes on in the page from there.
    await page.keyboard.press('Tab');
    expect(await focusedInPage(page)).toBe(after);
  });

test('Shift+Tab from the first button of a card goes back to the mark too', async ({ context, serviceWorker, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}${STORY}`);
  await waitForMarks(page, 3);
  await revealFromKeyboard(page, serviceWorker, 'zelensky', /Zelensky/);
  await page.keyboard.press('Tab');
  await expect.poll(async () => (await overlayHtml(page)) !== null && (await overlayBox(page, 'button:focus'))?.width).toBeGreaterThan(0);
  await page.keyboard.press('Shift+Tab');
  await expect.poll(() => focusedInPage(page)).toBe('linked-mark');
});

test('tabbing through a tall card keeps its title and close button in view, and the focused control between them', async ({ context, serviceWorker, origin }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 700 });
  await page.goto(`${origin}${STORY}`);
  await waitForMarks(page, 3);
  await revealFromKeyboard(page, serviceWorker, 'ceasefire-proposals', /Ceasefire proposals/);

  // Forward to "More" and open it: the card grows taller than it can show.
  let steps = 0;
  while (!(await overlayBox(page, '[aria-expanded]:focus'))) {
    expect(++steps, 'Tab reaches "More"').toBeLessThan(80);
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await overlayHtml(page)) ?? '').toContain('aria-expanded="true"');

  // Back through every control of the card to its close button, checking each step.
  let seen = 0;
  for (;;) {
    await page.keyboard.press('Shift+Tab');
    const card = (await overlayBox(page, '[role="dialog"]'))!;
    const header = (await overlayBox(page, '.card-header'))!;
    const footer = (await overlayBox(page, '.card-footer'))!;
    const title = (await overlayBox(page, 'h2'))!;
    const close = (await overlayBox(page, 'button[aria-label="Close card"]'))!;
    const focused = await overlayBox(page, ':focus');
    expect(focused, 'focus stays in the card').not.toBeNull();
    for (const part of [title, close]) {
      expect(part.top).toBeGreaterThanOrEqual(card.top - 1);
      expect(part.bottom).toBeLessThanOrEqual(header.bottom + 1);
    }
    if (await overlayBox(page, 'button[aria-label="Close card"]:focus')) break;
    // A control of the body is in the space between the header and the footer, not hidden behind either.
    if (focused!.top < footer.top - 1) {
      expect(focused!.top).toBeGreaterThanOrEqual(header.bottom - 1);
      expect(focused!.bottom).toBeLessThanOrEqual(footer.top + 1);
    }
    expect(++seen, 'Shift+Tab reaches the close button').toBeLessThan(80);
  }
  // The card was taller than its box: the walk went through controls the card had to scroll to.
  expect(seen).toBeGreaterThan(5);
});
