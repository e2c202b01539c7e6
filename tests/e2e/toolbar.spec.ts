/**
 * The extension in the browser's toolbar and keyboard: the shortcuts Chromium really binds, the popup's line
 * about them, the icon at every size, and the badge on on-topic, off-topic and switched-off pages.
 */
import type { Worker } from '@playwright/test';
import { expect, openPopup, screenshotForDocs, test } from './fixtures';

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
