/**
 * The background answers the content script's questions about the pack (so the content script never loads it),
 * opens the popup at an item, and turns keyboard commands into messages for the active tab.
 * It keeps no state in memory that matters: a restarted service worker answers the same way.
 */
import type { browser as browserApi } from 'wxt/browser';
import { buildCardModel } from '../cards/card-model';
import { entityIds } from '../knowledge/alias-table-from-pack';
import { indexPack } from '../knowledge/pack-index';
import type { Pack } from '../knowledge/schema';
import { validatePack } from '../knowledge/validate';
import { messageListener, sendToTab, type BackgroundMessages } from '../messaging/protocol';
import { isEnabledFor } from '../settings/site-policy';
import { chooseSettingsArea, SettingsStore } from '../settings/store';


type Browser = typeof browserApi;

/** `cardStyles`: the card's CSS, handed to content scripts that show cards (see getCardStyles). */
export function startBackground(browser: Browser, bundled: Pack, cardStyles = ''): void {
  // The build already checked the bundled pack; checking again costs little and guards a corrupted install.
  const checked = validatePack(bundled);
  if (!checked.ok) console.error('Negotiation Lens: the bundled knowledge pack is invalid', checked.problems.slice(0, 10));
  const index = indexPack(bundled);
  const ids = entityIds(bundled);
  const store = chooseSettingsArea(browser.storage).then((area) => new SettingsStore(area));

  browser.runtime.onMessage.addListener(
    messageListener<BackgroundMessages>({
      getPagePolicy: async ({ url }) => {
        const { settings, sites } = await (await store).read();
        return {
          decision: isEnabledFor(url, settings, sites),
          display: { highlightStyle: settings.highlightStyle, markEveryMention: settings.markEveryMention, cardTrigger: settings.cardTrigger },
        };
      },
      getCard: async ({ entity }) => {
        const id = ids[entity];
        if (id === undefined) return null;
        const { settings } = await (await store).read();
        return buildCardModel(index, id, { tracks: settings.tracks, parties: settings.parties });
      },
      getCardStyles: async () => cardStyles,
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
    }) as never,
  );

  browser.commands?.onCommand.addListener(async (command: string) => {
    const direction = command === 'next-mention' ? 1 : command === 'previous-mention' ? -1 : 0;
    if (direction === 0) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    await sendToTab(browser.tabs, tab.id, 'stepMention', { direction }).catch(() => undefined);
  });
}
