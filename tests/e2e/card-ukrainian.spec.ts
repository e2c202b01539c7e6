/**
 * Cards in the browser's language: with Chromium speaking Ukrainian, a hover card's kind, date, buttons, table
 * and headings are Ukrainian, written by the background, and the pack's own text stays English under a "context
 * in English" line in Ukrainian. The card still fits its width, and its buttons still work.
 */
import { cardText, expect, markPoint, overlayBox, overlayHtml, pointInOverlay, screenshotForDocs, test, waitForCard, waitForMarks } from './fixtures';

test.use({ uiLanguage: 'uk' });

test('a hover card speaks Ukrainian when the browser does', async ({ context, origin }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${origin}/tests/fixtures/pages/ukrainian-story.html`);
  await waitForMarks(page, 3);
  const point = await markPoint(page, /^України$/);
  await page.mouse.move(point.x, point.y);
  await waitForCard(page, /контекст англійською/);
  const text = (await cardText(page))!;
  expect(text).toContain('Ukraine · контекст англійською');
  expect(text).toMatch(/Країна/);
  // "Станом на 8 травня 2025 р.": the pack's date, written the Ukrainian way.
  expect(text).toMatch(/Станом на \d{1,2} [а-яіїє]+ \d{4}/);
  const html = (await overlayHtml(page))!;
  for (const label of ['Закріпити картку', 'Закрити картку', 'Більше', 'Відкрити в розширенні', 'Повідомити про помилку']) expect(html, label).toContain(label);
  for (const english of ['>More<', '>Open in popup<', 'Close card', 'As of ', 'Latest position', '>Since then', 'Where it stands']) expect(html, english).not.toContain(english);

  // "Більше" still opens the rest of the card in place, and the longer Ukrainian labels stay inside the card.
  const more = await pointInOverlay(page, '.card-footer button[aria-expanded]');
  await page.mouse.click(more.x, more.y);
  await expect.poll(async () => /class="card [a-z]* ?expanded"/.test((await overlayHtml(page)) ?? '')).toBe(true);
  const card = (await overlayBox(page, '.card'))!;
  for (const selector of ['.card-footer button:last-child', '.card-actions button:last-child', '.kicker']) {
    const box = (await overlayBox(page, selector))!;
    expect(box, selector).not.toBeNull();
    expect(box.right, selector).toBeLessThanOrEqual(card.right + 0.5);
  }
  // The footer's three controls never overlap, however long their words.
  const footer = await Promise.all(['.report summary', '.card-footer [aria-expanded]', '.card-footer > button:last-child'].map(async (selector) => (await overlayBox(page, selector))!));
  for (const [i, a] of footer.entries())
    for (const b of footer.slice(i + 1)) {
      const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
      expect(overlap, `${JSON.stringify(a)} and ${JSON.stringify(b)}`).toBe(false);
    }
  await screenshotForDocs(page, 'card-ukrainian-browser.png');
});
