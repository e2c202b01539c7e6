import { render } from 'preact';
import pack from 'virtual:knowledge-pack';
import { browser } from 'wxt/browser';
import { entityIds } from '../../src/knowledge/alias-table-from-pack';
import { indexPack } from '../../src/knowledge/pack-index';
import { POPUP_FOCUS_KEY, sendToTab } from '../../src/messaging/protocol';
import { PopupApp } from '../../src/popup/PopupApp';
import '../../src/popup/popup.css';
import { isSettingsKey } from '../../src/settings/settings';
import { chooseSettingsArea, SettingsStore } from '../../src/settings/store';
import '../../src/ui/card-body.css';
import '../../src/ui/theme.css';

const SEEN_EVENTS_KEY = 'seen-events';
const params = new URLSearchParams(location.search);
const hash = new URLSearchParams(location.hash.slice(1));

/** The tab the popup is about: `?tab=ID` when opened as a page (tests), else the active tab. */
async function targetTab(): Promise<number | null> {
  const fromQuery = Number(params.get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

const storeReady = chooseSettingsArea(browser.storage).then((area) => new SettingsStore(area));
const tabReady = targetTab();

const root = document.getElementById('app')!;
// Preact renders next to existing children: drop the static "Loading…" placeholder first.
root.replaceChildren();
render(
  <PopupApp
    deps={{
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
      takeFocusRequest: async () => {
        const fromHash = hash.get('focus');
        if (fromHash) return fromHash;
        const session = browser.storage.session;
        if (!session) return null;
        const stored = (await session.get(POPUP_FOCUS_KEY))[POPUP_FOCUS_KEY];
        await session.remove(POPUP_FOCUS_KEY);
        return typeof stored === 'string' ? stored : null;
      },
      loadSeenEvents: async () => {
        const value = (await browser.storage.local.get(SEEN_EVENTS_KEY))[SEEN_EVENTS_KEY];
        return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null;
      },
      saveSeenEvents: (ids) => browser.storage.local.set({ [SEEN_EVENTS_KEY]: ids }),
      openOptions: () => void browser.runtime.openOptionsPage(),
    }}
  />,
  root,
);
