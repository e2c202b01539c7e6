/**
 * The background owns the active knowledge pack (see KnowledgeService): it answers the content script's questions
 * about it (so the content script never loads a pack), serves the extension pages, checks the update feed when the
 * reader has turned updates on, opens the popup at an item, turns keyboard commands into messages for the
 * active tab, and keeps each tab's toolbar badge (toolbar-badge.ts). Everything that matters is in storage (or, for
 * the badge, in the browser): a restarted service worker answers the same way.
 */
import type { browser as browserApi } from 'wxt/browser';
import { REPORT_URL } from '../build-config';
import { buildCardModel } from '../cards/card-model';
import { forArticleDay } from '../cards/article-time';
import { freshnessOf, staleNotice } from '../cards/freshness';
import { inMarkLanguage } from '../cards/name-language';
import { ActivePackStore, PACK_ACTIVATED_MEASURE, PACK_KEYS, type ActivePack, type PackChanges } from '../knowledge/active-pack';
import { entityIds } from '../knowledge/alias-table-from-pack';
import { indexPack, type PackIndex } from '../knowledge/pack-index';
import type { Pack } from '../knowledge/schema';
import { validatePackText } from '../knowledge/validate';
import { messageListener, sendToTab, type BackgroundMessages } from '../messaging/protocol';
import { isEnabledFor } from '../settings/site-policy';
import { prefKey } from '../settings/settings';
import { chooseSettingsArea, SettingsStore } from '../settings/store';
import { hoverCardBody } from '../ui/CardBody';
import { ENGLISH, type Messages } from '../i18n/messages';
import { cardFrameWords, cardWords } from '../cards/card-words';
import type { CardFrame } from '../overlay/Card';
import { KnowledgeService } from './knowledge-service';
import { problemReportUrl } from './problem-report';
import { createToolbarBadge, type BadgeApi } from './toolbar-badge';

type Browser = typeof browserApi;

/** The daily check of the update feed. */
export const UPDATE_ALARM = 'pack-update';
const UPDATE_PERIOD_MINUTES = 24 * 60;

/** What the background derives from the active pack, once per pack. */
interface Derived {
  active: ActivePack;
  index: PackIndex;
  ids: string[];
}

/** The extension's version; a test double without a manifest counts as version 0. */
function extensionVersion(browser: Browser): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return '0';
  }
}

/** The toolbar button: `action` in Manifest V3, `browserAction` in the Firefox build (V2). */
function toolbarButton(browser: Browser): BadgeApi | undefined {
  const api = browser as unknown as { action?: BadgeApi; browserAction?: BadgeApi };
  return api.action ?? api.browserAction;
}

/** The extension's name, the toolbar button's title where it shows no badge. */
function extensionName(browser: Browser): string {
  try {
    return browser.runtime.getManifest().name || 'Negotiation Lens';
  } catch {
    return 'Negotiation Lens';
  }
}

export interface BackgroundOptions {
  /** The card's CSS, handed to content scripts that show cards with the words around a card's body (getCardFrame). */
  cardStyles?: string;
  clock?: () => Date;
  /** The language cards are written in: the browser's own in the extension, English by default. */
  messages?: Messages;
}

export function startBackground(browser: Browser, bundled: Pack, { cardStyles = '', clock = () => new Date(), messages = ENGLISH }: BackgroundOptions = {}): { knowledge: KnowledgeService; ready: Promise<void> } {
  const words = cardWords(messages);
  const frame: CardFrame = { css: cardStyles, words: cardFrameWords(messages) };
  // The build checked the bundled pack (build-plugin.ts); it is not checked again on every start of the service
  // worker, which extension pages and cards wait for.
  const settingsStore = chooseSettingsArea(browser.storage).then((area) => new SettingsStore(area));
  const local = browser.storage.local;
  const packs = new ActivePackStore({
    area: local as never,
    bundled,
    subtle: crypto.subtle,
    validate: validatePackText,
    now: clock,
    appVersion: extensionVersion(browser),
    clock: () => performance.now(),
    // Read by `npm run bench` in the service worker (docs/performance.md, "Activating a pack").
    timed: (times) => void performance.measure(PACK_ACTIVATED_MEASURE, { start: performance.now() - times.totalMs, duration: times.totalMs, detail: times }),
  });
  const knowledge = new KnowledgeService({
    store: packs,
    area: local as never,
    validate: validatePackText,
    readSettings: async () => (await (await settingsStore).read()).settings,
    subtle: crypto.subtle,
    fetch: (url, init) => fetch(url, init),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
    canReach: async (origin) => (await browser.permissions?.contains({ origins: [`${origin}/*`] })) ?? false,
    now: clock,
  });

  const badge = createToolbarBadge(toolbarButton(browser), extensionName(browser));

  let derived: Derived | null = null;
  const current = async (): Promise<Derived> => {
    const active = await packs.current();
    if (derived?.active !== active) derived = { active, index: indexPack(active.pack), ids: entityIds(active.pack) };
    return derived;
  };

  browser.runtime.onMessage.addListener(
    messageListener<BackgroundMessages>({
      getPagePolicy: async ({ url }, { tabId }) => {
        const { settings, sites } = await (await settingsStore).read();
        const decision = isEnabledFor(url, settings, sites);
        // Queued before the answer leaves, so the page's count (sent after it) comes after this on the badge.
        if (tabId !== undefined) void badge.policy(tabId, decision);
        return {
          decision,
          display: { highlightStyle: settings.highlightStyle, markScope: settings.markScope, wholePage: settings.wholePage, cardTrigger: settings.cardTrigger, cardTheme: settings.cardTheme },
        };
      },
      thingsOnPage: async ({ count }, { tabId }) => {
        if (tabId !== undefined && Number.isInteger(count) && count >= 0) void badge.count(tabId, count);
        return null;
      },
      getCard: async ({ entity, revision, articleDay, asWritten }) => {
        const { active, index, ids } = await current();
        // A page still matching with the previous pack's table: its keys name other entities here.
        if (revision !== undefined && revision !== active.revision) return null;
        const id = ids[entity];
        if (id === undefined) return null;
        const { settings } = await (await settingsStore).read();
        const model = buildCardModel(index, id, { tracks: settings.tracks, parties: settings.parties }, words);
        if (!model) return null;
        // Freshness speaks of the whole card, before it is split at the article's day.
        const shown = inMarkLanguage(forArticleDay({ ...model, freshness: freshnessOf(model, active.info, clock(), words) }, articleDay, words), index, asWritten);
        return { model: shown, body: hoverCardBody(shown, messages) };
      },
      getMatcherTable: async () => packs.writeMatcherTable(),
      getCardFrame: async () => frame,
      openInPopup: async ({ id }, { tabId }) => {
        // The item travels in the popup's own address, set for the reader's tab only while the popup opens. A
        // shared record would go to whichever extension page read it first, not always to the popup shown.
        const popup = browser.action;
        const standard = browser.runtime.getManifest().action?.default_popup ?? 'popup.html';
        try {
          if (tabId !== undefined) await popup.setPopup({ tabId, popup: `popup.html?focus=${encodeURIComponent(id)}` });
          try {
            await popup.openPopup();
          } finally {
            if (tabId !== undefined) await popup.setPopup({ tabId, popup: standard });
          }
          return { opened: 'popup' as const };
        } catch {
          // Browsers that only open the popup on a click of the toolbar button: show it in a tab instead.
          await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?focus=${encodeURIComponent(id)}`) });
          return { opened: 'tab' as const };
        }
      },
      getActivePack: async () => {
        const { active } = await current();
        const changes = (await local.get(PACK_KEYS.changes))[PACK_KEYS.changes] as PackChanges | undefined;
        return { pack: active.pack, info: active.info, revision: active.revision, changes: changes ?? null, staleNotice: staleNotice(active.info, clock(), words) };
      },
      getPackStatus: () => knowledge.status(),
      previewPack: ({ text, signature }) => knowledge.preview(text, signature),
      activatePack: ({ text, signature, acceptUnofficial }) => knowledge.activateImport(text, signature, acceptUnofficial),
      useBundledPack: () => knowledge.useBundled(),
      checkForUpdates: () => knowledge.checkNow(),
      dismissPackNotice: async () => (await knowledge.dismissNotice(), null),
      openOptions: async ({ section }) => {
        await browser.tabs.create({ url: browser.runtime.getURL(`/options.html${section ? `#${section}` : ''}`) });
        return null;
      },
      reportProblem: async ({ id, pageUrl }) => {
        const { active } = await current();
        const url = problemReportUrl(REPORT_URL, { id, info: active.info, ...(pageUrl ? { pageUrl } : {}) });
        await browser.tabs.create({ url });
        return { url };
      },
    }) as never,
  );

  browser.commands?.onCommand.addListener(async (command: string) => {
    const direction = command === 'next-mention' ? 1 : command === 'previous-mention' ? -1 : 0;
    if (direction === 0) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    await sendToTab(browser.tabs, tab.id, 'stepMention', { direction }).catch(() => undefined);
  });

  // The daily alarm exists exactly while the reader has updates on; turning them on checks at once.
  const syncAlarm = async (checkAtOnce: boolean) => {
    if (!browser.alarms) return;
    const { settings } = await (await settingsStore).read();
    if (!settings.packUpdates) {
      await browser.alarms.clear(UPDATE_ALARM);
      return;
    }
    if (!(await browser.alarms.get(UPDATE_ALARM))) browser.alarms.create(UPDATE_ALARM, { periodInMinutes: UPDATE_PERIOD_MINUTES, delayInMinutes: UPDATE_PERIOD_MINUTES });
    if (checkAtOnce) await knowledge.checkNow();
  };
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === UPDATE_ALARM) void knowledge.checkNow();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    const keys = Object.keys(changes);
    if (area !== 'local' && area !== 'sync') return;
    if (keys.includes(prefKey('packUpdates')) || keys.includes(prefKey('feedUrl')) || keys.includes(prefKey('feedKey'))) void syncAlarm(true);
    // Content scripts need the table: if something removed it (storage cleared by hand), write it again.
    if (area === 'local' && keys.includes(PACK_KEYS.matcher) && changes[PACK_KEYS.matcher]?.newValue === undefined) void packs.writeMatcherTable();
  });
  // Every start: make sure content scripts find the active pack's table (an update may have changed the bundled pack).
  const ready = packs.writeMatcherTable().then(() => syncAlarm(false));
  return { knowledge, ready };
}
