/**
 * The options page in the browser's language: with Chromium speaking Ukrainian, its title, headings, controls and
 * the knowledge section are Ukrainian, a change made in Ukrainian is saved and applied to an open story, axe-core
 * finds nothing wrong, and the longer Ukrainian words wrap inside the page at a desktop and at a phone's width.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, markCount, screenshotForDocs, test, waitForMarks } from './fixtures';

test.use({ uiLanguage: 'uk' });

const storedSync = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { chrome: { storage: { sync: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.sync.get(null));

/** Elements whose right edge runs past the window, and how far the page scrolls sideways. */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const past = [...document.querySelectorAll('main *')]
      .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > width + 0.5 && !el.closest('.visually-hidden'))
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}: ${(el.textContent ?? '').trim().slice(0, 40)}`);
    return { sideways: document.documentElement.scrollWidth - width, past };
  });

test('the options page speaks Ukrainian when the browser does, and a change made there is saved and applied', async ({ context, extensionId, origin }) => {
  const story = await context.newPage();
  await story.goto(`${origin}/tests/fixtures/pages/ukrainian-story.html`);
  await waitForMarks(story, 3);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  expect(await options.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage())).toMatch(/^uk/);
  await expect(options.getByRole('heading', { level: 1, name: 'Налаштування Negotiation Lens' })).toBeVisible();
  await expect(options.locator('html')).toHaveAttribute('lang', 'uk');
  await expect(options).toHaveTitle('Налаштування Negotiation Lens');

  for (const name of ['Де воно працює', 'Позначки на сторінці', 'Картки', 'Знання']) await expect(options.getByRole('heading', { level: 2, name })).toBeVisible();
  await expect(options.getByRole('group', { name: 'Типово для сайтів, яких немає у вашому списку' }).getByLabel('На всіх сайтах')).toBeChecked();
  await expect(options.getByRole('group', { name: 'Напрями, показані в картках і хронології' }).getByLabel('Припинення вогню')).toBeChecked();
  await expect(options.getByRole('button', { name: 'Додати', exact: true })).toBeVisible();
  await expect(options.getByText(/^Показати \d+ новинн(ий сайт|і сайти|их сайтів)$/)).toBeVisible();
  // The knowledge section, read from the background: the pack's facts in Ukrainian, its date the Ukrainian way.
  const facts = options.getByTestId('active-pack');
  await expect(facts).toContainText('вбудований у розширення');
  await expect(facts.locator('time')).toHaveText(/^\d{1,2} [а-яіїє]+ \d{4} р\.$/);
  await expect(options.getByRole('switch', { name: 'Раз на день перевіряти, чи є новіші знання' })).not.toBeChecked();
  await expect(options.locator('#last-check')).toHaveText('Перевірок ще не було.');

  // A change in Ukrainian: the marks go from the open story, and come back.
  const style = options.getByRole('group', { name: 'Як позначати згадки' });
  await style.getByLabel('Без позначок').check();
  await expect(options.getByRole('status')).toHaveText('Збережено.');
  await expect.poll(() => markCount(story)).toBe(0);
  await style.getByLabel('Підкреслення').check();
  await expect.poll(() => markCount(story)).toBeGreaterThanOrEqual(3);
  expect((await storedSync(options))['pref:highlightStyle']).toBe('underline');

  const pause = options.getByRole('switch', { name: 'Призупинити Negotiation Lens на всіх сайтах' });
  await pause.check();
  await expect(options.locator('#paused-hint')).toHaveText(/^Призупинено:/);
  await expect.poll(async () => (await storedSync(options))['pref:paused']).toBe(true);
  await pause.uncheck();
  await expect.poll(async () => (await storedSync(options))['pref:paused']).toBe(false);

  // Refusals are Ukrainian too.
  await options.getByRole('button', { name: 'Додати', exact: true }).click();
  await expect(options.locator('#new-site-error')).toHaveText(/^Введіть сайт, як-от example\.com/);
  expect((await new AxeBuilder({ page: options }).analyze()).violations).toEqual([]);

  // Nothing runs past the page's width: at a desktop window, and at a phone's.
  for (const width of [1200, 360]) {
    await options.setViewportSize({ width, height: 900 });
    const { sideways, past } = await overflow(options);
    expect(sideways, `sideways scrolling at ${width}px`).toBeLessThanOrEqual(0);
    expect(past, `elements past the edge at ${width}px`).toEqual([]);
  }
  // The whole page as it opens, without the status line that stays at the window's foot.
  await options.setViewportSize({ width: 900, height: 1100 });
  await options.reload();
  await expect(options.getByTestId('active-pack')).toBeVisible();
  await screenshotForDocs(options, 'options-ukrainian.png', { fullPage: true });
  await options.screenshot({ path: test.info().outputPath('options-ukrainian.png'), fullPage: true });
});
