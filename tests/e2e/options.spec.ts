import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, markCount, screenshotForDocs, setStorage, test, waitForMarks } from './fixtures';

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { level: 1, name: 'Negotiation Lens settings' })).toBeVisible();
  return page;
}

async function openArticle(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/tests/fixtures/pages/wire-story.html`);
  await waitForMarks(page, 3);
  return page;
}

const storedSync = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { chrome: { storage: { sync: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.sync.get(null));

test('switching the highlight style to none clears the marks on an open tab, and underline brings them back', async ({ context, extensionId, origin }) => {
  const article = await openArticle(context, origin);
  const options = await openOptions(context, extensionId);
  const style = options.getByRole('group', { name: 'How mentions are marked' });

  await style.getByLabel('None').check();
  await expect(options.getByRole('status')).toHaveText('Saved.');
  await expect.poll(() => markCount(article)).toBe(0);

  await style.getByLabel('Underline').check();
  await expect.poll(() => markCount(article)).toBeGreaterThanOrEqual(3);
  expect((await storedSync(options))['pref:highlightStyle']).toBe('underline');
});

test('a site switched off in the list loses its marks, and removing it from the list restores them', async ({ context, extensionId, origin }) => {
  const article = await openArticle(context, origin);
  const options = await openOptions(context, extensionId);
  await expect(options.getByText('No sites yet.')).toBeVisible();

  await options.getByLabel('Site or page address').fill('127.0.0.1');
  await options.getByLabel('Choice', { exact: true }).selectOption('off');
  await options.getByRole('button', { name: 'Add site' }).click();
  await expect(options.getByRole('status')).toHaveText('Saved.');
  await expect(options.getByLabel('Site or page address')).toHaveValue('');
  await expect(options.getByRole('combobox', { name: '127.0.0.1' })).toHaveValue('off');
  expect((await storedSync(options))['site:127.0.0.1']).toBe('off');
  await expect.poll(() => markCount(article)).toBe(0);

  await options.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
  await expect(options.getByText('No sites yet.')).toBeVisible();
  // Focus goes back to the form rather than getting lost with the removed row.
  await expect(options.getByLabel('Site or page address')).toBeFocused();
  expect((await storedSync(options))['site:127.0.0.1']).toBeUndefined();
  await expect.poll(() => markCount(article)).toBeGreaterThanOrEqual(3);
});

test('the add-site form normalises what is typed and explains what it cannot use', async ({ context, extensionId }) => {
  const options = await openOptions(context, extensionId);
  const input = options.getByLabel('Site or page address');
  const add = options.getByRole('button', { name: 'Add site' });

  await input.fill('not a site');
  await add.click();
  await expect(options.getByRole('alert').filter({ hasText: 'is not a web site address' })).toBeVisible();
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toBeFocused();
  expect(Object.keys(await storedSync(options)).filter((key) => key.startsWith('site:'))).toEqual([]);

  await input.fill('https://www.BBC.co.uk/news/world');
  await options.getByLabel('Choice', { exact: true }).selectOption('off');
  await input.press('Enter');
  // A leading www. names the same site as the bare domain.
  await expect(options.getByRole('combobox', { name: 'bbc.co.uk' })).toHaveValue('off');
  await expect(input).not.toHaveAttribute('aria-invalid', 'true');

  await input.fill('www.bbc.co.uk');
  await add.click();
  await expect(options.getByText('bbc.co.uk is already in the list, switched off.')).toBeVisible();
});

test('adding sites one after another from the keyboard keeps the address field and the line under it in view, clear of the status line', async ({
  context,
  extensionId,
}) => {
  const options = await openOptions(context, extensionId);
  const input = options.getByLabel('Site or page address');
  // Where the field and the line under it are, and where the status line stuck to the bottom of the window starts.
  const layout = (line: string) =>
    options.evaluate((id) => {
      const statusTop = Math.min(document.querySelector('.status')!.getBoundingClientRect().top, innerHeight);
      return { fieldTop: document.getElementById('new-site')!.getBoundingClientRect().top, lineBottom: document.getElementById(id)!.getBoundingClientRect().bottom, statusTop };
    }, line);
  await input.focus();
  for (let i = 1; i <= 8; i++) {
    await options.keyboard.type(`site${i}.example`);
    await options.keyboard.press('Enter');
    await expect(options.getByRole('combobox', { name: `site${i}.example` })).toBeVisible();
    await expect(input).toHaveValue('');
    await expect(input).toBeFocused();
    const { fieldTop, lineBottom, statusTop } = await layout('new-site-hint');
    expect(fieldTop, `field below the top of the window after ${i} sites`).toBeGreaterThanOrEqual(0);
    expect(lineBottom, `field and hint above the status line after ${i} sites`).toBeLessThanOrEqual(statusTop);
  }
  // A mistake: what was wrong shows under the field, above the status line.
  await options.keyboard.type('not a site');
  await options.keyboard.press('Enter');
  await expect(options.locator('#new-site-error')).toHaveText(/is not a web site address/);
  const { lineBottom, statusTop } = await layout('new-site-error');
  expect(lineBottom, 'the message above the status line').toBeLessThanOrEqual(statusTop);
});

test('the last checked track cannot be unchecked, and the page says why', async ({ context, extensionId }) => {
  const options = await openOptions(context, extensionId);
  const tracks = options.getByRole('group', { name: 'Tracks shown in cards and the timeline' });
  const boxes = tracks.getByRole('checkbox');
  const count = await boxes.count();
  for (let i = 0; i < count - 1; i++) await boxes.nth(i).uncheck();
  await expect.poll(async () => (await storedSync(options))['pref:tracks']).toHaveLength(1);

  await boxes.nth(count - 1).click();
  await expect(boxes.nth(count - 1)).toBeChecked();
  await expect(tracks.getByRole('alert')).toHaveText(/Keep at least one track checked/);
  expect((await storedSync(options))['pref:tracks']).toHaveLength(1);
});

test('unreadable stored values are reported once, and the readable ones are kept', async ({ context, extensionId, serviceWorker }) => {
  await serviceWorker.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }).chrome.storage.sync.set({
      'pref:highlightStyle': 42,
      'pref:markScope': 'every',
    }),
  );
  const options = await openOptions(context, extensionId);
  const notice = options.getByRole('alert').filter({ hasText: 'Some stored settings could not be read and were reset to their defaults' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('pref:highlightStyle');
  await expect(options.getByRole('group', { name: 'Which mentions are marked' }).getByLabel('Every mention')).toBeChecked();
  await expect(options.getByRole('group', { name: 'How mentions are marked' }).getByLabel('Underline')).toBeChecked();

  await options.reload();
  await expect(options.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(options.getByRole('group', { name: 'Which mentions are marked' }).getByLabel('Every mention')).toBeChecked();
  await expect(options.getByText('Some stored settings could not be read')).toHaveCount(0);
  expect(await storedSync(options)).toMatchObject({ 'pref:highlightStyle': 'underline', 'pref:markScope': 'every' });
});

test('two open options pages stay in step', async ({ context, extensionId }) => {
  const first = await openOptions(context, extensionId);
  const second = await openOptions(context, extensionId);
  await first.getByRole('switch', { name: 'Pause Negotiation Lens on every site' }).check();
  await expect(second.getByRole('switch', { name: 'Pause Negotiation Lens on every site' })).toBeChecked();
  await second.getByRole('group', { name: 'How cards open' }).getByLabel('Hold Alt and point at a mark').check();
  await expect(first.getByRole('group', { name: 'How cards open' }).getByLabel('Hold Alt and point at a mark')).toBeChecked();
});

test('everything works from the keyboard', async ({ context, extensionId }) => {
  const options = await openOptions(context, extensionId);
  const pause = options.getByRole('switch', { name: 'Pause Negotiation Lens on every site' });
  await options.keyboard.press('Tab');
  await expect(pause).toBeFocused();
  await options.keyboard.press('Space');
  await expect(pause).toBeChecked();
  // Into the "where it works" radio group, then along it with the arrow keys.
  await options.keyboard.press('Tab');
  await expect(options.getByLabel('On every site', { exact: true })).toBeFocused();
  await options.keyboard.press('ArrowDown');
  await expect(options.getByLabel('Only on news sites')).toBeChecked();
  await expect.poll(async () => (await storedSync(options))['pref:defaultMode']).toBe('news-sites');
  // Then the news-site list opens from the keyboard too.
  await options.keyboard.press('Tab');
  await expect(options.getByText(/^Show the \d+ news sites$/)).toBeFocused();
  await options.keyboard.press('Enter');
  await expect(options.getByText('reuters.com', { exact: true })).toBeVisible();
  const outline = await options.getByText(/^Show the \d+ news sites$/).evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    test('the options page has no accessibility violations, and its screenshot', async ({ context, extensionId, serviceWorker }) => {
      await setStorage(serviceWorker, { 'site:kyivindependent.com': 'on', 'site:forum.example.org': 'off', 'pref:defaultMode': 'news-sites' });
      const options = await openOptions(context, extensionId);
      await expect(options.getByRole('combobox', { name: 'forum.example.org' })).toHaveValue('off');
      await screenshotForDocs(options, `options-${colorScheme}.png`, { fullPage: true });
      expect((await new AxeBuilder({ page: options }).analyze()).violations).toEqual([]);

      // The states that only appear on demand: an open news-site list, an input error, a refused uncheck, paused.
      await options.getByText(/^Show the \d+ news sites$/).click();
      await options.getByRole('button', { name: 'Add site' }).click();
      await expect(options.getByText(/^Type a site/)).toBeVisible();
      const parties = options.getByRole('group', { name: 'Parties whose positions cards show' }).getByRole('checkbox');
      const count = await parties.count();
      for (let i = 0; i < count; i++) await parties.nth(i).click();
      await expect(options.getByText(/Keep at least one party checked/)).toBeVisible();
      await options.getByRole('switch', { name: 'Pause Negotiation Lens on every site' }).check();
      await expect(options.getByRole('status')).toHaveText('Saved.');
      expect((await new AxeBuilder({ page: options }).analyze()).violations).toEqual([]);
    });

    test('the notice about reset settings has no accessibility violations', async ({ context, extensionId, serviceWorker }) => {
      await setStorage(serviceWorker, { 'pref:highlightStyle': 42, 'site:bbc.com': 7 });
      const options = await openOptions(context, extensionId);
      await expect(options.getByText(/Some stored settings could not be read/)).toBeVisible();
      await options.getByText('What was wrong').click();
      expect((await new AxeBuilder({ page: options }).analyze()).violations).toEqual([]);
    });
  });
}

test('the page reflows at 200% zoom without sideways scrolling', async ({ context, extensionId }) => {
  const options = await openOptions(context, extensionId);
  // 200% zoom of a 1280-pixel-wide window is 640 CSS pixels; 320 is WCAG's reflow width (400%).
  for (const width of [640, 320]) {
    await options.setViewportSize({ width, height: 800 });
    const overflow = await options.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `sideways overflow at ${width}px`).toBeLessThanOrEqual(0);
  }
});
