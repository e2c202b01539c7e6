/**
 * Which mark is under the pointer: the caret position at the point finds the text node and offset, then the
 * mark's own client rectangles must contain the point, so a pointer in blank space beside a line opens nothing.
 */
import type { Mark, PageLens } from './page-lens';

// caretPositionFromPoint: Chromium 128+, Firefox 20+, Safari 18.2+ (all older than our Custom Highlight API needs).
type CaretDocument = Document & {
  caretPositionFromPoint(x: number, y: number): { offsetNode: Node; offset: number } | null;
};

/** Rectangles are rounded by layout; a pixel of slack keeps the edge of a glyph inside its mark. */
const EDGE_SLACK_PX = 1;

export function markFromPoint(document: Document, lens: PageLens, x: number, y: number): Mark | null {
  const position = (document as CaretDocument).caretPositionFromPoint(x, y);
  if (!position || position.offsetNode.nodeType !== 3) return null;
  const mark = lens.markAt(position.offsetNode, position.offset);
  if (!mark) return null;
  return rectsOf(document, mark).some((r) => x >= r.left - EDGE_SLACK_PX && x <= r.right + EDGE_SLACK_PX && y >= r.top - EDGE_SLACK_PX && y <= r.bottom + EDGE_SLACK_PX)
    ? mark
    : null;
}

export function rectsOf(document: Document, mark: Mark): DOMRect[] {
  const range = document.createRange();
  range.setStart(mark.node, Math.min(mark.start, mark.node.length));
  range.setEnd(mark.node, Math.min(mark.end, mark.node.length));
  return [...range.getClientRects()];
}

/** Scrolls the page so the mark is in view (no DOM change: only the scroll position). */
export function scrollMarkIntoView(document: Document, mark: Mark): void {
  const view = document.defaultView;
  const rect = rectsOf(document, mark)[0];
  if (!view || !rect) return;
  if (rect.top >= 0 && rect.bottom <= view.innerHeight) return;
  view.scrollBy({ top: rect.top - view.innerHeight / 3, behavior: 'instant' });
}
