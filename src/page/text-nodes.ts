/**
 * Which text on a page is ours to read: visible prose, never code, forms, editable areas or our own UI.
 * Works on any DOM (the browser, happy-dom in the scan command and tests).
 */

import { OVERLAY_HOST_ATTRIBUTE } from '../overlay/host-attribute';

/**
 * Elements whose text is never marked, by `tagName` (upper case for HTML, as written for SVG and MathML).
 * Forms and editable areas belong to the user; code is quoted verbatim.
 */
export const EXCLUDED_TAGS: ReadonlySet<string> = withLowerCase([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'FORM', 'LABEL',
  'CODE', 'PRE', 'KBD', 'SAMP', 'IFRAME', 'OBJECT', 'SVG', 'MATH', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE',
]);

/**
 * Tag names as `tagName` gives them: upper case for HTML elements in HTML documents, as written (lower case) in
 * XHTML documents and for SVG and MathML. One set lookup, whatever the document.
 */
function withLowerCase(tags: readonly string[]): ReadonlySet<string> {
  return new Set([...tags, ...tags.map((tag) => tag.toLowerCase())]);
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const SHOW_TEXT = 4;
/** Node.compareDocumentPosition bits: the other node follows; the other node contains this one. */
const FOLLOWING = 4;
const CONTAINS = 8;

/** The same elements as `isExcludedElement`, as a selector: one native query finds a page's excluded regions. */
export const EXCLUDED_SELECTOR = [
  ...new Set([...EXCLUDED_TAGS].map((tag) => tag.toLowerCase())),
  '[hidden]',
  '[contenteditable]:not([contenteditable="false"])',
  `[${OVERLAY_HOST_ATTRIBUTE}]`,
].join(',');

export function isExcludedElement(el: Element): boolean {
  if (EXCLUDED_TAGS.has(el.tagName)) return true;
  if (el.hasAttribute('hidden') || el.hasAttribute(OVERLAY_HOST_ATTRIBUTE)) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** Is this node inside something we never mark? Checks ancestors: used for nodes that mutations bring in. */
export function isInExcludedRegion(node: Node): boolean {
  for (let el = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isExcludedElement(el)) return true;
  }
  return false;
}

const NON_BLANK = /\S/;
/** Times a scan starts again from the root because the page moved the node it stood on (see `resume`). */
export const MAX_RESTARTS = 3;

/**
 * Walks the text nodes under a root in document order, one at a time, so a scan can stop between any two nodes
 * and give the page its thread back. White-space-only nodes are included: reading a node's text from a content
 * script costs more than matching it, so the text is read once, by the matcher.
 *
 * Excluded regions are skipped without asking anything of the text nodes themselves: a content script pays for
 * every DOM object it touches, and most pages have a few dozen excluded regions against thousands of text nodes.
 * One query finds the regions (in document order); the cursor knows the first text node at or after the next
 * region, compares each node it meets with it, and jumps past the region when it gets there.
 */
export class TextNodeCursor {
  readonly #walker: TreeWalker | null;
  /** Finds region boundaries without moving the walker; made when a region needs it. */
  #probe: TreeWalker | null = null;
  #single: Text | null;
  /** Excluded regions ahead of the walker, outermost only, in document order. */
  #regions: Element[] = [];
  #regionIndex = 0;
  /** The first text node at or after regions[regionIndex]; null when there is none or no region is left. */
  #boundary: Text | null = null;
  /** True while every node given was given once, in page order: until a restart, or the page removes a node. */
  #once = true;
  /** The page changed since the regions were found: find them again before the next node. */
  #stale = false;
  /** The page removed or moved the node the walker stands on: start again from the root when resumed. */
  #lost = false;
  #restarts = 0;
  /** Past MAX_RESTARTS on a page that keeps moving what we read, the walk ends early. */
  #ended = false;
  /**
   * True when the walk may have missed text: it ended early, or went on from a moved node's new place. The caller
   * scans the page again once it is quiet.
   */
  incomplete = false;

  constructor(root: Node) {
    const doc = root.ownerDocument ?? (root as Document);
    if (root.nodeType === TEXT_NODE) {
      this.#walker = null;
      this.#single = root as Text;
    } else if (root.nodeType === ELEMENT_NODE && isExcludedElement(root as Element)) {
      // The root itself is excluded (a <pre> appended by the page): it has nothing for us.
      this.#walker = null;
      this.#single = null;
    } else {
      this.#walker = doc.createTreeWalker(root, SHOW_TEXT);
      this.#single = null;
      this.#findRegions();
    }
  }

  /** No node was given twice so far: a caller may skip checking whether it saw a node before. */
  get givesEachNodeOnce(): boolean {
    return this.#once;
  }

  /** The next text node outside excluded regions. */
  next(): Text | null {
    if (this.#single) {
      const node = this.#single;
      this.#single = null;
      return node;
    }
    const walker = this.#walker;
    if (!walker || this.#ended) return null;
    if (this.#stale) this.#findRegions();
    let node = walker.nextNode() as Text | null;
    while (node !== null && node === this.#boundary) {
      const region = this.#regions[this.#regionIndex]!;
      if (region.contains(node)) {
        this.#skip(region);
        node = walker.nextNode() as Text | null;
      }
      // A region without text of its own (an <input>, an icon) has the node after it as its boundary.
      this.#nextRegion();
    }
    return node;
  }

  /**
   * Called after the scan gave the page its thread back. If the page removed the subtree the walker stood in
   * (a framework re-render), the walker would only finish that detached subtree: start again from the root.
   * Nodes scanned before are skipped by the caller.
   */
  resume(): boolean {
    const walker = this.#walker;
    if (!walker || walker.currentNode === walker.root) return false;
    const detached = !walker.currentNode.isConnected;
    if (!detached && !this.#lost) return false;
    this.#lost = false;
    if (this.#restarts++ >= MAX_RESTARTS) {
      // A page that moves or re-renders what we read at every pause (a live ticker) would keep us starting over.
      this.incomplete = true;
      this.#ended = detached;
      return false;
    }
    // Moved elsewhere in the page, the walker would go on from its new place: skipping what lay between, or
    // giving nodes a second time. From the root, with the caller checking each node, neither happens.
    walker.currentNode = walker.root;
    this.#once = false;
    this.#findRegions();
    return true;
  }

  /**
   * The page changed attributes or moved nodes: the regions found so far may be wrong now. They are found again
   * when the cursor moves on, once however many changes came in while the scan was paused.
   */
  forget(): void {
    if (this.#walker) this.#stale = true;
  }

  /**
   * The page took `node` out, perhaps to put it back elsewhere, even ahead of us: a node may come twice now. Does
   * that take the walker's place with it?
   */
  removed(node: Node): void {
    const walker = this.#walker;
    if (!walker) return;
    this.#once = false;
    if (!this.#lost && walker.currentNode !== walker.root && node.contains(walker.currentNode)) this.#lost = true;
  }

  /** Moves the walker to the last node inside `region`, so that its next node is the first one after it. */
  #skip(region: Element): void {
    let last: Node = region;
    while (last.lastChild) last = last.lastChild;
    this.#walker!.currentNode = last;
  }

  #findRegions(): void {
    const walker = this.#walker!;
    const root = walker.root as Element | Document;
    this.#regions = [];
    const at = walker.currentNode;
    this.#stale = false;
    // The last outermost region met, kept or left: regions inside it go with it.
    let outer: Element | null = null;
    for (const region of root.querySelectorAll(EXCLUDED_SELECTOR)) {
      if (outer && outer.contains(region)) continue;
      if (at !== root) {
        const position = at.compareDocumentPosition(region);
        // The walker stands inside this region (it became one while we were away): leave it now.
        if (position & CONTAINS) {
          this.#skip(region);
          outer = region;
          continue;
        }
        if (!(position & FOLLOWING)) continue;
      }
      this.#regions.push(region);
      outer = region;
    }
    this.#regionIndex = 0;
    this.#locateBoundary();
  }

  #nextRegion(): void {
    this.#regionIndex++;
    this.#locateBoundary();
  }

  #locateBoundary(): void {
    const region = this.#regions[this.#regionIndex];
    if (!region) {
      this.#boundary = null;
      return;
    }
    const walker = this.#walker!;
    this.#probe ??= (walker.root.ownerDocument ?? (walker.root as Document)).createTreeWalker(walker.root, SHOW_TEXT);
    this.#probe.currentNode = region;
    this.#boundary = this.#probe.nextNode() as Text | null;
  }
}

/** Text nodes under `root` in document order, skipping excluded regions and white-space-only nodes. */
export function collectTextNodes(root: Node, into: Text[] = []): Text[] {
  const cursor = new TextNodeCursor(root);
  for (let node = cursor.next(); node; node = cursor.next()) if (NON_BLANK.test(node.data)) into.push(node);
  return into;
}

/**
 * Is this element rendered? Style checks are costly, so callers ask only for elements whose text has a mention.
 * `checkVisibility` covers hidden ancestors; DOMs without it (happy-dom) get a walk over inline styles.
 */
export function isRendered(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: (options?: object) => boolean }).checkVisibility;
  if (typeof check === 'function') {
    // An element with display: contents has no box, so checkVisibility says false, though its content shows.
    for (let node: Element | null = el; node; node = node.parentElement) {
      if (check.call(node, { visibilityProperty: true })) return true;
      if (node.ownerDocument.defaultView?.getComputedStyle(node).display !== 'contents') return false;
    }
    return false;
  }
  for (let node: Element | null = el; node; node = node.parentElement) {
    const style = (node as HTMLElement).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return true;
}

const BLOCK_TAGS: ReadonlySet<string> = withLowerCase([
  'P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'TD', 'TH', 'DD', 'DT', 'FIGCAPTION', 'CAPTION',
  'SECTION', 'ARTICLE', 'ASIDE', 'HEADER', 'FOOTER', 'MAIN', 'NAV', 'DIV', 'BODY',
]);

/**
 * The paragraph-like element a text node belongs to: "first mention per paragraph" counts within it. `cache`
 * remembers the answer per parent element, for callers that ask about many nodes while the page holds still.
 */
export function blockOf(node: Text, cache?: Map<Element, Element | null>): Element | null {
  const parent = node.parentElement;
  if (!parent) return null;
  let block = cache?.get(parent);
  if (block === undefined) {
    block = parent;
    for (let el: Element | null = parent; el; el = el.parentElement) {
      if (BLOCK_TAGS.has(el.tagName)) {
        block = el;
        break;
      }
    }
    cache?.set(parent, block);
  }
  return block;
}
