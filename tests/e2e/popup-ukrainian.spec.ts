/**
 * The popup in the browser's language: with Chromium speaking Ukrainian, on a Ukrainian story, its tabs, headings
 * and counts are Ukrainian, its dates are written the Ukrainian way, and its search finds people by their
 * Ukrainian names, typos included. The pack's own text stays English.
 */
import { expect, openPopup, screenshotForDocs, test, waitForMarks } from './fixtures';

test.use({ uiLanguage: 'uk' });

test('the popup speaks Ukrainian when the browser does, and Cyrillic search finds Zelensky', async ({ context, serviceWorker, extensionId, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}/tests/fixtures/pages/ukrainian-story.html`);
  await waitForMarks(page, 3);
  const popup = await openPopup(context, serviceWorker, extensionId, page);
  expect(await popup.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage())).toMatch(/^uk/);
  await expect(popup.locator('html')).toHaveAttribute('lang', 'uk');

  for (const name of ['Огляд', 'Ця сторінка', 'Хронологія', 'Пошук']) await expect(popup.getByRole('tab', { name, exact: true })).toBeVisible();
  await expect(popup.getByRole('heading', { name: 'Як стоять справи' })).toBeVisible();
  // "Станом на 8 травня 2025 р.": the date in Ukrainian words.
  await expect(popup.locator('.popup-header .as-of')).toContainText(/^Станом на \d{1,2} [а-яіїє]+ \d{4}/);

  await popup.getByRole('tab', { name: 'Ця сторінка' }).click();
  await expect(popup.getByRole('heading', { name: 'На цій сторінці' })).toBeVisible();
  const mention = popup.locator('button.mention').first();
  await expect(mention).toBeVisible();
  // The count's name takes the Ukrainian plural form of its number.
  const counts = await popup.locator('button.mention .count').evaluateAll((els) => els.map((el) => [el.textContent, el.getAttribute('aria-label')]));
  for (const [shown, label] of counts) {
    const n = Number(shown!.slice(1));
    const form = n % 10 === 1 && n % 100 !== 11 ? 'згадка' : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100) ? 'згадки' : 'згадок';
    expect(label).toBe(`${n} ${form}`);
  }

  await popup.getByRole('tab', { name: 'Хронологія' }).click();
  const count = popup.locator('#panel-timeline p[aria-live]');
  await expect(count).toHaveText(/^\d+ (подія|події|подій)$/);
  const n = Number((await count.textContent())!.split(' ')[0]);
  expect(await count.textContent()).toBe(`${n} ${new Intl.PluralRules('uk').select(n) === 'one' ? 'подія' : new Intl.PluralRules('uk').select(n) === 'few' ? 'події' : 'подій'}`);
  await expect(popup.locator('.month-heading').first()).toContainText(/^[А-ЯІЇЄа-яіїє]+ \d{4}/);
  // Nothing runs past the popup's width: the longer Ukrainian words wrap.
  const widths = await popup.evaluate(() => ({ page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth, tabs: [...document.querySelectorAll('[role="tab"]')].map((t) => Math.round(t.getBoundingClientRect().right)) }));
  expect(widths.page).toBeLessThanOrEqual(widths.view);
  for (const right of widths.tabs) expect(right).toBeLessThanOrEqual(widths.view);
  await screenshotForDocs(popup, 'popup-ukrainian.png');
  await popup.screenshot({ path: test.info().outputPath('popup-ukrainian-timeline.png') });
  await popup.getByRole('tab', { name: 'Пошук' }).click();
  const search = popup.getByRole('searchbox');
  for (const query of ['Зеленського', 'Зеленскй']) {
    await search.fill(query);
    await expect(popup.getByRole('option').first()).toContainText('Volodymyr Zelensky');
  }
  await popup.screenshot({ path: test.info().outputPath('popup-ukrainian-search.png') });
});
