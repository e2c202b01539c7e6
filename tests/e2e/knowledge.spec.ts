/**
 * Living knowledge in the built extension: the signed update feed (opt-in, refusals keep the pack in use), importing
 * a pack from a file, going back to the bundled pack, "What's new" in the popup, freshness on cards, and "Report a
 * problem". The build trusts a signing key made for the test run (scripts/test.mjs passes its private half).
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { sha256HexOf, signBytes } from '../../scripts/lib/pack-keys';
import { cardText, expect, markPoint, openPopup, pointInOverlay, screenshotForDocs, test, waitForCard, waitForMarks, waitForRest } from './fixtures';
import { startFeedServer, type FeedServer } from './feed-server';

const ARTICLE = '/demo/article.html';
const MARKER = 'Test pack: the fund approved its first projects.';

function signingKey(): string {
  const path = process.env.PACK_TEST_SIGNING_KEY;
  if (!path) throw new Error('PACK_TEST_SIGNING_KEY is not set: run the browser tests through `npm test`, which makes the key and builds with it.');
  return readFileSync(path, 'utf8');
}

const bundled = JSON.parse(readFileSync('data/pack.json', 'utf8')) as { meta: { version: string; asOf: string }; topics: { id: string; status: { text: string } }[]; events: { id: string; name: string; date: unknown }[] };
const bump = (version: string, by = 1) => version.replace(/\.(\d+)\.\d+$/, (_m, minor: string) => `.${Number(minor) + by}.0`);

/** The bundled pack with a newer version and one visible change: the minerals deal's status. */
function newerPackText(versionBump = 1, change: (pack: typeof bundled) => void = () => undefined): string {
  const pack = structuredClone(bundled);
  pack.meta.version = bump(bundled.meta.version, versionBump);
  pack.topics.find((t) => t.id === 'minerals-deal')!.status.text = MARKER;
  change(pack);
  return `${JSON.stringify(pack, null, 2)}\n`;
}

function publish(feed: FeedServer, text: string, overrides: Record<string, unknown> = {}) {
  const bytes = new TextEncoder().encode(text);
  const version = (JSON.parse(text) as { meta: { version: string } }).meta.version;
  const manifest = { format: 1, pack: { id: 'negotiations-2025', version, asOf: bundled.meta.asOf, url: `pack-${version}.json`, signature: `pack-${version}.json.sig`, size: bytes.length, sha256: sha256HexOf(bytes), ...overrides } };
  feed.routes.set('/feed.json', { body: JSON.stringify(manifest) });
  feed.routes.set(`/pack-${version}.json`, { body: text });
  feed.routes.set(`/pack-${version}.json.sig`, { body: signBytes(bytes, signingKey()), contentType: 'text/plain' });
  return manifest;
}

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html#knowledge`);
  await expect(page.getByTestId('active-pack')).toBeVisible();
  return page;
}

async function useFeed(options: Page, feed: FeedServer) {
  await options.getByText('Use another feed').click();
  await options.getByLabel('Feed address').fill(`${feed.origin}/feed.json`);
  await options.getByRole('button', { name: 'Save feed' }).click();
  await expect(options.getByRole('status')).toHaveText('Saved.');
}

async function mineralsCard(context: BrowserContext, origin: string): Promise<{ page: Page; text: string }> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(`${origin}${ARTICLE}`);
  await waitForMarks(page, 10);
  const point = await markPoint(page, /^minerals deal$/);
  await page.mouse.move(point.x, point.y);
  return { page, text: await waitForCard(page, /Minerals deal/) };
}

/** Reloads a page that is showing the article and hovers "minerals deal" again; returns the card's text. */
async function mineralsCardAfterReload(page: Page, text: string | RegExp): Promise<string> {
  await page.reload();
  await waitForMarks(page, 10);
  const point = await markPoint(page, /^minerals deal$/);
  await page.mouse.move(point.x, point.y);
  return waitForCard(page, text);
}

let feed: FeedServer;
test.beforeEach(async () => {
  feed = await startFeedServer();
});
test.afterEach(async () => {
  await feed.close();
});

test('no request while updates are off; turned on, a signed newer pack changes the card on the next page load', async ({ context, extensionId, origin }) => {
  publish(feed, newerPackText());
  const before = await mineralsCard(context, origin);
  expect(before.text).not.toContain(MARKER);
  expect(before.text).toMatch(/Latest (position|status|event): /);

  const beforeUpdate = await before.page.evaluate(() => performance.now());
  const options = await openOptions(context, extensionId);
  await useFeed(options, feed);
  await expect(options.getByRole('button', { name: 'Check now' })).toBeDisabled();
  // Everything so far, with updates off, asked the feed for nothing.
  expect(feed.requests).toEqual([]);

  await options.getByRole('switch', { name: 'Check for newer knowledge once a day' }).check();
  await expect(options.locator('#last-check')).toContainText(`Updated to version ${bump(bundled.meta.version)}`);
  await expect(options.getByTestId('active-pack')).toContainText('from the update feed');
  await expect(options.getByTestId('active-pack')).toContainText('official');
  expect(feed.requests).toEqual(['/feed.json', `/pack-${bump(bundled.meta.version)}.json`, `/pack-${bump(bundled.meta.version)}.json.sig`]);

  // The page that was open all along switches to the new pack without a reload: its marks are found again.
  await before.page.bringToFront();
  await before.page.mouse.move(5, 5);
  await expect.poll(async () => (await cardText(before.page)) ?? '').toBe('');
  // The content script compiles the new pack's table (its matcher-ready mark) and comes to rest again.
  await expect
    .poll(() => before.page.evaluate((t) => performance.getEntriesByName('negotiation-lens:matcher-ready').some((e) => e.startTime > t), beforeUpdate))
    .toBe(true);
  await waitForRest(before.page, beforeUpdate);
  await waitForMarks(before.page, 10);
  const point = await markPoint(before.page, /^minerals deal$/);
  await before.page.mouse.move(point.x, point.y);
  expect(await waitForCard(before.page, MARKER)).toContain(MARKER);

  // Checking again finds nothing newer and downloads nothing more.
  await options.getByRole('button', { name: 'Check now' }).click();
  await expect(options.locator('#last-check')).toContainText('Up to date');
  expect(feed.requests.slice(3)).toEqual(['/feed.json']);
});

test('every refusal keeps the pack in use and says why', async ({ context, extensionId, origin }) => {
  const options = await openOptions(context, extensionId);
  await useFeed(options, feed);
  const text = newerPackText();
  const manifest = publish(feed, text);
  await options.getByRole('switch', { name: 'Check for newer knowledge once a day' }).check();
  await expect(options.locator('#last-check')).toContainText('Updated');
  await options.getByRole('button', { name: 'Use the bundled pack again' }).click();
  await expect(options.getByTestId('active-pack')).toContainText('comes with the extension');

  const newer = newerPackText(2);
  const cases: [string, () => void, RegExp][] = [
    ['a foreign signature', () => (publish(feed, newer), feed.routes.set(`/pack-${bump(bundled.meta.version, 2)}.json.sig`, { body: 'A'.repeat(86) + '==' })), /signature does not match/],
    ['a wrong hash', () => publish(feed, newer, { sha256: '0'.repeat(64) }), /SHA-256 does not match/],
    ['an older version', () => publish(feed, newer, { version: '0.1.0' }), /older than/],
    ['a size over the limit', () => publish(feed, newer, { size: 9 * 1024 * 1024 }), /more than the/],
    ['a truncated download', () => (publish(feed, newer), feed.routes.set(`/pack-${bump(bundled.meta.version, 2)}.json`, { body: newer.slice(0, 1000) })), /stopped after \d+ of/],
    ['a manifest that is not JSON', () => feed.routes.set('/feed.json', { body: '<html>portal</html>', contentType: 'text/html' }), /not JSON/],
    ['an HTTP error', () => feed.routes.set('/feed.json', { status: 503 }), /answered 503/],
    ['a redirect off the feed\'s origin', () => feed.routes.set('/feed.json', { redirect: `${origin}/demo/article.html` }), /redirected away/],
  ];
  for (const [name, arrange, message] of cases) {
    arrange();
    await options.getByRole('button', { name: 'Check now' }).click();
    await expect(options.locator('#last-check'), name).toContainText(message);
    await expect(options.locator('#last-check'), name).toContainText('The pack in use was kept');
    await expect(options.getByTestId('active-pack'), name).toContainText('comes with the extension');
  }
  // Offline: nothing answers at the feed's address.
  await feed.close();
  await options.getByRole('button', { name: 'Check now' }).click();
  await expect(options.locator('#last-check')).toContainText('could not reach the feed');
  feed = await startFeedServer();

  const { text: card } = await mineralsCard(context, origin);
  expect(card).not.toContain(MARKER);
  expect(manifest.pack.version).toBe(bump(bundled.meta.version));
});

test('a pack file: problems are listed with their paths; a valid unsigned pack shows what it changes, needs a confirmation and is labelled unofficial; the bundled pack comes back in one step', async ({ context, extensionId, origin, serviceWorker }) => {
  const folder = mkdtempSync(join(tmpdir(), 'negotiation-lens-import-'));
  const broken = join(folder, 'broken.json');
  const pack = JSON.parse(newerPackText()) as { stances: { date: string }[]; events: { id: string; name: string; date: unknown }[] };
  pack.stances[0]!.date = '2025-02-30';
  writeFileSync(broken, JSON.stringify(pack));
  const options = await openOptions(context, extensionId);
  await options.getByLabel(/Pack file/).setInputFiles(broken);
  const problems = options.locator('.import-problems');
  await expect(problems).toContainText('cannot be used');
  await expect(problems).toContainText('$.stances[0].date');
  await expect(problems).toContainText('Nothing was changed');

  const valid = join(folder, 'newer.json');
  const newEvent = { ...bundled.events.at(-1)!, id: 'test-pack-new-event', name: 'Test event added by an imported pack' };
  writeFileSync(valid, newerPackText(1, (p) => p.events.push({ ...newEvent, aliases: [] } as never)));
  await options.getByLabel(/Pack file/).setInputFiles(valid);
  const preview = options.locator('.import-preview');
  await expect(preview).toContainText(`${bundled.meta.version} → ${bump(bundled.meta.version)}`);
  await expect(preview.locator('[data-change="added"] summary')).toHaveText('Added: 1 event');
  await expect(preview.locator('[data-change="changed"] summary')).toHaveText('Changed: 1 topic');
  await expect(preview).toContainText('This pack has no signature');
  const use = options.getByRole('button', { name: 'Use this pack' });
  await expect(use).toBeDisabled();
  await options.getByLabel('I understand, use this unofficial pack').check();
  await use.click();
  await expect(options.locator('.import-done')).toContainText('(unofficial pack)');
  await expect(options.getByTestId('active-pack')).toContainText('unofficial pack');

  const { page, text } = await mineralsCard(context, origin);
  expect(text).toContain(MARKER);
  expect(text).toContain('unofficial pack');

  const popup = await openPopup(context, serviceWorker, extensionId, page);
  await expect(popup.getByRole('heading', { name: "What's new since you last looked" })).toBeVisible();
  await expect(popup.locator('.whats-new')).toContainText(newEvent.name);
  await expect(popup.locator('.as-of')).toContainText('unofficial pack');
  await popup.getByRole('button', { name: newEvent.name }).click();
  await expect(popup.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
  // Seen once: the next opening does not list it again.
  await popup.reload();
  await popup.locator('[data-ready]').waitFor();
  await expect(popup.getByRole('tab', { name: 'Summary' })).toBeVisible();
  await expect(popup.locator('.whats-new')).toHaveCount(0);

  await options.bringToFront();
  await options.getByRole('button', { name: 'Use the bundled pack again' }).click();
  await expect(options.getByTestId('active-pack')).toContainText('comes with the extension');
  expect(await mineralsCardAfterReload(page, /Minerals deal/)).not.toContain(MARKER);
});

test('an old pack says so plainly on cards and in the popup; a pack as of today does not', async ({ context, extensionId, origin, serviceWorker }) => {
  const today = new Date().toISOString().slice(0, 10);
  const staleDays = (Date.parse(today) - Date.parse(bundled.meta.asOf)) / 86_400_000;
  // The bundled pack is older than 60 days on any day these tests run after its as-of date plus 60.
  expect(staleDays).toBeGreaterThan(60);
  const { page, text } = await mineralsCard(context, origin);
  expect(text).toContain('later developments are not included');
  const popup = await openPopup(context, serviceWorker, extensionId, page);
  await expect(popup.getByTestId('stale-notice')).toContainText('later developments are not included');

  const folder = mkdtempSync(join(tmpdir(), 'negotiation-lens-import-'));
  const fresh = join(folder, 'fresh.json');
  writeFileSync(fresh, newerPackText(1, (p) => (p.meta.asOf = today)));
  const options = await openOptions(context, extensionId);
  await options.getByLabel(/Pack file/).setInputFiles(fresh);
  await options.getByLabel('I understand, use this unofficial pack').check();
  await options.getByRole('button', { name: 'Use this pack' }).click();
  await expect(options.getByTestId('active-pack')).toContainText('unofficial pack');
  expect(await mineralsCardAfterReload(page, MARKER)).not.toContain('later developments are not included');
});

test('"Report a problem" on a card opens a prefilled report; the page address goes only when ticked', async ({ context, origin }) => {
  const { page } = await mineralsCard(context, origin);
  const click = async (selector: string) => {
    const point = await pointInOverlay(page, selector);
    await page.mouse.move(point.x, point.y, { steps: 3 });
    await page.mouse.click(point.x, point.y);
  };
  const report = async (includePage: boolean) => {
    // The report form lives on the web, which these machines cannot reach: the new tab's navigation request
    // carries the address a reader would see.
    const navigation = context.waitForEvent('request', (request) => request.isNavigationRequest() && request.url().includes('title='));
    if (includePage) await click('.report input[name="include-page"]');
    await click('.report button[type="submit"]');
    const request = await navigation;
    await request.frame().page().close();
    return new URL(request.url());
  };
  await click('.report summary');
  const without = await report(false);
  expect(without.searchParams.get('title')).toBe('Problem with "minerals-deal"');
  const body = without.searchParams.get('body') ?? '';
  expect(body).toContain('Item: minerals-deal');
  expect(body).toContain(`version ${bundled.meta.version}, as of ${bundled.meta.asOf}`);
  expect(body).not.toContain(origin);
  const withPage = await report(true);
  expect(withPage.searchParams.get('body')).toContain(`Page: ${origin}${ARTICLE}`);
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} scheme`, () => {
    test.use({ colorScheme: scheme });

    test('what a reader sees of the knowledge: the options section with an import to confirm, a card with its freshness, and What\'s new', async ({ context, extensionId, origin, serviceWorker }) => {
      const folder = mkdtempSync(join(tmpdir(), 'negotiation-lens-import-'));
      const file = join(folder, `negotiations-${bump(bundled.meta.version)}.json`);
      const newEvent = { ...bundled.events.at(-1)!, id: 'test-pack-new-event', name: 'Talks resume in Istanbul (example of an imported pack)' };
      writeFileSync(file, newerPackText(1, (p) => p.events.push({ ...newEvent, aliases: [] } as never)));
      const options = await openOptions(context, extensionId);
      await options.setViewportSize({ width: 900, height: 1100 });
      await options.getByLabel(/Pack file/).setInputFiles(file);
      await expect(options.locator('.import-preview')).toContainText('This pack has no signature');
      await options.locator('#knowledge').scrollIntoViewIfNeeded();
      await screenshotForDocs(options, `options-knowledge-${scheme}.png`, { fullPage: true });
      await options.getByLabel('I understand, use this unofficial pack').check();
      await options.getByRole('button', { name: 'Use this pack' }).click();
      await expect(options.getByTestId('active-pack')).toContainText('unofficial pack');

      const { page, text } = await mineralsCard(context, origin);
      expect(text).toMatch(/Latest (position|status|event): .+ ago/);
      await screenshotForDocs(page, `card-freshness-${scheme}.png`);

      const popup = await openPopup(context, serviceWorker, extensionId, page);
      await expect(popup.locator('.whats-new')).toContainText(newEvent.name);
      await screenshotForDocs(popup, `popup-whats-new-${scheme}.png`);
    });
  });
}
