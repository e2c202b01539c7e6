/**
 * Watching hidden text: an element skipped because it is not rendered, although its text has mentions (a "read
 * more" section, a closed <details>), is watched with the lens's viewport observer, and scanned once the observer
 * sees it shown. The lens keeps the set of watched elements; these functions are the rules for it.
 */
import type { RenderedCheck } from './mention-scan';

/** Hidden elements whose text had mentions, watched until they are shown. */
export const MAX_WATCHED_HIDDEN = 1000;

/** Whether more elements can be watched: there is an observer, and the cap is not reached. */
export function canWatchMore(watched: ReadonlySet<Element>, viewport: IntersectionObserver | null): boolean {
  return viewport !== null && watched.size < MAX_WATCHED_HIDDEN;
}

export function watchHidden(watched: Set<Element>, viewport: IntersectionObserver, elements: Iterable<Element>): void {
  for (const el of elements) {
    if (watched.size >= MAX_WATCHED_HIDDEN) return;
    if (watched.has(el)) continue;
    watched.add(el);
    viewport.observe(el);
  }
}

/**
 * The viewport observer's report on an element: true if it is a watched one that is shown at last (a class
 * change, an opened <details>), which is then no longer watched.
 */
export function shownAtLast(watched: Set<Element>, viewport: IntersectionObserver | null, isRendered: RenderedCheck, entry: IntersectionObserverEntry): boolean {
  const el = entry.target;
  if (!watched.has(el) || !entry.isIntersecting || !el.isConnected || !isRendered(el)) return false;
  watched.delete(el);
  viewport?.unobserve(el);
  return true;
}

/** Stops watching elements the page took away (or all of them). */
export function unwatch(watched: Set<Element>, viewport: IntersectionObserver | null, all: boolean): void {
  for (const el of watched)
    if (all || !el.isConnected) {
      watched.delete(el);
      viewport?.unobserve(el);
    }
}
