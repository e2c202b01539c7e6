/**
 * The scan command's core, kept apart from the command so tests can check its contract directly.
 * Text files are matched as they are; HTML files are parsed and their visible text is read the way the content
 * script reads it. Offsets for HTML refer to the page's visible text: its text nodes joined in document order.
 */
import type { PackIndex } from '../knowledge/pack-index';
import type { AliasTable } from '../matcher/alias-table';
import type { CompiledMatcher } from '../matcher/compile';
import { findMentions, type Mention } from '../matcher/find-mentions';
import { addToTally, isRelevant, newTally } from '../matcher/relevance';
import { scanTextNodes } from '../page/mention-scan';
import { collectTextNodes, isRendered } from '../page/text-nodes';

export interface ScannedMention {
  start: number;
  end: number;
  text: string;
  id: string;
  name: string;
  kind: string;
}

export interface ScanResult {
  relevant: boolean;
  mentions: ScannedMention[];
}

export interface ScanContext {
  matcher: CompiledMatcher;
  table: AliasTable;
  index: PackIndex;
}

function report({ matcher, table, index }: ScanContext, text: string, mentions: Mention[]): ScanResult {
  const tally = newTally();
  addToTally(tally, matcher, mentions);
  if (!isRelevant(tally)) return { relevant: false, mentions: [] };
  return {
    relevant: true,
    mentions: mentions.map((m) => {
      const { id } = table.entities[m.entity]!;
      const entity = index.entity(id);
      const kind = entity?.kind === 'actor' ? entity.item.kind : (entity?.kind ?? 'unknown');
      return { start: m.start, end: m.end, text: text.slice(m.start, m.end), id, name: entity?.item.name ?? id, kind };
    }),
  };
}

/**
 * Elements that make happy-dom fetch, run or navigate when they join a document, and that hold no text we read
 * (their own text, if any, is in an excluded region).
 */
const LOADING_ELEMENTS = 'link, script, iframe, frame, object, embed, img, source, track, video, audio, base, meta';

/**
 * Parses a saved page without loading anything it points to. Parsed straight into a document, the page's elements
 * act as the parser meets them, and a `<link rel="preload">` with a relative address then fails outside the
 * parse (there is no page address to resolve it against), which ends the whole command. So the page is parsed
 * into an `<html>` element that belongs to no document, where elements are inert; the ones that load anything are
 * removed; then the tree joins the document, so that style sheets in the page decide what is hidden.
 */
function parseInert(window: import('happy-dom').Window, content: string): Element {
  const { document } = window;
  const root = document.createElement('html');
  // eslint-disable-next-line no-restricted-syntax -- Node only: a saved page parsed for reading, outside any document.
  root.innerHTML = content;
  for (const element of root.querySelectorAll(LOADING_ELEMENTS)) element.remove();
  document.documentElement.remove();
  document.appendChild(root);
  return (document.body ?? root) as unknown as Element;
}

export async function scanFile(context: ScanContext, content: string, type: 'text' | 'html'): Promise<ScanResult> {
  const { matcher } = context;
  if (type === 'text') return report(context, content, findMentions(matcher, content));
  const { Window } = await import('happy-dom');
  const window = new Window({
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true },
  });
  try {
    const nodes = collectTextNodes(parseInert(window, content));
    const offsets = new Map<Text, number>();
    let text = '';
    for (const node of nodes) {
      offsets.set(node, text.length);
      text += node.data;
    }
    const mentions: Mention[] = [];
    for (const found of scanTextNodes(matcher, nodes, new Map(), isRendered)) {
      const base = offsets.get(found.node)!;
      for (const m of found.mentions) mentions.push({ ...m, start: m.start + base, end: m.end + base });
    }
    return report(context, text, mentions);
  } finally {
    await window.happyDOM.abort();
    window.close();
  }
}
