/**
 * Compiles an alias table into one regular expression and a lookup map. This runs once per page load; the
 * expression is built from a trie of the aliases, so a large pack adds branches, not scan work per character.
 */
import type { MatcherTable, TableAlias } from './alias-table';
import { aliasKey, canonicalSpelling } from './normalize';

export interface CompiledMatcher {
  readonly regex: RegExp;
  readonly byKey: ReadonlyMap<string, readonly TableAlias[]>;
  readonly entities: MatcherTable['entities'];
}

interface TrieNode {
  children: Map<string, TrieNode>;
  terminal: boolean;
}

/** What one character of an alias matches in page text. */
function charPattern(ch: string): string {
  if (ch === ' ') return '\\s+';
  if (ch === "'") return "['\\u2018\\u2019\\u02BC]";
  if (ch === '-') return '[-\\u2010\\u2011]';
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function trieToPattern(node: TrieNode): string {
  const branches: string[] = [];
  for (const [ch, child] of node.children) branches.push(charPattern(ch) + trieToPattern(child));
  if (branches.length === 0) return '';
  const alternation = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
  // A terminal node with children: try the longer aliases first (greedy), then stop here.
  return node.terminal ? `(?:${alternation})?` : alternation;
}

export function compileMatcher(table: MatcherTable): CompiledMatcher {
  const root: TrieNode = { children: new Map(), terminal: false };
  const byKey = new Map<string, TableAlias[]>();
  for (const alias of table.aliases) {
    const key = aliasKey(alias.text);
    if (key.length === 0) continue;
    const list = byKey.get(key);
    if (list) list.push(alias);
    else byKey.set(key, [alias]);
    let node = root;
    for (const ch of key) {
      let next = node.children.get(ch);
      if (!next) {
        next = { children: new Map(), terminal: false };
        node.children.set(ch, next);
      }
      node = next;
    }
    node.terminal = true;
  }
  const body = trieToPattern(root) || '(?!)';
  // Whole words only: no letter, digit or underscore on either side.
  const regex = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${body})(?![\\p{L}\\p{N}_])`, 'giu');
  return { regex, byKey, entities: table.entities };
}

/** Does the text as found on the page satisfy the alias's case rule? */
export function caseRuleAllows(alias: TableAlias, found: string): boolean {
  if (alias.case === 'any') return true;
  const seen = canonicalSpelling(found);
  const wanted = canonicalSpelling(alias.text);
  if (seen === wanted) return true;
  if (alias.case === 'exact') return false;
  // `proper`: ALL-CAPS kickers and headlines ("ZELENSKY SAYS") still name the person.
  return seen === seen.toUpperCase() && seen !== seen.toLowerCase() && seen.toLowerCase() === wanted.toLowerCase();
}
