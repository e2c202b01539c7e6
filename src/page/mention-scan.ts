/**
 * Finds mentions in a DOM subtree: text nodes → matcher → visible mentions. Used by the content script and by the
 * scan command for HTML files, so both see the same text the same way. It reads the DOM and never writes to it.
 */
import type { CompiledMatcher } from '../matcher/compile';
import { findMentions, type Mention } from '../matcher/find-mentions';
import { isRendered } from './text-nodes';

export interface NodeMentions {
  node: Text;
  /** The node's text when it was scanned: a later edit makes these offsets stale, and the node is scanned again. */
  data: string;
  mentions: Mention[];
}

/** Mentions in one text node, or null when it has none or is not rendered. */
export function scanTextNode(matcher: CompiledMatcher, node: Text, visibility: Map<Element, boolean>): NodeMentions | null {
  const data = node.data;
  const mentions = findMentions(matcher, data);
  if (mentions.length === 0) return null;
  const parent = node.parentElement;
  if (parent) {
    let visible = visibility.get(parent);
    if (visible === undefined) {
      visible = isRendered(parent);
      visibility.set(parent, visible);
    }
    if (!visible) return null;
  }
  return { node, data, mentions };
}
