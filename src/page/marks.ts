/** A mention found on the page, as the lens keeps it. */
export interface Mark {
  node: Text;
  start: number;
  end: number;
  entity: number;
  generic: boolean;
  /**
   * Made when the mark is painted, and let go when its paragraph leaves the painted area: most marks on a long
   * page are never shown (first mention per paragraph), and most shown ones are far from the viewport.
   */
  range: StaticRange | null;
  shown: boolean;
  /** The paragraph it was shown or held back in (first mention per paragraph); kept for when it goes away. */
  block: Element | null;
}

/** Is mark `a` before mark `b` in the page? */
export function comesBefore(a: Mark, b: Mark): boolean {
  return a.node === b.node ? a.start < b.start : (a.node.compareDocumentPosition(b.node) & 4) !== 0;
}

export function sortByPage(marks: Mark[]): Mark[] {
  return marks.sort((a, b) => (comesBefore(a, b) ? -1 : 1));
}
