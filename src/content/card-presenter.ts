/**
 * Shows the hover card for a mark: asks for its model, renders it hidden to measure it, places it next to the mark,
 * keeps it there while the page scrolls, and gives focus back when it closes. A card opened by a touch is a bottom
 * sheet instead, which stays where it is. The hover machine decides when a card opens and closes; this decides
 * what the reader sees.
 */
import { h } from 'preact';
import type { CardFrameWords } from '../cards/card-words';
import { Card, type CardContent, type CardFrame, type CardProps } from '../overlay/Card';
import type { OverlayContainer } from '../overlay/container';
import type { HoverMachine, OpenedBy } from '../overlay/hover-machine';
import { isOffScreen, placeCard, type Side } from '../overlay/placement';
import type { Highlighter } from '../page/highlighter';
import { rectsOf } from '../page/hit-test';
import type { Mark, PageLens } from '../page/page-lens';
import type { RenderedCard } from '../ui/markup';

export interface CardTarget {
  key: Mark;
}

export interface CardPresenterDeps {
  window: Window & typeof globalThis;
  overlay: OverlayContainer;
  highlighter: Highlighter;
  lens: PageLens;
  machine: HoverMachine<CardTarget>;
  /** The card of an entity, in the language of the mark's words `asWritten` (the background tells it from them). */
  getCard: (entity: number, asWritten: string) => Promise<RenderedCard | null>;
  /** The card's theme for a mark in this text node: its page's light or dark, or the system's (''). */
  themeAt: (node: Node) => CardProps['theme'];
  /** The card's styles and the words around its body, from the background. */
  getCardFrame: () => Promise<CardFrame>;
  openInPopup: (id: string) => void;
  openSettings: () => void;
  /** A prefilled problem report about an item; `pageUrl` only when the reader chose to include it. */
  reportProblem: (id: string, pageUrl?: string) => void;
  /** True, after taking the whole content script away, when the extension is gone from under this page. */
  endIfOrphaned: () => boolean;
}

export interface CardPresenter {
  readonly isShown: boolean;
  /** Cards are built for the tracks and parties in the settings: models asked for before a change are stale. */
  forgetModels(): void;
  /** Gets the card's styles and words once; true when the overlay has them. A failure is retried on the next card. */
  loadFrame(): Promise<boolean>;
  open(mark: Mark, token: number, how: OpenedBy): Promise<void>;
  close(reason: 'abandon' | 'escape' | 'replaced' | 'closed'): void;
  /** Focus moved on from a card opened from the keyboard into the page: the card would cover where it went. */
  focusMovedTo(target: EventTarget | null): void;
  /** Keeps the card next to its mark after a scroll or resize. */
  follow(): void;
}

/** A closure, not a class: its state stays private and minifies to short names (docs/decisions.md, 9). */
export function createCardPresenter({ window, overlay, highlighter, lens, machine, getCard, themeAt, getCardFrame, openInPopup, openSettings, reportProblem, endIfOrphaned }: CardPresenterDeps): CardPresenter {
  // `side`: where the card went when last placed, kept once it is expanded.
  let card: { target: Mark; content: CardContent; takeFocus: boolean; sheet: boolean; expanded: boolean; side?: Side } | null = null;
  let focusBeforeCard: Element | null = null;
  // By entity and the words of the mark: "Зеленського" and "Zelensky" get their cards in their languages.
  const models = new Map<string, RenderedCard | null>();
  let frame: Promise<boolean> | null = null;
  let words: CardFrameWords;

  const loadFrame = (): Promise<boolean> =>
    (frame ??= getCardFrame().then(
      (answer) => {
        overlay.setStyles(answer.css);
        words = answer.words;
        return true;
      },
      () => {
        frame = null;
        endIfOrphaned();
        return false;
      },
    ));

  // A client rect is a snapshot, so it can serve as the anchor as it is. A mark the page has just taken away (a
  // re-render while the pointer rested on it) has none: its card has nowhere to go, and must not open in a corner.
  const anchorOf = (mark: Mark) => rectsOf(window.document, mark).find((rect) => rect.height > 0);

  /**
   * Shift+Tab from the card: focus goes to the last element the reader can focus at or before the mark, in the
   * page's order (the link the mark is in, or the one before it), as if the card sat right after its mark. The page
   * is not scrolled. With none there, the card closes and focus goes back where it was.
   */
  const tabBack = (): void => {
    const mark = card?.target;
    if (!mark) return;
    // An element the reader can reach with Tab has a tabIndex of 0 or more; one that cannot take focus (a disabled
    // button) is passed over when focus does not move to it.
    const before = [...window.document.querySelectorAll<HTMLElement>('*')].filter((element) => element.tabIndex >= 0 && element.compareDocumentPosition(mark.node) & 4);
    for (let element = before.pop(); element; element = before.pop()) {
      element.focus({ preventScroll: true });
      if (window.document.activeElement === element) return;
    }
    machine.close();
  };

  const viewport = () => ({ width: window.innerWidth, height: window.innerHeight });

  const render = (): void => {
    const shown = card;
    if (!shown) return;
    const anchor = anchorOf(shown.target);
    if (!anchor && !shown.sheet) return machine.close();
    const state = machine.state;
    const props = {
      content: shown.content,
      words,
      pinned: state.kind === 'open' && state.pinned,
      expanded: shown.expanded,
      theme: themeAt(shown.target.node),
      onMore: () => {
        card = { ...card!, expanded: !card!.expanded };
        render();
      },
      onPin: () => {
        machine.togglePin();
        render();
      },
      onClose: () => machine.close(),
      onOpenInPopup: openInPopup,
      onOpenSettings: openSettings,
      onReport: (id: string, includePage: boolean) => reportProblem(id, includePage ? window.location.href : undefined),
      onPointerInside: (inside: boolean) => machine.pointerInCard(inside),
      onTabBack: tabBack,
    };
    // A sheet has its place; a card is rendered hidden to measure, then placed: its height depends on its content.
    let element = overlay.render(h(Card, { ...props, position: shown.sheet ? 'sheet' : null }));
    if (!element) return;
    if (anchor && !shown.sheet) {
      const position = placeCard(anchor, { width: element.offsetWidth, height: element.scrollHeight }, viewport(), shown.expanded ? shown.side : undefined);
      element = overlay.render(h(Card, { ...props, position }))!;
      card = { ...shown, side: position.placement };
    }
    if (shown.takeFocus && shown.content.state !== 'loading') {
      element.focus({ preventScroll: true });
      card = { ...card!, takeFocus: false };
    }
  };

  return {
    get isShown() {
      return card !== null;
    },

    forgetModels() {
      models.clear();
    },

    loadFrame,

    async open(mark, token, how) {
      // An unstyled card is unreadable, and one without words empty: wait for both (asked for when the page was
      // marked, so usually here).
      if (!(await loadFrame()) || !machine.isCurrent(token)) return;
      if (how === 'keyboard' && !card) focusBeforeCard = window.document.activeElement;
      highlighter.setActive(lens.rangeOf(mark));
      const written = mark.node.data.slice(mark.start, mark.end);
      const key = `${mark.entity} ${written}`;
      const cached = models.get(key);
      card = { target: mark, content: cached !== undefined ? toContent(cached) : { state: 'loading' }, takeFocus: how === 'keyboard', sheet: how === 'touch', expanded: false };
      render();
      if (!card) return;
      if (cached !== undefined) return;
      let model: RenderedCard | null = null;
      try {
        model = await getCard(mark.entity, written);
        // Only answers are remembered: a failed request (a service worker starting up) is asked again next time.
        models.set(key, model);
      } catch {
        if (endIfOrphaned()) return;
      }
      // A newer hover may have replaced this one while the model was on its way: drop the stale answer.
      if (!machine.isCurrent(token) || !card || card.target !== mark) return;
      card = { ...card, content: toContent(model) };
      render();
    },

    close(reason) {
      if (reason === 'replaced') return;
      card = null;
      highlighter.setActive(null);
      const previous = focusBeforeCard;
      focusBeforeCard = null;
      // Focus goes back where it was when the card closes with focus inside it (Escape, scrolled away); a reader
      // who has moved on into the page keeps focus there.
      const hadFocus = overlay.owns(window.document.activeElement);
      overlay.clear();
      if (hadFocus && previous instanceof window.HTMLElement && previous.isConnected) previous.focus({ preventScroll: true });
    },

    focusMovedTo(target) {
      const state = machine.state;
      if (focusBeforeCard && state.kind === 'open' && !state.pinned && !overlay.owns(target)) machine.close();
    },

    follow() {
      // A sheet stays put while the page scrolls behind it.
      if (!card || card.sheet) return;
      const anchor = anchorOf(card.target);
      const state = machine.state;
      // Gone from the page, or scrolled away from its mark: a card that is not pinned has nothing left to explain
      // on screen, unless the pointer is in it (the page scrolled itself while the reader was reading the card).
      if (!anchor || (!(state.kind === 'open' && (state.pinned || state.inCard)) && isOffScreen(anchor, viewport()))) return machine.close();
      render();
    },
  };
}

function toContent(card: RenderedCard | null): CardContent {
  return card ? { state: 'ready', ...card } : { state: 'missing' };
}
