/**
 * When a card opens and closes, as a small state machine with named delays.
 *
 * - idle → pending: the pointer rests on a mark; the card opens after DWELL_MS, so a pointer crossing the text on
 *   its way elsewhere opens nothing.
 * - open → closing: the pointer left both the mark and the card; ABANDON_MS lets it travel from the mark into the card.
 * - pinned cards ignore the pointer and close on Escape or the close button.
 * Every target gets a token; a card model that arrives for an older token is dropped (a stale hover).
 */

/** How long the pointer must rest on a mark before its card opens. */
export const DWELL_MS = 350;
/** How long a card stays after the pointer leaves it or its mark, so the pointer can cross the gap between them. */
export const ABANDON_MS = 300;
/** How long a finger must rest on a mark for a long press: it opens the card of a mark inside a link. */
export const LONG_PRESS_MS = 500;

/** What opened a card: a pointer that hovers or clicks, the keyboard, or a touch (the card opens as a bottom sheet). */
export type OpenedBy = 'pointer' | 'keyboard' | 'touch';

export interface HoverTarget {
  key: unknown;
}

export type HoverState<T extends HoverTarget> =
  | { kind: 'idle' }
  | { kind: 'pending'; target: T; token: number }
  | { kind: 'open'; target: T; token: number; pinned: boolean; inCard: boolean; onMark: boolean; closing: boolean };

export interface HoverMachineDeps<T extends HoverTarget> {
  setTimer: (fn: () => void, ms: number) => number;
  clearTimer: (id: number) => void;
  onOpen: (target: T, token: number, how: OpenedBy) => void;
  onClose: (reason: 'abandon' | 'escape' | 'replaced' | 'closed') => void;
  dwellMs?: number;
}

export class HoverMachine<T extends HoverTarget> {
  state: HoverState<T> = { kind: 'idle' };
  #token = 0;
  #timer: number | null = null;

  readonly #deps: HoverMachineDeps<T>;

  constructor(deps: HoverMachineDeps<T>) {
    this.#deps = deps;
  }

  isCurrent(token: number): boolean {
    return this.state.kind !== 'idle' && this.state.token === token;
  }

  /** The pointer is over a mark (or over no mark: `null`). */
  pointerOver(target: T | null): void {
    const s = this.state;
    if (target === null) {
      if (s.kind === 'pending') this.#toIdle();
      else if (s.kind === 'open' && s.onMark) {
        s.onMark = false;
        this.#maybeAbandon();
      }
      return;
    }
    if (s.kind !== 'idle' && s.target.key === target.key) {
      if (s.kind === 'open') {
        s.onMark = true;
        this.#cancelClosing();
      }
      return;
    }
    if (s.kind === 'open' && (s.pinned || s.inCard)) return;
    this.#clearTimer();
    // Another mark: the open card goes now, so no card is ever left on screen while the machine waits.
    if (s.kind === 'open') this.#deps.onClose('abandon');
    const token = ++this.#token;
    this.state = { kind: 'pending', target, token };
    this.#timer = this.#deps.setTimer(() => this.#open(target, token, 'pointer', true), this.#deps.dwellMs ?? DWELL_MS);
  }

  /**
   * Opens at once: a click, a tap, a keyboard shortcut, or the popup's "show on page". A card opened by a click or
   * a touch counts as being on its mark until the pointer is seen elsewhere: a finger that lifts is not leaving.
   */
  openNow(target: T, how: OpenedBy): void {
    this.#clearTimer();
    this.#open(target, ++this.#token, how, how !== 'keyboard');
  }

  pointerInCard(inside: boolean): void {
    const s = this.state;
    if (s.kind !== 'open') return;
    s.inCard = inside;
    if (inside) this.#cancelClosing();
    else this.#maybeAbandon();
  }

  togglePin(): void {
    const s = this.state;
    if (s.kind !== 'open') return;
    s.pinned = !s.pinned;
    if (s.pinned) this.#cancelClosing();
    else this.#maybeAbandon();
  }

  /** True when a card was open (the caller then keeps the key from the page). */
  escape(): boolean {
    return this.state.kind !== 'idle' && this.#closeFor('escape');
  }

  close(): void {
    this.#closeFor('closed');
  }

  /** Back to idle; says why to `onClose` if a card was open, and whether one was. */
  #closeFor(reason: 'escape' | 'closed'): boolean {
    const wasOpen = this.state.kind === 'open';
    this.#toIdle();
    if (wasOpen) this.#deps.onClose(reason);
    return wasOpen;
  }

  #open(target: T, token: number, how: OpenedBy, onMark: boolean): void {
    const replaced = this.state.kind === 'open';
    this.#timer = null;
    this.state = { kind: 'open', target, token, pinned: false, inCard: false, onMark, closing: false };
    if (replaced) this.#deps.onClose('replaced');
    this.#deps.onOpen(target, token, how);
  }

  #maybeAbandon(): void {
    const s = this.state;
    if (s.kind !== 'open' || s.pinned || s.inCard || s.onMark || s.closing) return;
    s.closing = true;
    this.#timer = this.#deps.setTimer(() => {
      this.#timer = null;
      this.#toIdle();
      this.#deps.onClose('abandon');
    }, ABANDON_MS);
  }

  #cancelClosing(): void {
    if (this.state.kind === 'open' && this.state.closing) {
      this.state.closing = false;
      this.#clearTimer();
    }
  }

  #clearTimer(): void {
    if (this.#timer !== null) this.#deps.clearTimer(this.#timer);
    this.#timer = null;
  }

  #toIdle(): void {
    this.#clearTimer();
    this.state = { kind: 'idle' };
  }
}
