/**
 * Painting near the viewport: a shown mark's range is registered with the highlighter only while its paragraph is
 * within PAINT_MARGIN_SCREENS of the viewport (docs/decisions.md, 8). The lens's IntersectionObserver reports
 * paragraphs coming and going; without one (Node tools, tests) every shown mark is painted.
 */
import type { Highlighter } from './highlighter';
import type { RenderedCheck } from './mention-scan';
import type { Mark } from './marks';

/**
 * Marks are painted (their ranges registered) only in paragraphs within this many screen heights of the viewport,
 * above and below: the browser re-checks every registered range whenever the page's DOM changes, and the ranges
 * of a few screens cost almost nothing (docs/decisions.md, 8). Scrolling up to two screens at once still finds
 * the next marks painted.
 */
export const PAINT_MARGIN_SCREENS = 2;

export interface PainterDeps {
  highlighter: Highlighter;
  makeRange: (node: Text, start: number, end: number) => StaticRange;
  isRendered: RenderedCheck;
}

export class ViewportPainter {
  /** Shown marks by paragraph, and the paragraphs near the viewport, whose marks are painted. */
  #shownIn = new Map<Element, Set<Mark>>();
  #near = new WeakSet<Element>();
  /** During the first scan: paragraphs are checked for nearness at once, until one lies below the painted area. */
  #checkNearNow = false;

  readonly #deps: PainterDeps;
  /** The lens's viewport observer while it runs with one; null otherwise. */
  readonly #viewport: () => IntersectionObserver | null;

  constructor(deps: PainterDeps, viewport: () => IntersectionObserver | null) {
    this.#deps = deps;
    this.#viewport = viewport;
  }

  /** The viewport observer reports a frame later: during a first scan, what is on screen is painted at once. */
  set checkNearNow(on: boolean) {
    this.#checkNearNow = on;
  }

  /** A shown mark is painted when its paragraph is near the viewport, or always where nothing tells us. */
  paintIfNear(mark: Mark): void {
    const block = mark.block;
    const viewport = this.#viewport();
    if (!viewport || !block) return this.#draw(mark);
    let marks = this.#shownIn.get(block);
    if (!marks) {
      this.#shownIn.set(block, (marks = new Set()));
      viewport.observe(block);
      if (this.#checkNearNow) {
        // One layout read per paragraph, while the page is still settling from its load; then only until the
        // first paragraph below the painted area.
        const where = placeOf(block);
        if (where === 'near') this.#near.add(block);
        // Paragraphs come in page order: past the first one below the painted area, the observer decides.
        else if (where === 'below') this.#checkNearNow = false;
      }
    }
    marks.add(mark);
    if (this.#near.has(block)) this.#draw(mark);
  }

  #draw(mark: Mark): void {
    mark.range ??= this.#deps.makeRange(mark.node, mark.start, mark.end);
    this.#deps.highlighter.add(mark.range);
  }

  /** The mark is no longer shown (dropped, or decided again): unpaint it and forget it in its paragraph. */
  unpaint(mark: Mark): void {
    if (mark.range) this.#deps.highlighter.delete(mark.range);
    const block = mark.block;
    const marks = block ? this.#shownIn.get(block) : undefined;
    if (!marks) return;
    marks.delete(mark);
    // The paragraph stays "near" until the observer says otherwise: marks shown there again are painted at once.
    if (marks.size === 0) {
      this.#shownIn.delete(block!);
      this.#viewport()?.unobserve(block!);
    }
  }

  /** The viewport observer's report on one paragraph. */
  seen(entry: IntersectionObserverEntry): void {
    const block = entry.target;
    const marks = this.#shownIn.get(block);
    if (!marks) return;
    if (entry.isIntersecting || this.#isBoxlessButShown(entry, marks)) {
      if (this.#near.has(block)) return;
      this.#near.add(block);
      for (const mark of marks) this.#draw(mark);
    } else if (this.#near.delete(block)) {
      // Far away now: let go of the ranges too; they are made again when the paragraph comes back.
      for (const mark of marks) {
        if (mark.range) this.#deps.highlighter.delete(mark.range, true);
        mark.range = null;
      }
    }
  }

  /**
   * A paragraph element with `display: contents` has no box of its own, so the observer never sees it intersect,
   * although its text is on the page. Its marks are painted wherever it is (such wrappers are rare). A hidden
   * paragraph has no box either, but then its text is not rendered.
   */
  #isBoxlessButShown(entry: IntersectionObserverEntry, marks: Set<Mark>): boolean {
    const box = entry.boundingClientRect;
    if (box.width !== 0 || box.height !== 0) return false;
    for (const mark of marks) {
      const parent = mark.node.parentElement;
      return parent !== null && parent.isConnected && this.#deps.isRendered(parent);
    }
    return false;
  }

  /** The mark's range, made now if its paragraph was never painted (the keyboard route to a far mark). */
  rangeOf(mark: Mark): StaticRange {
    return (mark.range ??= this.#deps.makeRange(mark.node, mark.start, mark.end));
  }

  /** Forgets every paragraph (the highlighter is cleared by the lens). */
  forgetParagraphs(): void {
    const viewport = this.#viewport();
    for (const block of this.#shownIn.keys()) viewport?.unobserve(block);
    this.#shownIn.clear();
    this.#near = new WeakSet();
  }
}

/** Where an element is against the painted area: the viewport and PAINT_MARGIN_SCREENS above and below it. */
function placeOf(el: Element): 'above' | 'near' | 'below' {
  const height = el.ownerDocument.defaultView?.innerHeight ?? 0;
  const rect = el.getBoundingClientRect();
  if (rect.top > height * (1 + PAINT_MARGIN_SCREENS)) return 'below';
  if (rect.bottom < -height * PAINT_MARGIN_SCREENS) return 'above';
  return 'near';
}
