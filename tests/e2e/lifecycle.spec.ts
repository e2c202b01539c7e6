import { cardText, expect, markCount, markPoint, nextFrames, openPopup, test, waitForCard, waitForMarks } from './fixtures';

const WIRE = '/tests/fixtures/pages/wire-story.html';

test('the extension makes no network requests of its own', async ({ context, serviceWorker, extensionId, origin }) => {
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  await page.goto(`${origin}${WIRE}`);
  await waitForMarks(page, 3);
  const point = await markPoint(page, /Lavrov/);
  await page.mouse.move(point.x, point.y);
  await waitForCard(page);
  const popup = await openPopup(context, serviceWorker, extensionId, page);
  await popup.getByRole('tab', { name: 'Search' }).click();
  await popup.getByRole('searchbox').fill('riyadh');
  await popup.getByRole('tab', { name: 'Timeline' }).click();
  // Everything the popup shows is drawn by now: anything it would fetch, it has asked for.
  await expect(popup.locator('.timeline li.event').first()).toBeVisible();
  await nextFrames(popup);
  const foreign = requests.filter((url) => !url.startsWith(origin) && !url.startsWith(`chrome-extension://${extensionId}/`));
  expect(foreign).toEqual([]);
  // The page's own requests are only the page itself: we fetch nothing from it.
  expect(requests.filter((url) => url.startsWith(origin))).toEqual([`${origin}${WIRE}`]);
});

test('a restarted service worker answers as before: nothing lives only in its memory', async ({ context, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}${WIRE}`);
  await waitForMarks(page, 3);
  const client = await context.newCDPSession(page);
  await client.send('ServiceWorker.enable');
  await client.send('ServiceWorker.stopAllWorkers');
  const point = await markPoint(page, /Lavrov/);
  await page.mouse.move(point.x, point.y);
  expect(await waitForCard(page, /Lavrov/)).toContain('As of');
});

// Under Playwright, an unpacked extension that reloads itself does not come back (no new service worker, no
// content script on reload), so this checks the half that matters for open pages: the orphaned copy cleans up.
test('reloading the extension takes the old marks and UI away from open pages, without errors', async ({ context, serviceWorker, origin }) => {
  const errors: string[] = [];
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${origin}${WIRE}`);
  await waitForMarks(page, 3);
  const point = await markPoint(page, /Lavrov/);
  await page.mouse.move(point.x, point.y);
  await waitForCard(page);

  // The worker goes away mid-call when the extension reloads; that rejection is expected.
  await serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
  // The orphaned content script notices within its check interval and removes what it added.
  await expect.poll(() => markCount(page), { timeout: 8000 }).toBe(0);
  await expect.poll(() => page.evaluate(() => document.querySelectorAll('[data-negotiation-lens-ui]').length)).toBe(0);
  expect(await cardText(page)).toBeNull();
  // Moving over where a mark was does nothing and throws nothing.
  await page.mouse.move(point.x + 1, point.y);
  // Its listeners went with it: the move is handled (or not) within the frame.
  await nextFrames(page);
  expect(await cardText(page)).toBeNull();
  expect(errors.filter((e) => /negotiation|extension context/i.test(e))).toEqual([]);
});

test('closed tabs leave nothing behind in the extension\'s storage', async ({ context, serviceWorker, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}${WIRE}`);
  await waitForMarks(page, 3);
  await page.close();
  const stored = await serviceWorker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: Record<'local' | 'session' | 'sync', { get(k: null): Promise<object> }> } }).chrome;
    return { local: (await api.storage.local.get(null)) as Record<string, unknown>, session: await api.storage.session.get(null), sync: await api.storage.sync.get(null) };
  });
  // The one local entry is the active pack's alias table, which every page reads (src/knowledge/matcher-table.ts):
  // nothing in storage is about a tab or a page.
  expect(Object.keys(stored.local)).toEqual(['pack:matcher']);
  expect({ session: stored.session, sync: stored.sync }).toEqual({ session: {}, sync: {} });
});
