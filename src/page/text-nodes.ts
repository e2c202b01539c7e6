/**
 * Which text on a page is ours to read: visible prose, never code, forms, editable areas or our own UI.
 * Works on any DOM (the browser, happy-dom in the scan command and tests).
 */

/** Our own UI's host element. Exported so the overlay and the scanner agree on it. */
export const OVERLAY_HOST_TAG = 'negotiation-lens-ui';

/**
 * Elements whose text is never marked, by `tagName` (upper case for HTML, as written for SVG and MathML).
 * Forms and editable areas belong to the user; code is quoted verbatim.
 */
export const EXCLUDED_TAGS: ReadonlySet<string> = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'FORM', 'LABEL',
  'CODE', 'PRE', 'KBD', 'SAMP', 'IFRAME', 'OBJECT', 'SVG', 'svg', 'MATH', 'math', 'CANVAS', 'VIDEO', 'AUDIO',
  'HEAD', 'TITLE', OVERLAY_HOST_TAG.toUpperCase(),
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const SHOW_TEXT = 4;

export function isExcludedElement(el: Element): boolean {
  if (EXCLUDED_TAGS.has(el.tagName)) return true;
  if (el.hasAttribute('hidden')) return true;
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

/**
 * Walks the text nodes under a root in document order, one at a time, so a scan can stop between any two nodes
 * and give the page its thread back. A native TreeWalker finds the text nodes; whether a node's parent is inside
 * an excluded region is remembered per parent element, since most text nodes share their parent with others.
 */
export class TextNodeCursor {
  private readonly walker: TreeWalker | null;
  private readonly excluded = new Map<Element, boolean>();
  private single: Text | null;
  private lastParent: Element | null = null;
  private lastExcluded = false;

  constructor(root: Node) {
    const doc = root.ownerDocument ?? (root as Document);
    if (root.nodeType === TEXT_NODE) {
      this.walker = null;
      this.single = root as Text;
    } else {
      this.walker = doc.createTreeWalker(root, SHOW_TEXT);
      this.single = null;
      // The root itself may be excluded (a <pre> appended by the page): then it has nothing for us.
      if (root.nodeType === ELEMENT_NODE && isExcludedElement(root as Element)) this.excluded.set(root as Element, true);
    }
  }

  /**
   * The next text node outside excluded regions. White-space-only nodes are included: reading a node's text
   * from a content script costs more than matching it, so the text is read once, by the matcher.
   */
  next(): Text | null {
    if (this.single) {
      const node = this.single;
      this.single = null;
      return node;
    }
    if (!this.walker) return null;
    for (let node = this.walker.nextNode() as Text | null; node; node = this.walker.nextNode() as Text | null) {
      const parent = node.parentElement;
      // Siblings share a parent: remember the last answer before asking the map.
      if (parent !== this.lastParent) {
        this.lastParent = parent;
        this.lastExcluded = parent !== null && this.isExcluded(parent);
      }
      if (!this.lastExcluded) return node;
    }
    return null;
  }

  /**
   * Called after the scan gave the page its thread back. If the page removed the subtree the walker stood in
   * (a framework re-render), the walker would only finish that detached subtree: start again from the root.
   * Nodes scanned before are skipped by the caller.
   */
  resume(): void {
    const walker = this.walker;
    if (walker && walker.currentNode !== walker.root && !walker.currentNode.isConnected) {
      walker.currentNode = walker.root;
      this.forget();
    }
  }

  /** The page changed attributes or moved nodes: answers remembered so far may be wrong now. */
  forget(): void {
    this.excluded.clear();
    this.lastParent = null;
    const root = this.walker?.root;
    if (root && root.nodeType === ELEMENT_NODE && isExcludedElement(root as Element)) this.excluded.set(root as Element, true);
  }

  private isExcluded(el: Element): boolean {
    const known = this.excluded.get(el);
    if (known !== undefined) return known;
    const root = this.walker!.root;
    const parent = el.parentElement;
    const result = isExcludedElement(el) || (el !== root && parent !== null && this.isExcluded(parent));
    this.excluded.set(el, result);
    return result;
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
  if (typeof check === 'function') return check.call(el, { visibilityProperty: true });
  for (let node: Element | null = el; node; node = node.parentElement) {
    const style = (node as HTMLElement).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return true;
}

const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'TD', 'TH', 'DD', 'DT', 'FIGCAPTION', 'CAPTION',
  'SECTION', 'ARTICLE', 'ASIDE', 'HEADER', 'FOOTER', 'MAIN', 'NAV', 'DIV', 'BODY',
]);

/** The paragraph-like element a text node belongs to: "first mention per paragraph" counts within it. */
export function blockOf(node: Text): Element | null {
  for (let el = node.parentElement; el; el = el.parentElement) if (BLOCK_TAGS.has(el.tagName)) return el;
  return node.parentElement;
}
