/**
 * Finds mentions in text nodes: text → matcher → visible mentions. Used by the content script and by the scan
 * command for HTML files, so both see the same text the same way. It reads the DOM and never writes to it.
 *
 * Nodes are matched in batches: their texts are joined with a separator that no alias can cross, and one
 * regular-expression pass runs over the batch. One pass over a long string costs far less than a pass per node,
 * and most news text nodes are short.
 *
 * The separator, U+E000, is the first private-use character: neither a letter nor white space, so no alias
 * matches across it (icon fonts put such characters in text; they only end words). It also makes every batch a
 * two-byte string. V8 compiles an expression separately for one-byte (Latin-1) and two-byte strings; the matcher
 * compiles the two-byte form ahead of time (compile.ts), and with the separator no batch ever needs the other
 * one. With a large pack that second compile was slow, and it fell inside the first slice of the scan
 * (docs/decisions.md, 5).
 */
import type { CompiledMatcher } from '../matcher/compile';
import { findMentions, type Mention } from '../matcher/find-mentions';

export interface NodeMentions {
  node: Text;
  /** The node's text when it was scanned: a later edit makes these offsets stale, and the node is scanned again. */
  data: string;
  /** Offsets into `data`. */
  mentions: Mention[];
}

// Written as a char code: a minifier would put the character itself into the bundle, and Chromium refuses to load
// a content script with a noncharacter such as U+FFFF in it (it does not count as UTF-8 there).
const SEPARATOR = String.fromCharCode(0xe000);

/** Is this element rendered? The browser asks `checkVisibility`; Node tools use `isRendered` from text-nodes.ts. */
export type RenderedCheck = (el: Element) => boolean;

/**
 * Mentions in each of `nodes` that has any and is rendered, in order. The parents of nodes that have mentions but
 * are not rendered go into `hidden`, if given.
 */
export function scanTextNodes(matcher: CompiledMatcher, nodes: readonly Text[], visibility: Map<Element, boolean>, isRendered: RenderedCheck, hidden?: Set<Element>): NodeMentions[] {
  const data = nodes.map((node) => node.data);
  const found: NodeMentions[] = [];
  let current: NodeMentions | null = null;
  // data[i] starts at `base` in the joined text; no mention crosses a separator.
  let i = 0;
  let base = 0;
  // Ends with the separator too, so that a batch of one node is also a two-byte string.
  for (const m of findMentions(matcher, data.join(SEPARATOR) + SEPARATOR)) {
    while (i + 1 < data.length && base + data[i]!.length + SEPARATOR.length <= m.start) {
      base += data[i]!.length + SEPARATOR.length;
      i++;
    }
    if (current === null || current.node !== nodes[i]) {
      current = { node: nodes[i]!, data: data[i]!, mentions: [] };
      found.push(current);
    }
    m.start -= base;
    m.end -= base;
    current.mentions.push(m);
  }
  return found.filter(({ node }) => {
    const parent = node.parentElement;
    if (!parent) return true;
    let visible = visibility.get(parent);
    if (visible === undefined) {
      visible = isRendered(parent);
      visibility.set(parent, visible);
    }
    if (!visible) hidden?.add(parent);
    return visible;
  });
}

/** Mentions in one text node, or null when it has none or is not rendered. */
export function scanTextNode(matcher: CompiledMatcher, node: Text, visibility: Map<Element, boolean>, isRendered: RenderedCheck): NodeMentions | null {
  return scanTextNodes(matcher, [node], visibility, isRendered)[0] ?? null;
}
