/**
 * The one message protocol between the extension's parts. Each message is declared once with its request and
 * reply, grouped by who receives it. Senders and handlers are typed from these tables; nothing else is sent.
 */
import type { ActivationReply, PackPreview, PackStatus, UpdateStatus } from '../knowledge/pack-status';
import type { MatcherTableRecord, PackChanges, PackInfo } from '../knowledge/active-pack';
import type { Pack } from '../knowledge/schema';
import type { LanguageSample } from '../page/page-language';
import type { Settings } from '../settings/settings';
import type { SiteDecision } from '../settings/site-policy';
import type { RenderedCard } from '../ui/markup';
import type { CardFrame } from '../overlay/Card';

/**
 * What the content script found of one entity. `entity` is the entity key (its index in the alias table, see
 * src/matcher/alias-table.ts); the popup turns it into an id and a name with the pack.
 */
export interface MentionSummary {
  entity: number;
  count: number;
}

export type PageReport =
  | { state: 'on'; site: string; mentions: MentionSummary[] }
  | { state: 'off'; site: string | null; reason: 'paused' | 'site-choice' | 'default' | 'not-a-web-page' }
  /**
   * Nothing relevant found. `language` is what the page's language is told from (src/page/page-language.ts): on a
   * page in a language the matcher does not read yet, that is why, and the popup says so.
   */
  | { state: 'not-relevant'; site: string; language: LanguageSample };

/** Whether the extension is on for a page, and how it should look there. */
export interface PagePolicy {
  decision: SiteDecision;
  display: Pick<Settings, 'highlightStyle' | 'markScope' | 'wholePage' | 'cardTrigger' | 'cardTheme'>;
}

/** Messages the background answers (sent by the content script and the extension pages). */
export interface BackgroundMessages {
  /** The content script asks on start and whenever settings change; the policy itself lives in the background. */
  getPagePolicy: { request: { url: string }; reply: PagePolicy };
  /**
   * `revision` names the pack whose matcher found the entity key (MatcherTableRecord). A key from another pack
   * would name another entity, so the answer is then null and the page picks up the new pack's table.
   */
  getCard: { request: { entity: number; revision?: string; articleDay?: string | null; asWritten?: string }; reply: RenderedCard | null };
  /**
   * How many distinct things the sender's page mentions (0: none, or the page is not about the talks), for its
   * toolbar badge. The content script sends it once the lens is at rest, and only when it changed.
   */
  thingsOnPage: { request: { count: number }; reply: null };
  /** The content script's matcher table, when storage does not have it yet (a fresh install, a cleared profile). */
  getMatcherTable: { request: Record<string, never>; reply: MatcherTableRecord };
  /**
   * The card's style sheet and the words around its body, in the browser's language. They live in the background
   * so that the content script, which runs on every page, does not carry them: a page asks once it has something
   * to show.
   */
  getCardFrame: { request: Record<string, never>; reply: CardFrame };
  /** Opens the popup at an item: the popup reads it from its address (`popup.html?focus=ID`), nothing is stored. */
  openInPopup: { request: { id: string }; reply: { opened: 'popup' | 'tab' } };
  /** The extension pages' view of the active pack (the popup renders from it). */
  getActivePack: { request: Record<string, never>; reply: { pack: Pack; info: PackInfo; revision: string; changes: PackChanges | null; staleNotice: string | null } };
  getPackStatus: { request: Record<string, never>; reply: PackStatus };
  /** Checks a pack file the reader chose and says what it would change; changes nothing. */
  previewPack: { request: { text: string; signature: string | null }; reply: PackPreview };
  activatePack: { request: { text: string; signature: string | null; acceptUnofficial: boolean }; reply: ActivationReply };
  useBundledPack: { request: Record<string, never>; reply: PackInfo };
  checkForUpdates: { request: Record<string, never>; reply: UpdateStatus };
  dismissPackNotice: { request: Record<string, never>; reply: null };
  /** Opens the options page at a section ("knowledge" for the update settings). */
  openOptions: { request: { section?: 'knowledge' }; reply: null };
  /**
   * Opens a prefilled problem report about an item in a new tab. `pageUrl` is sent only when the reader ticked
   * "include this page's address".
   */
  reportProblem: { request: { id: string; pageUrl?: string }; reply: { url: string } };
}

/** Messages a tab's content script answers (sent by the popup and the background). */
export interface ContentMessages {
  getPageReport: { request: Record<string, never>; reply: PageReport };
  revealMention: { request: { entity: number }; reply: { found: boolean } };
  stepMention: { request: { direction: 1 | -1 }; reply: { found: boolean } };
}

export type Envelope<M> = { [K in keyof M]: { type: K; payload: M[K] extends { request: infer R } ? R : never } }[keyof M];
export type ReplyOf<M, K extends keyof M> = M[K] extends { reply: infer R } ? R : never;
export type RequestOf<M, K extends keyof M> = M[K] extends { request: infer R } ? R : never;
export type Handlers<M> = { [K in keyof M]: (payload: RequestOf<M, K>, sender: { tabId?: number }) => Promise<ReplyOf<M, K>> };

interface RuntimeLike {
  sendMessage(message: unknown): Promise<unknown>;
}
interface TabsLike {
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

export function sendToBackground<K extends keyof BackgroundMessages>(
  runtime: RuntimeLike,
  type: K,
  payload: RequestOf<BackgroundMessages, K>,
): Promise<ReplyOf<BackgroundMessages, K>> {
  return runtime.sendMessage({ type, payload }) as Promise<ReplyOf<BackgroundMessages, K>>;
}

export function sendToTab<K extends keyof ContentMessages>(
  tabs: TabsLike,
  tabId: number,
  type: K,
  payload: RequestOf<ContentMessages, K>,
): Promise<ReplyOf<ContentMessages, K>> {
  return tabs.sendMessage(tabId, { type, payload }) as Promise<ReplyOf<ContentMessages, K>>;
}

/**
 * Makes an `onMessage` listener from a table of handlers. Messages of other shapes get no reply (`undefined`),
 * so another listener or the sender's error handling takes over.
 */
export function messageListener<M>(handlers: Handlers<M>) {
  return (message: unknown, sender: { tab?: { id?: number } }): Promise<unknown> | undefined => {
    if (!message || typeof message !== 'object') return undefined;
    const { type, payload } = message as { type?: unknown; payload?: unknown };
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    const handler = handlers[type as keyof M] as (payload: unknown, sender: { tabId?: number }) => Promise<unknown>;
    return handler(payload ?? {}, { tabId: sender.tab?.id });
  };
}
