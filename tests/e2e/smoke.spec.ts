import { expect, markCount, test, waitForMarks } from './fixtures';

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
