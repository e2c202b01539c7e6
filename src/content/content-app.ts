/**
 * The content script's application: builds the page lens, the site switch, the card presenter, the input handling
 * and the message handlers, and connects them. Everything they attach is tied to one AbortSignal and removed by
 * `destroy()`.
 */
import { MATCHER_TABLE_KEY, type MatcherTableRecord } from '../knowledge/matcher-table';
import type { PackedAliasTable } from '../matcher/alias-table';
import type { CompiledMatcher } from '../matcher/compile';
import { messageListener, type ContentMessages, type PagePolicy } from '../messaging/protocol';
import { OverlayContainer } from '../overlay/container';
import { HoverMachine } from '../overlay/hover-machine';
import { Highlighter, type HighlightApi } from '../page/highlighter';
import { PageLens } from '../page/page-lens';
import { createPageTone, DARK } from '../page/page-tone';
import { isRendered } from '../page/text-nodes';
import { isSettingsKey } from '../settings/settings';
import type { CardFrame } from '../overlay/Card';
import type { RenderedCard } from '../ui/markup';
import { createCardPresenter, type CardTarget } from './card-presenter';
import { listenToReader } from './page-input';
import { createPageMessages } from './page-messages';
import { compileOnFirstUse, createPageSwitch, isJumpWithinPage } from './page-switch';

export interface ContentAppDeps {
  window: Window & typeof globalThis;
  /** The active pack's alias table, from storage or the background (src/knowledge/matcher-table.ts). */
  loadMatcherTable: () => Promise<MatcherTableRecord>;
  /** Compiles a table into a matcher; the app calls it once per page and pack, before its first policy request. */
  compileMatcher: (table: PackedAliasTable) => CompiledMatcher;
  highlightApi: HighlightApi;
  /** The card's CSS and words, from the background: asked for once the page has something to show. */
  getCardFrame: () => Promise<CardFrame>;
  /** Asks the background whether the extension is on here; the site policy and settings live there. */
  getPolicy: (url: string) => Promise<PagePolicy>;
  /** Calls back with the changed keys whenever extension storage changes. */
  watchStorage: (onChange: (keys: string[]) => void, signal: AbortSignal) => void;
  /** `revision` is the pack the entity key comes from; the background answers null for another pack's keys. */
  /** `articleDay`: when the page's article was published, where it says (src/page/article-date.ts). */
  getCard: (entity: number, revision: string, articleDay: string | null, asWritten: string) => Promise<RenderedCard | null>;
  openInPopup: (id: string) => void;
  /** Opens the options page at its knowledge section. */
  openSettings: () => void;
  /** Opens a prefilled problem report; `pageUrl` is passed only when the reader ticked the box. */
  reportProblem: (id: string, pageUrl?: string) => void;
  /** Registers the handler for messages from the popup and background until the signal aborts. */
  listen: (listener: (message: unknown, sender: { tab?: { id?: number } }) => Promise<unknown> | undefined, signal: AbortSignal) => void;
  /**
   * Tells the background how many distinct things the page mentions (0: none, or not about the talks), for the
   * toolbar badge.
   */
  reportThings: (count: number) => void;
  /** Performance marks for the benchmark, with an optional detail; a no-op is fine. */
  mark: (name: string, detail?: unknown) => void;
  /**
   * False once the extension was reloaded, updated or removed under this page. Chrome does not re-inject content
   * scripts into open tabs, so this copy must notice on its own and take its marks and UI away.
   */
  isAlive: () => boolean;
}

export interface ContentApp {
  start(): Promise<void>;
  /** A History API navigation: the lens starts again on the new page, unless this was a jump within the page. */
  onNavigation(from: string, to: string): void;
  /** Takes everything away: marks, UI, listeners, timers. */
  destroy(): void;
}

/**
 * Builds the parts and connects them. A closure, not a class, like its parts: private state that minifies to short
 * names (docs/decisions.md, 9).
 */
export function createContentApp(deps: ContentAppDeps): ContentApp {
  const { window } = deps;
  const { document } = window;
  const abort = new AbortController();
  const { signal } = abort;
  const endIfOrphaned = () => !deps.isAlive() && (app.destroy(), true);
  const timers = { setTimer: (fn: () => void, ms: number) => window.setTimeout(fn, ms), clearTimer: (id: number) => window.clearTimeout(id) };
  const now = () => window.performance.now();
  // Set by start() before anything asks for the matcher; replaced when another pack becomes active.
  let table: MatcherTableRecord = { revision: '', table: '' };
  // The count the background last heard. A new page's badge is empty (the browser clears it), as is one that was
  // switched off (the background shows "off"): both are 0 here, so a page with nothing to count sends nothing.
  let told = 0;
  let tellTimer = 0;
  /** Once the lens has been at rest for a moment (a live page comes to rest often), the count, if it changed. */
  const tellCount = () => {
    window.clearTimeout(tellTimer);
    tellTimer = window.setTimeout(() => {
      const count = lens.counts().size;
      if (count !== told && !signal.aborted) deps.reportThings((told = count));
      deps.mark('negotiation-lens:counted');
    }, COUNT_DELAY_MS);
  };
  const matcher = compileOnFirstUse(() => deps.compileMatcher(table.table), now, deps.mark);
  // Marks and cards take their colours from the page where they are (page-tone.ts).
  const tone = createPageTone(window);
  const highlighter = new Highlighter(deps.highlightApi, 'underline', tone);
  const overlay = new OverlayContainer(document);
  const lens = new PageLens(
    {
      matcher,
      highlighter,
      root: () => document.body ?? document.documentElement,
      now,
      yieldToPage: () => yieldToPage(window),
      ...timers,
      MutationObserver: window.MutationObserver,
      IntersectionObserver: window.IntersectionObserver,
      makeRange: (node, start, end) => new window.StaticRange({ startContainer: node, startOffset: start, endContainer: node, endOffset: end }),
      isRendered,
      onIdle: () => {
        deps.mark('negotiation-lens:idle');
        tellCount();
      },
    },
    { markScope: 'section', wholePage: false },
  );
  const machine = new HoverMachine<CardTarget>({
    ...timers,
    onOpen: (target, token, how) => void cards.open(target.key, token, how),
    onClose: (reason) => cards.close(reason),
  });
  const cards = createCardPresenter({
    ...deps,
    getCard: (entity, asWritten) => deps.getCard(entity, table.revision, lens.articleDay, asWritten),
    themeAt: (node) => (pageSwitch.display?.cardTheme === 'system' ? '' : tone(node) & DARK ? 'dark' : 'light'),
    overlay,
    highlighter,
    lens,
    machine,
    endIfOrphaned,
  });
  const pageSwitch = createPageSwitch({
    ...deps,
    lens,
    highlighter,
    matcher,
    url: () => window.location.href,
    endIfOrphaned,
    signal,
    cards,
    onSwitchedOff: () => {
      told = 0;
      machine.close();
      messages.forgetCursor();
      overlay.destroy();
    },
  });
  const messages = createPageMessages({ document, lens, machine, pageSwitch });

  /** Another pack became active while this page is open: match with its table from now on, and scan again. */
  const takeNewPack = async () => {
    const next = await deps.loadMatcherTable().catch(() => null);
    if (!next || signal.aborted || next.revision === table.revision) return;
    table = next;
    matcher.forget();
    cards.forgetModels();
    machine.close();
    if (pageSwitch.decision?.on) {
      messages.forgetCursor();
      lens.restart();
    }
  };

  const app: ContentApp = {
    async start() {
      try {
        table = await deps.loadMatcherTable();
      } catch {
        endIfOrphaned();
        return;
      }
      deps.listen(messageListener<ContentMessages>(messages.handlers), signal);
      // Other extension data (seen events, the pack's update status) changes too: only settings and the pack matter.
      deps.watchStorage((keys) => {
        if (keys.includes(MATCHER_TABLE_KEY)) void takeNewPack();
        if (keys.some(isSettingsKey)) void pageSwitch.apply();
      }, signal);
      listenToReader({ window, lens, overlay, machine, cards, pageSwitch, endIfOrphaned }, signal);
      // Back from the back/forward cache: the browser cleared the badge when it showed this page again.
      window.addEventListener(
        'pageshow',
        (event) => {
          if (!event.persisted) return;
          told = 0;
          void pageSwitch.apply();
          tellCount();
        },
        { signal },
      );
      await pageSwitch.apply();
    },

    onNavigation(from, to) {
      if (!pageSwitch.decision?.on || isJumpWithinPage(from, to, document)) return;
      machine.close();
      messages.forgetCursor();
      lens.restart();
    },

    destroy() {
      abort.abort();
      machine.close();
      lens.stop();
      highlighter.detach();
      overlay.destroy();
    },
  };
  return app;
}

/** How long the lens stays at rest before the page's count goes to the toolbar badge. */
export const COUNT_DELAY_MS = 400;

/** Gives the page its thread back: `scheduler.yield()` where the browser has it, else a zero-delay timer. */
function yieldToPage(window: Window): Promise<void> {
  const scheduler = (window as Window & { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => window.setTimeout(resolve, 0));
}
