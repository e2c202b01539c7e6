/**
 * Compiles an alias table into a matcher: the aliases' lookup keys, sorted, plus an index of where each first
 * character's keys begin. This runs once per page load and costs little even for a large pack: no regular
 * expression is built, so there is nothing for the browser to compile on the first match (with a large pack,
 * compiling one big expression was the slowest part of marking a short article; see docs/performance.md).
 */
import type { MatcherTable, TableAlias } from './alias-table';
import { aliasKey, canonicalSpelling } from './normalize';

export interface CompiledMatcher {
  /** Every alias key (canonical spelling, lower case), sorted. */
  readonly keys: readonly string[];
  /**
   * For each pair of first two characters (code × 65536 + code), the range [start, end) of `keys` that begin with
   * it: most words of a page are turned away by this one look-up.
   */
  readonly firstTwo: ReadonlyMap<number, readonly [number, number]>;
  readonly byKey: ReadonlyMap<string, readonly TableAlias[]>;
  readonly entities: MatcherTable['entities'];
  /** Memo of matched text (as written) → the alias it resolves to, or null if case rules reject it. */
  readonly resolved: Map<string, TableAlias | null>;
}

export function compileMatcher(table: MatcherTable): CompiledMatcher {
  const byKey = new Map<string, TableAlias[]>();
  for (const alias of table.aliases) {
    const key = aliasKey(alias.text);
    if (key.length === 0) continue;
    const list = byKey.get(key);
    if (list) list.push(alias);
    else byKey.set(key, [alias]);
  }
  // Sorted by UTF-16 code units, which is what the matcher compares: keys sharing a prefix are neighbours, and a
  // key comes before its own extensions.
  const keys = [...byKey.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const firstTwo = new Map<number, [number, number]>();
  keys.forEach((key, i) => {
    // Keys have two characters at least (the pack checker requires it).
    const pair = key.charCodeAt(0) * 0x10000 + key.charCodeAt(1);
    const range = firstTwo.get(pair);
    if (range) range[1] = i + 1;
    else firstTwo.set(pair, [i, i + 1]);
  });
  return { keys, firstTwo, byKey, entities: table.entities, resolved: new Map() };
}

/** Does the text as found on the page satisfy the alias's case rule? */
export function caseRuleAllows(alias: TableAlias, found: string): boolean {
  if (alias.case === 'any' || found === alias.text) return true;
  const seen = canonicalSpelling(found);
  const wanted = canonicalSpelling(alias.text);
  if (seen === wanted) return true;
  if (alias.case === 'exact') return false;
  // `proper`: ALL-CAPS kickers and headlines ("ZELENSKY SAYS") still name the person.
  return seen === seen.toUpperCase() && seen !== seen.toLowerCase() && seen.toLowerCase() === wanted.toLowerCase();
}
