/**
 * Finds mentions in text nodes: text → matcher → visible mentions. Used by the content script and by the scan
 * command for HTML files, so both see the same text the same way. It reads the DOM and never writes to it.
 *
 * Nodes are matched in batches: their texts are joined with a separator that no alias can cross (U+0000 is
 * neither a letter nor white space), and one regular-expression pass runs over the batch. One pass over a long
 * string costs far less than a pass per node, and most news text nodes are short.
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

const SEPARATOR = '\u0000';

/** Is this element rendered? The browser asks `checkVisibility`; Node tools use `isRendered` from text-nodes.ts. */
export type RenderedCheck = (el: Element) => boolean;

/** Mentions in each of `nodes` that has any and is rendered, in order. */
export function scanTextNodes(matcher: CompiledMatcher, nodes: readonly Text[], visibility: Map<Element, boolean>, isRendered: RenderedCheck): NodeMentions[] {
  const data = nodes.map((node) => node.data);
  const starts: number[] = [];
  let offset = 0;
  for (const text of data) {
    starts.push(offset);
    offset += text.length + SEPARATOR.length;
  }
  const found: NodeMentions[] = [];
  let current: NodeMentions | null = null;
  let i = 0;
  for (const m of findMentions(matcher, data.join(SEPARATOR))) {
    while (i + 1 < starts.length && starts[i + 1]! <= m.start) i++;
    if (current === null || current.node !== nodes[i]) {
      current = { node: nodes[i]!, data: data[i]!, mentions: [] };
      found.push(current);
    }
    const base = starts[i]!;
    current.mentions.push({ start: m.start - base, end: m.end - base, entity: m.entity, generic: m.generic });
  }
  return found.filter(({ node }) => {
    const parent = node.parentElement;
    if (!parent) return true;
    let visible = visibility.get(parent);
    if (visible === undefined) {
      visible = isRendered(parent);
      visibility.set(parent, visible);
    }
    return visible;
  });
}

/** Mentions in one text node, or null when it has none or is not rendered. */
export function scanTextNode(matcher: CompiledMatcher, node: Text, visibility: Map<Element, boolean>, isRendered: RenderedCheck): NodeMentions | null {
  return scanTextNodes(matcher, [node], visibility, isRendered)[0] ?? null;
}
