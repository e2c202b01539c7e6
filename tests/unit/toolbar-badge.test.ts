/**
 * The toolbar badge, below the browser: what each tab's badge says for the site policy's answers and the page's
 * counts, in the order they come, with a fake toolbar button that keeps per-tab state as the browser does.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '../../src/background/background-app';
import { BADGE_COLOURS, badgeFor, createToolbarBadge, OFF_TEXT, type BadgeApi } from '../../src/background/toolbar-badge';
import type { SiteDecision } from '../../src/settings/site-policy';
import { miniPack } from '../helpers/packs';

const NAME = 'Negotiation Lens';

/** A toolbar button: per-tab text, colours and title, as `action` keeps them. `closed` tabs reject every call. */
function fakeButton(closed: number[] = []) {
  const tabs = new Map<number, { text?: string; colour?: string; textColour?: string; title?: string }>();
  const tab = (tabId: number) => {
    if (closed.includes(tabId)) throw new Error(`No tab with id: ${tabId}.`);
    if (!tabs.has(tabId)) tabs.set(tabId, {});
    return tabs.get(tabId)!;
  };
  const api: BadgeApi = {
    setBadgeText: vi.fn(async ({ tabId, text }) => void (tab(tabId).text = text)),
    getBadgeText: vi.fn(async ({ tabId }) => tab(tabId).text ?? ''),
    setBadgeBackgroundColor: vi.fn(async ({ tabId, color }) => void (tab(tabId).colour = color)),
    setBadgeTextColor: vi.fn(async ({ tabId, color }) => void (tab(tabId).textColour = color)),
    setTitle: vi.fn(async ({ tabId, title }) => void (tab(tabId).title = title)),
  };
  return { api, text: (tabId: number) => tabs.get(tabId)?.text ?? '', state: (tabId: number) => tabs.get(tabId) };
}

const on: SiteDecision = { on: true, site: 'reuters.com', reason: 'default' };
const switchedOff: SiteDecision = { on: false, site: 'reuters.com', reason: 'site-choice' };
const paused: SiteDecision = { on: false, site: 'reuters.com', reason: 'paused' };
const offByDefault: SiteDecision = { on: false, site: 'forum.example.org', reason: 'default' };

/** WCAG's contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('badgeFor', () => {
  it('counts the things on the page, in the badge and in words for the title', () => {
    expect(badgeFor({ kind: 'count', count: 7 }, NAME)).toEqual({ text: '7', colour: BADGE_COLOURS.count, title: 'Negotiation Lens: 7 things on this page' });
    expect(badgeFor({ kind: 'count', count: 1 }, NAME).title).toBe('Negotiation Lens: 1 thing on this page');
    expect(badgeFor({ kind: 'count', count: 100 }, NAME)).toMatchObject({ text: '99+', title: 'Negotiation Lens: 100 things on this page' });
  });

  it('marks a site switched off, or a pause, in grey, and says which', () => {
    expect(badgeFor({ kind: 'off', reason: 'site-choice', site: 'reuters.com' }, NAME)).toEqual({ text: OFF_TEXT, colour: BADGE_COLOURS.off, title: 'Negotiation Lens is off on reuters.com' });
    expect(badgeFor({ kind: 'off', reason: 'paused', site: 'reuters.com' }, NAME).title).toBe('Negotiation Lens is paused everywhere');
  });

  it('is empty otherwise, with the extension\'s name as the title', () => {
    expect(badgeFor({ kind: 'none' }, NAME)).toMatchObject({ text: '', title: NAME });
  });

  it('is readable: its text has at least 4.5:1 against each badge colour', () => {
    expect(contrast(BADGE_COLOURS.text, BADGE_COLOURS.count)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(BADGE_COLOURS.text, BADGE_COLOURS.off)).toBeGreaterThanOrEqual(4.5);
    expect(BADGE_COLOURS.count).not.toBe(BADGE_COLOURS.off);
  });
});

describe('createToolbarBadge', () => {
  it('shows the count of a page where it is on, per tab, with its colours and title', async () => {
    const button = fakeButton();
    const badge = createToolbarBadge(button.api, NAME);
    await badge.policy(1, on);
    expect(button.text(1)).toBe('');
    await badge.count(1, 7);
    await badge.count(2, 3);
    expect(button.state(1)).toEqual({ text: '7', colour: BADGE_COLOURS.count, textColour: BADGE_COLOURS.text, title: 'Negotiation Lens: 7 things on this page' });
    expect(button.text(2)).toBe('3');
    // Not about the talks (any more): quiet.
    await badge.count(1, 0);
    expect(button.state(1)).toMatchObject({ text: '', title: NAME });
  });

  it('keeps the count when the settings change and the page is still on', async () => {
    const button = fakeButton();
    const badge = createToolbarBadge(button.api, NAME);
    await badge.policy(1, on);
    await badge.count(1, 7);
    await badge.policy(1, on);
    expect(button.text(1)).toBe('7');
  });

  it('shows "off" where the reader switched the site off or paused everything, and drops counts sent meanwhile', async () => {
    const button = fakeButton();
    const badge = createToolbarBadge(button.api, NAME);
    await badge.count(1, 7);
    await badge.policy(1, switchedOff);
    expect(button.state(1)).toMatchObject({ text: OFF_TEXT, colour: BADGE_COLOURS.off, title: 'Negotiation Lens is off on reuters.com' });
    // The page's count, sent just before it heard it was off.
    await badge.count(1, 7);
    expect(button.text(1)).toBe(OFF_TEXT);
    await badge.policy(2, paused);
    expect(button.state(2)).toMatchObject({ text: OFF_TEXT, title: 'Negotiation Lens is paused everywhere' });
  });

  it('clears "off" when the site is switched on again; the page\'s count follows', async () => {
    const button = fakeButton();
    const badge = createToolbarBadge(button.api, NAME);
    await badge.policy(1, switchedOff);
    await badge.policy(1, on);
    expect(button.state(1)).toMatchObject({ text: '', title: NAME });
    await badge.count(1, 7);
    expect(button.text(1)).toBe('7');
  });

  it('is quiet where the extension is off by default (the reader chose where it runs), even after a count', async () => {
    const button = fakeButton();
    const badge = createToolbarBadge(button.api, NAME);
    await badge.count(1, 7);
    await badge.policy(1, offByDefault);
    expect(button.text(1)).toBe('');
    await badge.policy(2, { on: false, site: null, reason: 'not-a-web-page' });
    expect(button.text(2)).toBe('');
  });

  it('applies changes in the order they came, however long the browser takes to answer', async () => {
    const button = fakeButton();
    const badge = createToolbarBadge(button.api, NAME);
    await badge.policy(1, switchedOff);
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const read = button.api.getBadgeText;
    button.api.getBadgeText = vi.fn(async (details) => (await slow, read(details)));
    // Switched on again, and the page's count right behind: both read the badge, which answers late. Read side by
    // side, both would see "off": the count would be dropped and the badge left empty.
    const policyDone = badge.policy(1, on);
    const countDone = badge.count(1, 7);
    release();
    await Promise.all([policyDone, countDone]);
    expect(button.text(1)).toBe('7');
  });

  it('carries on after a tab that closed, and does nothing without a toolbar button', async () => {
    const button = fakeButton([9]);
    const badge = createToolbarBadge(button.api, NAME);
    await expect(badge.count(9, 4)).resolves.toBeUndefined();
    await badge.count(1, 4);
    expect(button.text(1)).toBe('4');
    await expect(createToolbarBadge(undefined, NAME).policy(1, switchedOff)).resolves.toBeUndefined();
  });
});

describe('the background and the badge', () => {
  beforeEach(() => fakeBrowser.reset());

  /** The background with a fake toolbar button, and a way to send it messages from a tab (or from no tab). */
  function background() {
    const button = fakeButton();
    let listener: ((message: unknown, sender: { tab?: { id?: number } }) => Promise<unknown> | undefined) | undefined;
    const api = {
      runtime: {
        ...fakeBrowser.runtime,
        getManifest: () => ({ name: NAME, action: { default_popup: 'popup.html' } }),
        onMessage: { ...fakeBrowser.runtime.onMessage, addListener: (fn: typeof listener) => void (listener = fn) },
      },
      storage: fakeBrowser.storage,
      tabs: { query: vi.fn(async () => []), sendMessage: vi.fn(), create: vi.fn() },
      action: button.api,
    };
    startBackground(api as never, miniPack());
    const fromTab = (tabId: number | undefined, type: string, payload: unknown) => listener!({ type, payload }, tabId === undefined ? {} : { tab: { id: tabId } });
    return { button, fromTab };
  }

  it('sets a tab\'s badge from the policy its page asks for and the count its page sends', async () => {
    const { button, fromTab } = background();
    await fromTab(4, 'getPagePolicy', { url: 'https://www.reuters.com/world' });
    expect(await fromTab(4, 'thingsOnPage', { count: 5 })).toBeNull();
    await vi.waitFor(() => expect(button.text(4)).toBe('5'));
    await fakeBrowser.storage.sync.set({ 'site:reuters.com': 'off' });
    await fromTab(4, 'getPagePolicy', { url: 'https://www.reuters.com/world' });
    await vi.waitFor(() => expect(button.state(4)).toMatchObject({ text: OFF_TEXT, title: 'Negotiation Lens is off on reuters.com' }));
  });

  it('ignores counts that are not counts, and messages from no tab', async () => {
    const { button, fromTab } = background();
    for (const count of [-1, 2.5, Number.NaN, '3']) await fromTab(4, 'thingsOnPage', { count });
    await fromTab(undefined, 'thingsOnPage', { count: 3 });
    await fromTab(undefined, 'getPagePolicy', { url: 'https://www.reuters.com/world' });
    // A count that is one, after them: everything before it was dropped, not queued.
    await fromTab(5, 'thingsOnPage', { count: 2 });
    await vi.waitFor(() => expect(button.text(5)).toBe('2'));
    expect(button.api.setBadgeText).toHaveBeenCalledTimes(1);
  });
});
