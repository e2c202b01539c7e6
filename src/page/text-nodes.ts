/**
 * Which text on a page is ours to read: visible prose, never code, forms, editable areas or our own UI.
 * Works on any DOM (the browser, happy-dom in the scan command and tests).
 */

/** Elements whose text is never marked. Forms and editable areas belong to the user; code is quoted verbatim. */
export const EXCLUDED_TAGS: ReadonlySet<string> = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'FORM', 'LABEL',
  'CODE', 'PRE', 'KBD', 'SAMP', 'IFRAME', 'OBJECT', 'SVG', 'MATH', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE',
]);

/** Our own UI's host element. Exported so the overlay and the scanner agree on it. */
export const OVERLAY_HOST_TAG = 'negotiation-lens-ui';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export function isExcludedElement(el: Element): boolean {
  if (EXCLUDED_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.localName === OVERLAY_HOST_TAG) return true;
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return false;
}

/** Is this node inside something we never mark? Checks ancestors: used for nodes that mutations bring in. */
export function isInExcludedRegion(node: Node): boolean {
  for (let el = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isExcludedElement(el)) return true;
  }
  return false;
}

/**
 * Text nodes under `root` in document order, skipping excluded subtrees and white-space-only nodes.
 * An explicit stack instead of a TreeWalker: no JavaScript filter call per node, and no recursion depth limit.
 */
export function collectTextNodes(root: Node, into: Text[] = []): Text[] {
  if (root.nodeType === TEXT_NODE) {
    if (!isBlank((root as Text).data)) into.push(root as Text);
    return into;
  }
  if (root.nodeType === ELEMENT_NODE && isExcludedElement(root as Element)) return into;
  const stack: Node[] = [];
  for (let child = root.lastChild; child; child = child.previousSibling) stack.push(child);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      if (!isBlank((node as Text).data)) into.push(node as Text);
    } else if (node.nodeType === ELEMENT_NODE && !isExcludedElement(node as Element)) {
      for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
    }
  }
  return into;
}

const NON_BLANK = /\S/;
const isBlank = (text: string) => !NON_BLANK.test(text);

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
  for (let el = node.parentElement; el; el = el.parentElement) if (BLOCK_TAGS.has(el.tagName.toUpperCase())) return el;
  return node.parentElement;
}
