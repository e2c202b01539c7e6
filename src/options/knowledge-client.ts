/**
 * What the options page asks of the background about knowledge packs, and of the browser about the feed's
 * permission. Built from the extension API in the entrypoint; tests pass their own.
 */
import type { browser as browserApi } from 'wxt/browser';
import type { ActivationReply, PackPreview, PackStatus, UpdateStatus } from '../knowledge/pack-status';
import type { PackInfo } from '../knowledge/active-pack';
import { PACK_KEYS } from '../knowledge/active-pack';
import { UPDATE_STATUS_KEY } from '../knowledge/pack-status';
import { sendToBackground } from '../messaging/protocol';

export interface KnowledgeClient {
  status(): Promise<PackStatus>;
  preview(text: string, signature: string | null): Promise<PackPreview>;
  activate(text: string, signature: string | null, acceptUnofficial: boolean): Promise<ActivationReply>;
  useBundled(): Promise<PackInfo>;
  checkNow(): Promise<UpdateStatus>;
  dismissNotice(): Promise<void>;
  /**
   * Asks the browser to let the extension reach this origin, and nothing else. Browsers accept the request only
   * during a click, so call it first thing in the handler.
   */
  requestOrigin(origin: string): Promise<boolean>;
  /** Gives the permission back when updates are turned off. */
  releaseOrigin(origin: string): Promise<void>;
  /** Calls back when the active pack or the last check changes (a check finished in the background). */
  onChange(callback: () => void): () => void;
}

const WATCHED = new Set<string>([PACK_KEYS.active, PACK_KEYS.notice, UPDATE_STATUS_KEY]);

export function knowledgeClient(browser: typeof browserApi): KnowledgeClient {
  const send = sendToBackground;
  return {
    status: () => send(browser.runtime, 'getPackStatus', {}),
    preview: (text, signature) => send(browser.runtime, 'previewPack', { text, signature }),
    activate: (text, signature, acceptUnofficial) => send(browser.runtime, 'activatePack', { text, signature, acceptUnofficial }),
    useBundled: () => send(browser.runtime, 'useBundledPack', {}),
    checkNow: () => send(browser.runtime, 'checkForUpdates', {}),
    dismissNotice: async () => void (await send(browser.runtime, 'dismissPackNotice', {})),
    requestOrigin: (origin) => browser.permissions.request({ origins: [`${origin}/*`] }),
    releaseOrigin: async (origin) => void (await browser.permissions.remove({ origins: [`${origin}/*`] }).catch(() => false)),
    onChange: (callback) => {
      const listener = (changes: Record<string, unknown>, area: string) => {
        if (area === 'local' && Object.keys(changes).some((key) => WATCHED.has(key))) callback();
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
