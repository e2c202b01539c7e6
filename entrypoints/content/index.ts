import { defineContentScript } from 'wxt/utils/define-content-script';
import { createContentApp } from '../../src/content/content-app';
import { addMessageListener, extensionApi } from '../../src/content/extension-api';
import { readMatcherTable } from '../../src/knowledge/matcher-table';
import { unpackAliasTable } from '../../src/matcher/alias-table';
import { compileMatcher } from '../../src/matcher/compile';
import { sendToBackground } from '../../src/messaging/protocol';
import { browserHighlightApi } from '../../src/page/highlighter';

/** How often an open page checks that the extension is still there. */
const ORPHAN_CHECK_MS = 2000;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // Our CSS goes into our own shadow root (see OverlayContainer), never into the page.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const highlightApi = browserHighlightApi();
    // Without the Custom Highlight API we would have to change the page to mark it; we do nothing instead.
    if (!highlightApi) return;
    const browser = extensionApi();
    // One entry per name, the latest: a live page comes to rest again and again, and the timeline keeps every mark.
    const mark = (name: string, detail?: unknown) => {
      performance.clearMarks(name);
      performance.mark(name, { detail });
    };
    const app = createContentApp({
      window,
      loadMatcherTable: () => readMatcherTable((key) => browser.storage.local.get(key), () => sendToBackground(browser.runtime, 'getMatcherTable', {})),
      compileMatcher: (table) => compileMatcher(unpackAliasTable(table)),
      highlightApi,
      getCardFrame: () => sendToBackground(browser.runtime, 'getCardFrame', {}),
      getPolicy: (url) => sendToBackground(browser.runtime, 'getPagePolicy', { url }),
      watchStorage: (onChange, signal) => {
        const listener = (changes: Record<string, unknown>) => onChange(Object.keys(changes));
        browser.storage.onChanged.addListener(listener);
        signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
      },
      getCard: (entity, revision, articleDay, asWritten) => sendToBackground(browser.runtime, 'getCard', { entity, revision, articleDay, asWritten }),
      openInPopup: (id) => void sendToBackground(browser.runtime, 'openInPopup', { id }),
      openSettings: () => void sendToBackground(browser.runtime, 'openOptions', { section: 'knowledge' }),
      reportProblem: (id, pageUrl) => void sendToBackground(browser.runtime, 'reportProblem', pageUrl ? { id, pageUrl } : { id }),
      listen: (listener, signal) => addMessageListener(browser, listener, signal),
      reportThings: (count) => void sendToBackground(browser.runtime, 'thingsOnPage', { count }),
      mark,
      isAlive: () => ctx.isValid,
    });
    ctx.onInvalidated(() => app.destroy());
    // Chrome does not tell a content script that its extension was reloaded or removed. ctx's timers check on
    // every tick (one property read) and fire onInvalidated above, so an orphaned copy takes its marks away.
    ctx.setInterval(() => undefined, ORPHAN_CHECK_MS);
    ctx.addEventListener(window, 'wxt:locationchange', (event) => app.onNavigation(event.oldUrl.href, event.newUrl.href));
    await app.start();
    // The first policy answer is applied: the page is being scanned, or the extension is off here.
    mark('negotiation-lens:started');
  },
});
