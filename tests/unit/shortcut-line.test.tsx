/**
 * The popup's keyboard line: it shows the shortcuts the browser reports, says plainly when one is missing, and
 * says where to change them.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { shortcutSettings } from '../../src/popup/popup-deps';
import { ShortcutLine, type CommandShortcut } from '../../src/popup/ShortcutLine';
import { waitFor } from '../helpers/wait';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const CHROME = { place: 'chrome://extensions/shortcuts', open: vi.fn() };

async function line(commands: CommandShortcut[] | null, settings = CHROME): Promise<HTMLElement | null> {
  // A fresh component each time: its effect asks the browser once, when it mounts.
  render(null, container);
  let asked!: () => void;
  const answered = new Promise<void>((resolve) => (asked = resolve));
  const getShortcuts = async () => (asked(), commands);
  render(<ShortcutLine getShortcuts={getShortcuts} settings={settings} />, container);
  await answered;
  if (commands === null) {
    // Nothing to wait for on screen: give the answer a turn to render, then look.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return container.querySelector<HTMLElement>('[data-testid="shortcuts"]');
  }
  return waitFor(() => container.querySelector<HTMLElement>('[data-testid="shortcuts"]'), 'the keyboard line');
}
const text = (el: HTMLElement | null) => el?.textContent?.replace(/\s+/g, ' ').trim();

describe('ShortcutLine', () => {
  it('shows the shortcuts in force, as keys, and where to change them', async () => {
    const el = await line([
      { name: '_execute_action', shortcut: '' },
      { name: 'previous-mention', shortcut: 'Alt+Comma' },
      { name: 'next-mention', shortcut: 'Alt+Period' },
    ]);
    expect(text(el)).toBe('Keyboard: Alt+. next mention, Alt+, previous mention. Change them at chrome://extensions/shortcuts.');
    expect([...el!.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['Alt', '.', 'Alt', ',']);
    el!.querySelector('button')!.click();
    expect(CHROME.open).toHaveBeenCalledOnce();
  });

  it('shows a shortcut the reader chose instead, as the browser reports it', async () => {
    expect(text(await line([{ name: 'next-mention', shortcut: 'Ctrl+Shift+Y' }, { name: 'previous-mention', shortcut: 'MacCtrl+Shift+U' }]))).toBe(
      'Keyboard: Ctrl+Shift+Y next mention, Ctrl+Shift+U previous mention. Change them at chrome://extensions/shortcuts.',
    );
  });

  it('says plainly which command has no shortcut, and where to set one', async () => {
    expect(text(await line([{ name: 'next-mention', shortcut: 'Alt+Period' }, { name: 'previous-mention', shortcut: '' }]))).toBe(
      'Keyboard: Alt+. next mention. No keyboard shortcut is set for the previous mention: set one at chrome://extensions/shortcuts.',
    );
    // A command the browser does not list has no shortcut either.
    expect(text(await line([{ name: 'previous-mention', shortcut: 'Alt+Comma' }]))).toBe(
      'Keyboard: Alt+, previous mention. No keyboard shortcut is set for the next mention: set one at chrome://extensions/shortcuts.',
    );
  });

  it('says so when neither command has a shortcut, as Chromium reports for keys it refuses', async () => {
    const firefox = { place: 'about:addons → Manage Extension Shortcuts', open: vi.fn() };
    expect(text(await line([{ name: 'next-mention', shortcut: '' }, { name: 'previous-mention' }], firefox))).toBe(
      'No keyboard shortcut is set for the next or previous mention: set them at about:addons → Manage Extension Shortcuts.',
    );
  });

  it('shows nothing where the browser has no keyboard commands', async () => {
    expect(await line(null)).toBeNull();
  });
});

describe('shortcutSettings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('opens Chromium\'s shortcuts page in a tab', () => {
    const create = vi.fn(async () => ({}));
    const settings = shortcutSettings({ ...fakeBrowser, tabs: { ...fakeBrowser.tabs, create } } as never, false);
    expect(settings.place).toBe('chrome://extensions/shortcuts');
    settings.open();
    expect(create).toHaveBeenCalledWith({ url: 'chrome://extensions/shortcuts' });
  });

  it('opens Firefox\'s shortcut settings through its own command', () => {
    const openShortcutSettings = vi.fn(async () => {});
    const settings = shortcutSettings({ ...fakeBrowser, commands: { openShortcutSettings } } as never, true);
    expect(settings.place).toBe('about:addons → Manage Extension Shortcuts');
    settings.open();
    expect(openShortcutSettings).toHaveBeenCalledOnce();
  });
});
