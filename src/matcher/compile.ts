/**
 * Compiles an alias table into one regular expression and a lookup map. This runs once per page load.
 *
 * Speed notes (measured by `npm run bench`):
 * - The expression is built from a trie of the aliases (shared prefixes are written once), built from the sorted
 *   keys without intermediate objects.
 * - It matches lower-cased text with the `gu` flags rather than `giu`: case-insensitive Unicode matching makes V8
 *   compile and run a much larger program. Case rules are checked afterwards on the text as written.
 */
import type { MatcherTable, TableAlias } from './alias-table';
import { APOSTROPHE_VARIANTS, CYRILLIC_E, CYRILLIC_YO, HYPHEN_VARIANTS } from './characters';
import { aliasKey, canonicalSpelling } from './normalize';

/** One of the expressions a matcher's names are split into (see KEYS_PER_EXPRESSION). */
export interface MatcherPart {
  /**
   * Matches lower-cased text. Compiled on first use: a Latin part when the matcher is (most pages are in a Latin
   * script), a Cyrillic one on the first text with a Cyrillic letter, so that other pages never pay for it.
   */
  readonly regex: () => RegExp;
  /** The same expression, case-insensitive: for the rare text whose lower-case form has another length. */
  readonly caseInsensitive: () => RegExp;
  /** Its names are written in Cyrillic: text without a Cyrillic letter is not searched with it. */
  readonly cyrillic: boolean;
}

export interface CompiledMatcher {
  /** Latin names first, then Cyrillic; each part's names are neighbours in sorted order. */
  readonly parts: readonly MatcherPart[];
  readonly byKey: ReadonlyMap<string, readonly TableAlias[]>;
  readonly entities: MatcherTable['entities'];
  /** Memo of matched text (as written) → the alias it resolves to, or null if case rules reject it. */
  readonly resolved: Map<string, TableAlias | null>;
}

/** Characters of an alias that stand for more than themselves, or have a meaning in a regular expression. */
const SPECIAL = new RegExp(`[ '\\-.*+?^\${}()|[\\]\\\\/${CYRILLIC_E}]`, 'g');

/** What one such character of an alias matches in page text. */
function charPattern(ch: string): string {
  // The text is matched with its other spaces folded into " " (find-mentions.ts): one character class here, repeated
  // for every space of every name, made V8's first compile of the expression two to three times slower.
  if (ch === ' ') return ' +';
  if (ch === "'") return `['${APOSTROPHE_VARIANTS}]`;
  if (ch === '-') return `[-${HYPHEN_VARIANTS}]`;
  if (ch === CYRILLIC_E) return `[${CYRILLIC_E}${CYRILLIC_YO}]`;
  return `\\${ch}`;
}

/** Length of the common prefix of two strings. */
function commonPrefix(a: string, b: string, from: number): number {
  let n = from;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Writes the pattern for keys[lo..hi), which all share their first `depth` characters, into `out`. Keys are
 * sorted, so keys that share the next character are neighbours, and a key that ends here comes first (it begins
 * all the others); it makes the rest optional, tried longest first. A run of characters that every key of a
 * branch shares is written as one piece: most of the pattern is such runs, the tails of long names.
 */
function writeTrie(keys: readonly string[], lo: number, hi: number, depth: number, out: string[]): void {
  const terminal = keys[lo]!.length === depth;
  const first = terminal ? lo + 1 : lo;
  if (first >= hi) return;
  let branches = 0;
  for (let i = first; i < hi; branches++) {
    const ch = keys[i]![depth];
    while (++i < hi && keys[i]![depth] === ch);
  }
  const group = terminal || branches > 1;
  if (group) out.push('(?:');
  for (let i = first; i < hi; ) {
    const ch = keys[i]![depth];
    let j = i + 1;
    while (j < hi && keys[j]![depth] === ch) j++;
    // Sorted keys: what the first and the last of the branch share, all of them share.
    const shared = commonPrefix(keys[i]!, keys[j - 1]!, depth + 1);
    if (i > first) out.push('|');
    out.push(keys[i]!.slice(depth, shared).replace(SPECIAL, charPattern));
    writeTrie(keys, i, j, shared, out);
    i = j;
  }
  if (group) out.push(terminal ? ')?' : ')');
}

/**
 * Word characters for "whole words only": digits, underscore and the letters of the scripts news in these languages
 * use (Latin with its extensions, Greek, Cyrillic, Armenian, Hebrew, Arabic). An explicit list rather than \p{L}:
 * V8 compiles and runs the expression much faster with it (docs/decisions.md, 5).
 */
const WORD = '0-9A-Za-z_\\u00aa\\u00b5\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u02ff\\u0370-\\u03ff\\u0400-\\u052f\\u0531-\\u0587\\u05d0-\\u05ea\\u0620-\\u064a\\u1e00-\\u1fff';
// Whole words only: no word character on either side.
const wrap = (body: string) => `(?<![${WORD}])(?:${body})(?![${WORD}])`;

/**
 * Text the new expression is run over once, so that V8 compiles it to machine code while the matcher is being
 * prepared rather than on the first text of the page. V8 compiles an expression separately for one-byte and for
 * two-byte strings: this text is two-byte (it holds a curly apostrophe), and so is every batch of page text
 * (src/page/mention-scan.ts). The compile is paid here, and the first page batch runs at full speed
 * (measurements: docs/decisions.md, 5).
 */
const WARM_UP_TEXT = `\u2019${' '.repeat(1000)}`;

/**
 * Names per expression at most. V8 compiles one long alternation in a time that grows faster than its length: pack
 * 1.3.0's 3,680 forms in one expression took 38–62 ms in Node, the same in pieces of at most 500, one script each,
 * about a quarter of that (docs/decisions.md, 21). Each piece is one more pass over a text that can hold its names.
 */
export const KEYS_PER_EXPRESSION = 500;

/** A Cyrillic letter: the names that hold one go into their own expressions. */
export const CYRILLIC = /[\u0400-\u04ff]/;

function compilePart(keys: readonly string[]): MatcherPart {
  const pieces: string[] = [];
  writeTrie(keys, 0, keys.length, 0, pieces);
  const body = wrap(pieces.join(''));
  let regex: RegExp | null = null;
  let insensitive: RegExp | null = null;
  return {
    regex: () => {
      if (!regex) {
        regex = new RegExp(body, 'gu');
        regex.exec(WARM_UP_TEXT);
      }
      return regex;
    },
    caseInsensitive: () => (insensitive ??= new RegExp(body, 'giu')),
    cyrillic: CYRILLIC.test(keys[0]!),
  };
}

/** `perExpression`: names per expression at most; tests make it small to try the split on a small table. */
export function compileMatcher(table: MatcherTable, perExpression = KEYS_PER_EXPRESSION): CompiledMatcher {
  const byKey = new Map<string, TableAlias[]>();
  for (const alias of table.aliases) {
    const key = aliasKey(alias.text);
    if (key.length === 0) continue;
    const list = byKey.get(key);
    if (list) list.push(alias);
    else byKey.set(key, [alias]);
  }
  const keys = [...byKey.keys()].sort();
  const parts: MatcherPart[] = [];
  for (const script of [keys.filter((key) => !CYRILLIC.test(key)), keys.filter((key) => CYRILLIC.test(key))])
    for (let i = 0; i < script.length; i += perExpression) parts.push(compilePart(script.slice(i, i + perExpression)));
  for (const part of parts) if (!part.cyrillic) part.regex();
  return {
    parts,
    byKey,
    entities: table.entities,
    resolved: new Map(),
  };
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
