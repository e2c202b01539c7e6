/**
 * The content script's application: connects settings, the page lens, the hover card and the messages.
 * Everything it attaches is tied to one AbortSignal and removed by `destroy()`.
 */
import { h } from 'preact';
import type { CardModel } from '../cards/card-model';
import type { CompiledMatcher } from '../matcher/compile';
import { messageListener, type ContentMessages, type Handlers, type PagePolicy, type PageReport } from '../messaging/protocol';
import { HoverMachine } from '../overlay/hover-machine';
import { Card, type CardContent } from '../overlay/Card';
import { OverlayContainer } from '../overlay/container';
import { isOffScreen, placeCard, type Rect } from '../overlay/placement';
import { Highlighter, type HighlightApi } from '../page/highlighter';
import { markFromPoint, rectsOf, scrollMarkIntoView } from '../page/hit-test';
import { PageLens, type Mark } from '../page/page-lens';
import { isRendered } from '../page/text-nodes';
import { isSettingsKey } from '../settings/settings';
import type { SiteDecision } from '../settings/site-policy';

export interface ContentAppDeps {
  window: Window & typeof globalThis;
  /** Compiles the matcher; the app calls it once per page, before its first policy request. */
  compileMatcher: () => CompiledMatcher;
  highlightApi: HighlightApi;
  /** The card's CSS, from the background: asked for once the page has something to show. */
  getCardStyles: () => Promise<string>;
  /** Asks the background whether the extension is on here; the site policy and settings live there. */
  getPolicy: (url: string) => Promise<PagePolicy>;
  /** Calls back with the changed keys whenever extension storage changes. */
  watchStorage: (onChange: (keys: string[]) => void, signal: AbortSignal) => void;
  getCard: (entity: number) => Promise<CardModel | null>;
  openInPopup: (id: string) => void;
  /** Registers the handler for messages from the popup and background until the signal aborts. */
  listen: (listener: (message: unknown, sender: { tab?: { id?: number } }) => Promise<unknown> | undefined, signal: AbortSignal) => void;
  /** Performance marks for the benchmark, with an optional detail; a no-op is fine. */
  mark: (name: string, detail?: unknown) => void;
  /**
   * False once the extension was reloaded, updated or removed under this page. Chrome does not re-inject content
   * scripts into open tabs, so this copy must notice on its own and take its marks and UI away.
   */
  isAlive: () => boolean;
}

interface CardTarget {
  key: Mark;
}

export class ContentApp {
  readonly #abort = new AbortController();
  readonly #lens: PageLens;
  readonly #highlighter: Highlighter;
  readonly #overlay: OverlayContainer;
  readonly #machine: HoverMachine<CardTarget>;
  #display: PagePolicy['display'] | null = null;
  #policyRequests = 0;
  #decision: SiteDecision | null = null;
  #card: { target: Mark; content: CardContent; anchor: Rect; takeFocus: boolean } | null = null;
  #focusBeforeCard: Element | null = null;
  #cardCache = new Map<number, CardModel | null>();
  #styles: Promise<boolean> | null = null;
  #matcher: CompiledMatcher | null = null;
  #cursor: Mark | null = null;
  #pointer: { x: number; y: number; modifier: boolean } | null = null;
  #frame: number | null = null;
  readonly #frameWork = new Set<'hover' | 'follow'>();

  readonly #deps: ContentAppDeps;

  constructor(deps: ContentAppDeps) {
    this.#deps = deps;
    const { window } = deps;
    const timers = { setTimer: (fn: () => void, ms: number) => window.setTimeout(fn, ms), clearTimer: (id: number) => window.clearTimeout(id) };
    this.#highlighter = new Highlighter(deps.highlightApi, 'underline');
    this.#overlay = new OverlayContainer(window.document);
    this.#lens = new PageLens(
      {
        matcher: () => this.#ensureMatcher(),
        highlighter: this.#highlighter,
        root: () => window.document.body ?? window.document.documentElement,
        now: () => window.performance.now(),
        yieldToPage: () => yieldToPage(window),
        ...timers,
        MutationObserver: window.MutationObserver,
        IntersectionObserver: window.IntersectionObserver,
        makeRange: (node, start, end) => new window.StaticRange({ startContainer: node, startOffset: start, endContainer: node, endOffset: end }),
        isRendered,
        onIdle: () => deps.mark('negotiation-lens:idle'),
      },
      { markEveryMention: false },
    );
    this.#machine = new HoverMachine<CardTarget>({
      ...timers,
      onOpen: (target, token, how) => void this.#openCard(target.key, token, how),
      onClose: (reason) => this.#closeCard(reason),
    });
  }

  async start(): Promise<void> {
    const signal = this.#abort.signal;
    const { window } = this.#deps;
    this.#deps.listen(messageListener<ContentMessages>(this.#handlers()), signal);
    // Other extension data (seen events, the popup's focus request) changes too: only settings matter here.
    this.#deps.watchStorage((keys) => {
      if (keys.some(isSettingsKey)) void this.#applySettings();
    }, signal);
    const options = { capture: true, passive: true, signal };
    window.document.addEventListener('pointermove', (e) => this.#onPointerMove(e), options);
    window.document.addEventListener('click', (e) => this.#onClick(e), options);
    window.document.addEventListener('keydown', (e) => this.#onKeyDown(e), { capture: true, signal });
    window.document.addEventListener('focusin', (e) => this.#onFocusIn(e), options);
    const follow = () => {
      if (this.#card) this.#inNextFrame('follow');
    };
    window.addEventListener('scroll', follow, options);
    window.addEventListener('resize', follow, options);
    await this.#applySettings();
  }

  /**
   * A History API navigation. A jump within the page (a table of contents, a footnote) is not one: only the hash
   * changes, and it names an element of the page. A hash router's "#/world/story" names none.
   */
  onNavigation(from: string, to: string): void {
    const target = new URL(to).hash.slice(1);
    if (!this.#decision?.on || (withoutHash(from) === withoutHash(to) && (!target || this.#deps.window.document.getElementById(decodedHash(target))))) return;
    this.#machine.close();
    this.#cursor = null;
    this.#lens.restart();
  }

  destroy(): void {
    this.#abort.abort();
    this.#machine.close();
    this.#lens.stop();
    this.#highlighter.detach();
    this.#overlay.destroy();
    if (this.#frame !== null) this.#deps.window.cancelAnimationFrame(this.#frame);
  }

  async #applySettings(): Promise<void> {
    const request = ++this.#policyRequests;
    let policy: PagePolicy;
    try {
      // The extension is on everywhere by default: compile the matcher first, while the browser is quiet. Compiling
      // while the background answered made the two compete for the CPU (docs/decisions.md, 6).
      if (request === 1) this.#ensureMatcher();
      policy = await this.#deps.getPolicy(this.#deps.window.location.href);
    } catch {
      // The extension was reloaded or removed under us: this copy of the script is finished.
      if (!this.#deps.isAlive()) this.destroy();
      return;
    }
    // Settings changed again while we waited: a newer answer is on its way, and this one may be older.
    if (this.#abort.signal.aborted || request !== this.#policyRequests) return;
    const { decision, display } = policy;
    this.#display = display;
    // Cards are built for the tracks and parties in the settings, which may just have changed.
    this.#cardCache.clear();
    const wasOn = this.#decision?.on ?? false;
    this.#decision = decision;
    this.#highlighter.setStyle(display.highlightStyle);
    this.#lens.setOptions({ markEveryMention: display.markEveryMention });
    if (decision.on && !wasOn) {
      this.#deps.mark('negotiation-lens:scan-start');
      this.#lens.start();
      void this.#lens.idle.then(() => {
        this.#deps.mark('negotiation-lens:painted');
        // Fetch the card's styles now, not on the first hover, on pages that have marks.
        if (this.#lens.isRelevant) void this.#loadStyles();
      });
    } else if (!decision.on && wasOn) {
      this.#machine.close();
      this.#cursor = null;
      this.#lens.stop();
      // Off for this page: our names leave the shared highlight registry too (setStyle registers them again).
      this.#highlighter.detach();
      this.#overlay.destroy();
    }
  }

  #handlers(): Handlers<ContentMessages> {
    return {
      getPageReport: async () => {
        await this.#lens.idle;
        return this.#report();
      },
      revealMention: async ({ entity }) => {
        await this.#lens.idle;
        const mark = this.#lens.shownMarks().find((m) => m.entity === entity);
        if (mark) this.#reveal(mark);
        return { found: Boolean(mark) };
      },
      stepMention: async ({ direction }) => {
        await this.#lens.idle;
        const marks = this.#lens.shownMarks();
        if (marks.length === 0) return { found: false };
        const current = this.#cursor ? marks.indexOf(this.#cursor) : -1;
        const next = current === -1 ? (direction === 1 ? 0 : marks.length - 1) : (current + direction + marks.length) % marks.length;
        this.#reveal(marks[next]!);
        return { found: true };
      },
    };
  }

  #report(): PageReport {
    const decision = this.#decision;
    if (!decision || !decision.on || decision.site === null)
      return { state: 'off', site: decision?.site ?? null, reason: decision?.reason ?? 'default' };
    if (!this.#lens.isRelevant) return { state: 'not-relevant', site: decision.site };
    const mentions = [...this.#lens.counts()].map(([entity, count]) => ({ entity, count }));
    mentions.sort((a, b) => b.count - a.count);
    return { state: 'on', site: decision.site, mentions };
  }

  #reveal(mark: Mark): void {
    this.#cursor = mark;
    scrollMarkIntoView(this.#deps.window.document, mark);
    this.#machine.openNow({ key: mark }, 'keyboard');
  }

  // Events a page script makes up (isTrusted false) are ignored: a page cannot open, move or close our cards.
  #onPointerMove(event: PointerEvent): void {
    if (!event.isTrusted || !this.#lens.isRelevant || this.#overlay.owns(event.target)) return;
    this.#pointer = { x: event.clientX, y: event.clientY, modifier: event.altKey };
    this.#inNextFrame('hover');
  }

  /** Pointer and scroll work happens at most once per frame, however fast events arrive. */
  #inNextFrame(work: 'hover' | 'follow'): void {
    this.#frameWork.add(work);
    this.#frame ??= this.#deps.window.requestAnimationFrame(() => {
      this.#frame = null;
      if (!this.#deps.isAlive()) return this.destroy();
      const due = new Set(this.#frameWork);
      this.#frameWork.clear();
      if (due.has('follow')) this.#followAnchor();
      if (due.has('hover')) this.#hoverAt();
    });
  }

  #hoverAt(): void {
    const pointer = this.#pointer;
    const trigger = this.#display?.cardTrigger ?? 'hover';
    if (!pointer || !this.#lens.isRelevant) return;
    if (trigger === 'click') {
      // Cards opened by a click close when the pointer leaves them; other marks wait for their own click.
      const state = this.#machine.state;
      if (state.kind === 'open') {
        const hit = this.#hit(pointer.x, pointer.y);
        this.#machine.pointerOver(hit && hit.key === state.target.key ? hit : null);
      }
      return;
    }
    this.#machine.pointerOver(trigger === 'hover' || pointer.modifier ? this.#hit(pointer.x, pointer.y) : null);
  }

  #hit(x: number, y: number): CardTarget | null {
    const mark = markFromPoint(this.#deps.window.document, this.#lens, x, y);
    return mark ? { key: mark } : null;
  }

  #onClick(event: MouseEvent): void {
    if (!event.isTrusted || this.#display?.cardTrigger !== 'click' || this.#overlay.owns(event.target) || !this.#lens.isRelevant) return;
    const target = this.#hit(event.clientX, event.clientY);
    if (target) this.#machine.openNow(target, 'pointer');
  }

  /** Focus moved on from a card opened from the keyboard into the page: the card would cover where it went. */
  #onFocusIn(event: FocusEvent): void {
    const state = this.#machine.state;
    if (this.#focusBeforeCard && state.kind === 'open' && !state.pinned && !this.#overlay.owns(event.target)) this.#machine.close();
  }

  #onKeyDown(event: KeyboardEvent): void {
    if (event.isTrusted && event.key === 'Escape' && this.#machine.escape()) event.stopPropagation();
  }

  #anchorOf(mark: Mark): Rect {
    const rect = rectsOf(this.#deps.window.document, mark)[0];
    return rect ? { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom } : { left: 8, top: 8, right: 8, bottom: 8 };
  }

  /** The matcher, compiled on first use; the benchmark reads how long that took from the matcher-ready mark. */
  #ensureMatcher(): CompiledMatcher {
    if (this.#matcher) return this.#matcher;
    const started = this.#deps.window.performance.now();
    this.#matcher = this.#deps.compileMatcher();
    this.#deps.mark('negotiation-lens:matcher-ready', { ms: this.#deps.window.performance.now() - started });
    return this.#matcher;
  }

  /** Gets the card's styles once; true when the overlay has them. A failure is retried on the next card. */
  #loadStyles(): Promise<boolean> {
    this.#styles ??= this.#deps.getCardStyles().then(
      (css) => {
        this.#overlay.setStyles(css);
        return true;
      },
      () => {
        this.#styles = null;
        if (!this.#deps.isAlive()) this.destroy();
        return false;
      },
    );
    return this.#styles;
  }

  async #openCard(mark: Mark, token: number, how: 'pointer' | 'keyboard'): Promise<void> {
    // An unstyled card is unreadable: wait for the styles (asked for when the page was marked, so usually here).
    if (!(await this.#loadStyles()) || !this.#machine.isCurrent(token)) return;
    if (how === 'keyboard' && !this.#card) this.#focusBeforeCard = this.#deps.window.document.activeElement;
    this.#highlighter.setActive(this.#lens.rangeOf(mark));
    const cached = this.#cardCache.get(mark.entity);
    this.#card = { target: mark, content: cached !== undefined ? toContent(cached) : { state: 'loading' }, anchor: this.#anchorOf(mark), takeFocus: how === 'keyboard' };
    this.#renderCard();
    if (cached !== undefined) return;
    let model: CardModel | null = null;
    try {
      model = await this.#deps.getCard(mark.entity);
      // Only answers are remembered: a failed request (a service worker starting up) is asked again next time.
      this.#cardCache.set(mark.entity, model);
    } catch {
      if (!this.#deps.isAlive()) return this.destroy();
    }
    // A newer hover may have replaced this one while the model was on its way: drop the stale answer.
    if (!this.#machine.isCurrent(token) || !this.#card || this.#card.target !== mark) return;
    this.#card = { ...this.#card, content: toContent(model) };
    this.#renderCard();
  }

  #closeCard(reason: 'abandon' | 'escape' | 'replaced' | 'closed'): void {
    if (reason === 'replaced') return;
    this.#card = null;
    this.#highlighter.setActive(null);
    const previous = this.#focusBeforeCard;
    this.#focusBeforeCard = null;
    // Focus goes back where it was when the card closes with focus inside it (Escape, scrolled away); a reader
    // who has moved on into the page keeps focus there.
    const hadFocus = this.#overlay.owns(this.#deps.window.document.activeElement);
    this.#overlay.clear();
    if (hadFocus && previous instanceof this.#deps.window.HTMLElement && previous.isConnected) previous.focus({ preventScroll: true });
  }

  #followAnchor(): void {
    if (!this.#card) return;
    if (!this.#card.target.node.isConnected) return this.#machine.close();
    const anchor = this.#anchorOf(this.#card.target);
    const view = this.#deps.window;
    const state = this.#machine.state;
    // Scrolled away from its mark: a card that is not pinned has nothing left to explain on screen, unless the
    // pointer is in it (the page scrolled itself while the reader was reading the card).
    if (!(state.kind === 'open' && (state.pinned || state.inCard)) && isOffScreen(anchor, { width: view.innerWidth, height: view.innerHeight })) return this.#machine.close();
    this.#card = { ...this.#card, anchor };
    this.#renderCard();
  }

  #renderCard(): void {
    const card = this.#card;
    if (!card) return;
    const state = this.#machine.state;
    const props = {
      content: card.content,
      pinned: state.kind === 'open' && state.pinned,
      onPin: () => {
        this.#machine.togglePin();
        this.#renderCard();
      },
      onClose: () => this.#machine.close(),
      onOpenInPopup: (id: string) => this.#deps.openInPopup(id),
      onPointerInside: (inside: boolean) => this.#machine.pointerInCard(inside),
    };
    // Render hidden to measure, then place: the card's height depends on its content.
    const element = this.#overlay.render(h(Card, { ...props, position: null }));
    if (!element) return;
    const view = this.#deps.window;
    const position = placeCard(card.anchor, { width: element.offsetWidth, height: element.scrollHeight }, { width: view.innerWidth, height: view.innerHeight });
    this.#overlay.render(h(Card, { ...props, position }));
    if (card.takeFocus && card.content.state !== 'loading') {
      element.focus({ preventScroll: true });
      this.#card = { ...card, takeFocus: false };
    }
  }
}

/** The element id a hash names; a hash that is not valid percent-encoding names itself. */
function decodedHash(hash: string): string {
  try {
    return decodeURIComponent(hash);
  } catch {
    return hash;
  }
}

function withoutHash(url: string): string {
  const at = url.indexOf('#');
  return at === -1 ? url : url.slice(0, at);
}

function toContent(model: CardModel | null): CardContent {
  return model ? { state: 'ready', model } : { state: 'missing' };
}

/** Gives the page its thread back: `scheduler.yield()` where the browser has it, else a zero-delay timer. */
function yieldToPage(window: Window): Promise<void> {
  const scheduler = (window as Window & { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => window.setTimeout(resolve, 0));
}
