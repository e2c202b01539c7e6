/**
 * What the reader does on the page, turned into hover-machine steps: pointer moves and clicks on marks, Escape,
 * focus moving on, and scrolls that the open card must follow. Events a page script makes up (isTrusted false)
 * are ignored: a page cannot open, move or close our cards.
 */
import type { OverlayContainer } from '../overlay/container';
import type { HoverMachine } from '../overlay/hover-machine';
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

  const options = { capture: true, passive: true, signal };
  document.addEventListener(
    'pointermove',
    (event) => {
      if (!event.isTrusted || !lens.isRelevant || overlay.owns(event.target)) return;
      pointer = { x: event.clientX, y: event.clientY, modifier: event.altKey };
      inNextFrame('hover');
    },
    options,
  );
  document.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted || pageSwitch.display?.cardTrigger !== 'click' || overlay.owns(event.target) || !lens.isRelevant) return;
      const target = hit(event.clientX, event.clientY);
      if (target) machine.openNow(target, 'pointer');
    },
    options,
  );
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.isTrusted && event.key === 'Escape' && machine.escape()) event.stopPropagation();
    },
    { capture: true, signal },
  );
  document.addEventListener('focusin', (event) => cards.focusMovedTo(event.target), options);
  const follow = () => {
    if (cards.isShown) inNextFrame('follow');
  };
  window.addEventListener('scroll', follow, options);
  window.addEventListener('resize', follow, options);
  signal.addEventListener('abort', () => frame !== null && window.cancelAnimationFrame(frame));
}
