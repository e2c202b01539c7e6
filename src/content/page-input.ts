/**
 * What the reader does on the page, turned into hover-machine steps: pointer moves and clicks on marks, taps and
 * long presses, Escape, focus moving on, and scrolls that the open card must follow. Events a page script makes up
 * (isTrusted false) are ignored: a page cannot open, move or close our cards.
 *
 * Where the reader cannot hover (a touch, or a device whose pointer does not hover), a tap on a mark opens its card
 * as a bottom sheet, and a tap anywhere else closes it. A tap on a mark inside a link follows the link, as the page
 * intends; a long press opens the card there instead, and only then is the browser's own menu held back.
 */
import type { OverlayContainer } from '../overlay/container';
import { LONG_PRESS_MS, type HoverMachine } from '../overlay/hover-machine';
import { markFromPoint } from '../page/hit-test';
import type { PageLens } from '../page/page-lens';
import type { CardPresenter, CardTarget } from './card-presenter';
import type { PageSwitch } from './page-switch';

export interface PageInputDeps {
  window: Window & typeof globalThis;
  lens: PageLens;
  overlay: OverlayContainer;
  machine: HoverMachine<CardTarget>;
  cards: CardPresenter;
  /** How cards open comes with the policy; hover until the first policy arrives. */
  pageSwitch: Pick<PageSwitch, 'display'>;
  /** True, after taking the whole content script away, when the extension is gone from under this page. */
  endIfOrphaned: () => boolean;
}

/**
 * Listens until the signal aborts, and then drops the work waiting for the next frame too. A closure, not a class,
 * for the content script's size (docs/decisions.md, 9).
 */
export function listenToReader({ window, lens, overlay, machine, cards, pageSwitch, endIfOrphaned }: PageInputDeps, signal: AbortSignal): void {
  const { document } = window;
  let pointer: { x: number; y: number; modifier: boolean } | null = null;
  let frame: number | null = null;
  const frameWork = new Set<'hover' | 'follow'>();
  /** Whether the pointer that last went down cannot hover (a finger): its taps open cards as bottom sheets. */
  let touch = false;
  /** The mark a finger rests on, until it lifts: a long press opens its card. */
  let press: CardTarget | null = null;
  let pressTimer = 0;
  /** A long press opened a card: the click and the menu that may follow it belong to it, not to the page. */
  let pressed = false;

  const hit = (x: number, y: number): CardTarget | null => {
    const mark = markFromPoint(document, lens, x, y);
    return mark ? { key: mark } : null;
  };

  const hoverAt = (): void => {
    const trigger = pageSwitch.display?.cardTrigger ?? 'hover';
    if (!pointer || !lens.isRelevant) return;
    if (trigger === 'click') {
      // Cards opened by a click close when the pointer leaves them; other marks wait for their own click.
      const state = machine.state;
      if (state.kind === 'open') {
        const target = hit(pointer.x, pointer.y);
        machine.pointerOver(target && target.key === state.target.key ? target : null);
      }
      return;
    }
    machine.pointerOver(trigger === 'hover' || pointer.modifier ? hit(pointer.x, pointer.y) : null);
  };

  /** Pointer and scroll work happens at most once per frame, however fast events arrive. */
  const inNextFrame = (work: 'hover' | 'follow'): void => {
    frameWork.add(work);
    frame ??= window.requestAnimationFrame(() => {
      frame = null;
      if (endIfOrphaned()) return;
      const due = new Set(frameWork);
      frameWork.clear();
      if (due.has('follow')) cards.follow();
      if (due.has('hover')) hoverAt();
    });
  };

  const longPress = (): void => {
    if (press) {
      machine.openNow(press, 'touch');
      pressed = true;
    }
    press = null;
  };

  // Passive where the page's own handling goes on as usual; `active` where ours may prevent the default.
  const active = { capture: true, signal };
  const options = { ...active, passive: true };
  document.addEventListener(
    'pointerdown',
    (event) => {
      if (!event.isTrusted) return;
      touch = event.pointerType === 'touch' || window.matchMedia('(hover: none)').matches;
      pressed = false;
      window.clearTimeout(pressTimer);
      press = touch && lens.isRelevant && !overlay.owns(event.target) ? hit(event.clientX, event.clientY) : null;
      if (press) pressTimer = window.setTimeout(longPress, LONG_PRESS_MS);
    },
    options,
  );
  // A finger that lifts or starts scrolling is no long press.
  for (const type of ['pointerup', 'pointercancel']) document.addEventListener(type, () => window.clearTimeout(pressTimer), options);
  document.addEventListener(
    'contextmenu',
    (event) => {
      // The browser's menu for a long press may come before our own timer: the card opens now, in its place.
      if (!event.isTrusted || !(press || pressed)) return;
      event.preventDefault();
      window.clearTimeout(pressTimer);
      longPress();
    },
    active,
  );
  document.addEventListener(
    'pointermove',
    (event) => {
      // A finger moving on the page is scrolling, not hovering.
      if (!event.isTrusted || event.pointerType === 'touch' || !lens.isRelevant || overlay.owns(event.target)) return;
      pointer = { x: event.clientX, y: event.clientY, modifier: event.altKey };
      inNextFrame('hover');
    },
    options,
  );
  document.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted) return;
      // After a long press the page does not get the click (a mark in a link would follow the link).
      if (pressed) return event.preventDefault();
      if (overlay.owns(event.target) || !lens.isRelevant || !(touch || pageSwitch.display?.cardTrigger === 'click')) return;
      const target = hit(event.clientX, event.clientY);
      if (!touch) {
        if (target) machine.openNow(target, 'pointer');
      } else if (!target) machine.close();
      else if (!(event.target as Element).closest('a[href]')) machine.openNow(target, 'touch');
    },
    active,
  );
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.isTrusted && event.key === 'Escape' && machine.escape()) event.stopPropagation();
    },
    active,
  );
  document.addEventListener('focusin', (event) => cards.focusMovedTo(event.target), options);
  const follow = () => {
    if (cards.isShown) inNextFrame('follow');
  };
  window.addEventListener('scroll', follow, options);
  window.addEventListener('resize', follow, options);
  signal.addEventListener('abort', () => {
    window.clearTimeout(pressTimer);
    if (frame !== null) window.cancelAnimationFrame(frame);
  });
}
