/**
 * The popup's dependencies, built from the browser's extension API: which tab it is about, settings storage,
 * messages to the tab, and the little state the popup keeps (the events seen at the last opening).
 */
import type { browser as browserApi } from 'wxt/browser';
import { entityIds } from '../knowledge/alias-table-from-pack';
import { indexPack } from '../knowledge/pack-index';
import { sendToBackground, sendToTab, type BackgroundMessages, type ReplyOf } from '../messaging/protocol';
import { isSettingsKey } from '../settings/settings';
import { chooseSettingsArea, SettingsStore } from '../settings/store';
import { dateFormatter, readerDates } from '../cards/dates';
import type { Messages } from '../i18n/messages';
import type { PopupDeps } from './PopupApp';
import type { ShortcutSettings } from './ShortcutLine';

const SEEN_EVENTS_KEY = 'seen-events';
const SEEN_CHANGES_KEY = 'seen-pack-changes';

/**
 * `location` is the popup page's: `?tab=ID` names the tab when the popup is opened as a page (the browser tests),
 * `?focus=ID` the item a card asked it to open: the background hands it over in the address of that one popup, so
 * no other page can take it first.
 */
export function popupDeps(browser: typeof browserApi, active: ReplyOf<BackgroundMessages, 'getActivePack'>, location: { search: string; hash: string }, messages?: Messages): PopupDeps {
  const { pack } = active;
  const params = new URLSearchParams(location.search);
  const storeReady = chooseSettingsArea(browser.storage).then((area) => new SettingsStore(area));
  const tabReady = (async (): Promise<number | null> => {
    const fromQuery = Number(params.get('tab'));
    if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  })();
  return {
    pack,
    index: indexPack(pack),
    entityIds: entityIds(pack),
    getPageReport: async () => {
      const tab = await tabReady;
      return tab === null ? null : sendToTab(browser.tabs, tab, 'getPageReport', {}).catch(() => null);
    },
    revealOnPage: async (entity) => {
      const tab = await tabReady;
      if (tab === null) return false;
      const reply = await sendToTab(browser.tabs, tab, 'revealMention', { entity }).catch(() => null);
      return reply?.found ?? false;
    },
    readSettings: async () => (await storeReady).readAndRepair(),
    setSite: async (site, on) => (await storeReady).setSite(site, on ? 'on' : 'off'),
    setPaused: async (paused) => (await storeReady).set('paused', paused),
    onSettingsChanged: (callback) => {
      const listener = (changes: Record<string, unknown>) => {
        if (Object.keys(changes).some(isSettingsKey)) callback();
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
    takeFocusRequest: async () => params.get('focus'),
    loadSeenEvents: async () => {
      const value = (await browser.storage.local.get(SEEN_EVENTS_KEY))[SEEN_EVENTS_KEY];
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null;
    },
    saveSeenEvents: (ids) => browser.storage.local.set({ [SEEN_EVENTS_KEY]: ids }),
    openOptions: () => void browser.runtime.openOptionsPage(),
    packInfo: active.info,
    changes: active.changes,
    staleNotice: active.staleNotice,
    loadChangesSeen: async () => {
      const value = (await browser.storage.local.get(SEEN_CHANGES_KEY))[SEEN_CHANGES_KEY];
      return typeof value === 'string' ? value : null;
    },
    saveChangesSeen: (at) => browser.storage.local.set({ [SEEN_CHANGES_KEY]: at }),
    openKnowledgeSettings: () => void sendToBackground(browser.runtime, 'openOptions', { section: 'knowledge' }),
    reportProblem: (id) => void sendToBackground(browser.runtime, 'reportProblem', { id }),
    // Dates in the words of the interface: "8 травня 2025 р." beside Ukrainian labels, "8 May 2025" in British English.
    showDate: messages ? dateFormatter(messages.dateLocale) : readerDates,
    ...(messages ? { messages } : {}),
    getShortcuts: async () => (browser.commands ? browser.commands.getAll() : null),
    shortcutSettings: shortcutSettings(browser),
  };
}

/**
 * Chromium keeps every extension's shortcuts on one page, which an extension may open in a tab. Firefox keeps them
 * in the add-ons manager, behind its gear menu, and opens that view for us (commands.openShortcutSettings).
 */
export function shortcutSettings(browser: typeof browserApi, firefox: boolean = import.meta.env.FIREFOX): ShortcutSettings {
  // Firefox 137 and later have it (the manifest asks for 142); the types do not know it yet.
  const commands = browser.commands as { openShortcutSettings?: () => Promise<void> } | undefined;
  if (firefox) return { place: 'about:addons → Manage Extension Shortcuts', open: () => void commands?.openShortcutSettings?.() };
  const place = 'chrome://extensions/shortcuts';
  return { place, open: () => void browser.tabs.create({ url: place }) };
}
