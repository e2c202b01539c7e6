import { expect, markCount, markPoint, test, waitForCard, waitForMarks } from './fixtures';

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
  // Give the content script time to finish; a relevant page is marked well within this.
  await page.waitForTimeout(1500);
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
  expect(await waitForCard(page, /Minerals deal/)).toContain('Where each party stands');
  expect(point).toBeTruthy();
  await page.screenshot({ path: 'docs/demo.png' });
});
