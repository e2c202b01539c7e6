/**
 * The extension in the browser's toolbar and keyboard: the shortcuts Chromium really binds, the popup's line
 * about them, the icon at every size, and the badge on on-topic, off-topic and switched-off pages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Worker } from '@playwright/test';
// @ts-expect-error plain JavaScript helper shared with the npm scripts
import { extensionArgs } from '../../scripts/chromium-flags.mjs';
import { EXTENSION_DIR, expect, markCount, openPopup, screenshotForDocs, sendFromBackground, setStorage, tabIdOf, test, waitForCount, waitForScan } from './fixtures';

interface Command {
  name: string;
  shortcut: string;
}

/** What the browser reports for the extension's commands, read in the service worker. */
function commandsInForce(worker: Worker): Promise<Command[]> {
  return worker.evaluate(() => (globalThis as unknown as { chrome: { commands: { getAll(): Promise<Command[]> } } }).chrome.commands.getAll());
}

/** The commands the manifest declares, and the key each suggests on this platform (Linux: `default`). */
function declaredCommands(worker: Worker): Promise<{ name: string; suggested: string }[]> {
  return worker.evaluate(() => {
    const manifest = (globalThis as unknown as { chrome: { runtime: { getManifest(): { commands?: Record<string, { suggested_key?: { default?: string } }> } } } }).chrome.runtime.getManifest();
    return Object.entries(manifest.commands ?? {}).map(([name, command]) => ({ name, suggested: command.suggested_key?.default ?? '' }));
  });
}

test('Chromium binds a shortcut to every command the manifest declares, the one it suggests', async ({ serviceWorker }) => {
  const declared = await declaredCommands(serviceWorker);
  expect(declared.map((c) => c.name).sort()).toEqual(['next-mention', 'previous-mention']);
  const inForce = await commandsInForce(serviceWorker);
  for (const { name, suggested } of declared) {
    const command = inForce.find((c) => c.name === name);
    // A key Chromium refuses (one of its own, or an invalid one) leaves the command without a shortcut.
    expect(command?.shortcut, `the shortcut of ${name}`).toBe(suggested);
    expect(command?.shortcut).not.toBe('');
  }
});

test('the popup shows the shortcuts in force and where to change them', async ({ context, serviceWorker, extensionId, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}/tests/fixtures/pages/wire-story.html`);
  const popup = await openPopup(context, serviceWorker, extensionId, page);
  await popup.getByRole('tab', { name: 'This page' }).click();
  const line = popup.getByTestId('shortcuts');
  await expect(line).toHaveText('Keyboard: Alt+. next mention, Alt+, previous mention. Change them at chrome://extensions/shortcuts.');
  await line.scrollIntoViewIfNeeded();
  await screenshotForDocs(popup, 'popup-shortcuts.png');

  // The address is a button: Chromium's shortcuts page opens in a tab.
  const opened = context.waitForEvent('page');
  await line.getByRole('button', { name: 'chrome://extensions/shortcuts' }).click();
  const settings = await opened;
  await expect.poll(() => settings.url()).toBe('chrome://extensions/shortcuts');
});

test('the toolbar button and the extension have an icon at every size, each served at its size', async ({ serviceWorker }) => {
  const icons = await serviceWorker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { runtime: { getManifest(): { icons?: Record<string, string>; action?: { default_icon?: Record<string, string> } }; getURL(path: string): string } } }).chrome;
    const manifest = api.runtime.getManifest();
    const sizes: Record<string, { width: number; height: number }> = {};
    for (const [size, file] of Object.entries(manifest.icons ?? {})) {
      const bitmap = await createImageBitmap(await (await fetch(api.runtime.getURL(file))).blob());
      sizes[size] = { width: bitmap.width, height: bitmap.height };
    }
    return { listed: manifest.icons, button: manifest.action?.default_icon, sizes };
  });
  expect(Object.keys(icons.listed ?? {})).toEqual(['16', '32', '48', '96', '128']);
  expect(icons.button).toEqual(icons.listed);
  for (const [size, { width, height }] of Object.entries(icons.sizes)) expect({ size, width, height }).toEqual({ size, width: Number(size), height: Number(size) });
});

/** A tab's badge text and the toolbar button's title there, read in the service worker. */
function badgeOf(worker: Worker, tabId: number): Promise<{ text: string; title: string }> {
  return worker.evaluate(async (id) => {
    const action = (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> } } }).chrome.action;
    return { text: await action.getBadgeText({ tabId: id }), title: await action.getTitle({ tabId: id }) };
  }, tabId);
}

/** How many distinct things the page's content script reports (what the popup's This page lists). */
async function thingsReported(worker: Worker, tabId: number): Promise<number> {
  const report = (await sendFromBackground(worker, tabId, { type: 'getPageReport', payload: {} })) as { state: string; mentions?: unknown[] };
  return report.mentions?.length ?? 0;
}

test('the badge counts the things an on-topic page mentions, says "off" when the site is switched off or paused, and is quiet off-topic', async ({ context, serviceWorker, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}/tests/fixtures/pages/wire-story.html`);
  await waitForCount(page);
  const tab = await tabIdOf(serviceWorker, page);
  const things = await thingsReported(serviceWorker, tab);
  expect(things).toBeGreaterThan(3);
  await expect.poll(() => badgeOf(serviceWorker, tab)).toEqual({ text: String(things), title: `Negotiation Lens: ${things} things on this page` });

  await setStorage(serviceWorker, { 'site:127.0.0.1': 'off' });
  await expect.poll(() => badgeOf(serviceWorker, tab)).toEqual({ text: 'off', title: 'Negotiation Lens is off on 127.0.0.1' });
  const since = await page.evaluate(() => performance.now());
  await setStorage(serviceWorker, { 'site:127.0.0.1': 'on' });
  await waitForCount(page, since);
  await expect.poll(() => badgeOf(serviceWorker, tab)).toEqual({ text: String(things), title: `Negotiation Lens: ${things} things on this page` });
  await setStorage(serviceWorker, { 'pref:paused': true });
  await expect.poll(() => badgeOf(serviceWorker, tab)).toEqual({ text: 'off', title: 'Negotiation Lens is paused everywhere' });
  await setStorage(serviceWorker, { 'pref:paused': false });
  await expect.poll(() => badgeOf(serviceWorker, tab)).toMatchObject({ text: String(things) });

  // Another page in the same tab, not about the talks: the browser cleared the badge, and the page adds nothing.
  await page.goto(`${origin}/tests/fixtures/pages/gaza-ceasefire.html`);
  await waitForScan(page);
  await waitForCount(page);
  expect(await markCount(page)).toBe(0);
  expect(await badgeOf(serviceWorker, tab)).toEqual({ text: '', title: 'Negotiation Lens' });
});

test('an off-topic page opened on its own gets no badge', async ({ context, serviceWorker, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}/tests/fixtures/pages/ncaa-sanctions.html`);
  await waitForCount(page);
  expect(await markCount(page)).toBe(0);
  expect((await badgeOf(serviceWorker, await tabIdOf(serviceWorker, page))).text).toBe('');
});

test('a page back from the back/forward cache shows its count again (the browser cleared the badge when it came back)', async ({ origin }) => {
  // Playwright turns the cache off by default; this test needs it, so it starts its own browser.
  const profile = mkdtempSync(join(tmpdir(), 'negotiation-lens-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH,
    headless: true,
    args: extensionArgs(EXTENSION_DIR),
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const page = await context.newPage();
    await page.addInitScript(() => addEventListener('pageshow', (event) => ((window as unknown as { __restored: boolean }).__restored = event.persisted)));
    await page.goto(`${origin}/tests/fixtures/pages/wire-story.html`);
    await waitForCount(page);
    const tab = await tabIdOf(worker, page);
    const things = await thingsReported(worker, tab);
    await expect.poll(async () => (await badgeOf(worker, tab)).text).toBe(String(things));
    await page.goto(`${origin}/tests/fixtures/pages/gaza-ceasefire.html`);
    await waitForCount(page);
    expect((await badgeOf(worker, tab)).text).toBe('');
    // A page restored from the cache fires pageshow, not load.
    await page.goBack({ waitUntil: 'commit' });
    await expect.poll(() => page.evaluate(() => (window as unknown as { __restored?: boolean }).__restored)).toBe(true);
    await expect.poll(async () => (await badgeOf(worker, tab)).text).toBe(String(things));
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
