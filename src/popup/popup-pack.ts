/**
 * The pack the popup shows: the active one. The popup reads it from storage itself, which is fast and does not wake
 * the background; only when the stored pack needs the background's care (an extension update to validate it again,
 * a broken checksum) does it ask the background, which owns the pack.
 */
import type { browser as browserApi } from 'wxt/browser';
import { staleNotice } from '../cards/freshness';
import { PACK_KEYS, readActivePack, type PackChanges } from '../knowledge/active-pack';
import type { Pack } from '../knowledge/schema';
import { sendToBackground, type BackgroundMessages, type ReplyOf } from '../messaging/protocol';

export async function loadPopupPack(browser: typeof browserApi, bundled: Pack, now = new Date()): Promise<ReplyOf<BackgroundMessages, 'getActivePack'>> {
  const local = browser.storage.local;
  const [active, stored] = await Promise.all([
    readActivePack(local as never, bundled, crypto.subtle, browser.runtime.getManifest().version),
    local.get(PACK_KEYS.changes),
  ]);
  if (!active) return sendToBackground(browser.runtime, 'getActivePack', {});
  return {
    ...active,
    changes: (stored[PACK_KEYS.changes] as PackChanges | undefined) ?? null,
    staleNotice: staleNotice(active.info, now),
  };
}
