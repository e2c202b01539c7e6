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
  /** Its paragraph, for painting near the viewport and for telling when its text moved to another paragraph. */
  block: Element | null;
  /**
   * The element it is the first mention in, or waits behind that mention in (a section, a paragraph, the article);
   * null when it is shown whatever else is there. Kept for when it goes away.
   */
  claim: Element | null;
}

/** Is mark `a` before mark `b` in the page? */
export function comesBefore(a: Mark, b: Mark): boolean {
  return a.node === b.node ? a.start < b.start : (a.node.compareDocumentPosition(b.node) & 4) !== 0;
}

export function sortByPage(marks: Mark[]): Mark[] {
  return marks.sort((a, b) => (comesBefore(a, b) ? -1 : 1));
}
