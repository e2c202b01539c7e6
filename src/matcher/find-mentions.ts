/**
 * Finds mentions in a string. Pure: no DOM, so it runs the same in the content script, the scan command and Node tests.
 *
 * How: at each word start, walk the sorted alias keys character by character (each step narrows the range of keys
 * that still fit), reading the text the way keys are written: lower case, any run of white space as one space,
 * curly apostrophes and dash variants as their plain forms, soft hyphens and zero-width characters skipped. The
 * longest key that ends at a word boundary and passes its case rule wins, and the search goes on after it.
 * Most words fail on their first character, so the cost is close to one table look-up per character, whatever
 * the size of the pack.
 */
import type { CompiledMatcher } from './compile';
import { caseRuleAllows } from './compile';
import { aliasKey } from './normalize';

export interface Mention {
  /** UTF-16 offsets into the text as given (invisible characters included). */
  start: number;
  end: number;
  /** Index into the matcher's entities. */
  entity: number;
  generic: boolean;
}

/**
 * Word characters, for "whole words only": digits, underscore and the letters of the scripts news in these
 * languages use (Latin with its extensions, Greek, Cyrillic, Armenian, Hebrew, Arabic).
 */
const WORD_RANGES: readonly (readonly [number, number])[] = [
  [0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a], [0xaa, 0xaa], [0xb5, 0xb5], [0xba, 0xba], [0xc0, 0xd6],
  [0xd8, 0xf6], [0xf8, 0x2ff], [0x370, 0x3ff], [0x400, 0x52f], [0x531, 0x587], [0x5d0, 0x5ea], [0x620, 0x64a],
  [0x1e00, 0x1fff],
];
/** One look-up per character: 1 word character, 2 white space, 4 invisible (soft hyphen, zero-width). */
const CLASS = new Uint8Array(0x10000);
for (const [from, to] of WORD_RANGES) CLASS.fill(1, from, to + 1);
for (const c of [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) CLASS[c] = 2;
CLASS.fill(2, 0x2000, 0x200b);
for (const c of [0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) CLASS[c] = 4;
const isWord = (code: number) => CLASS[code] === 1;
const isSpace = (code: number) => CLASS[code] === 2;
/** Characters that are invisible in rendered text and may sit inside a word. */
const isInvisible = (code: number) => CLASS[code] === 4;
/** The character as alias keys spell it: apostrophes as ', hyphens as -. */
const canonical = (c: number) => (c === 0x2019 || c === 0x2018 || c === 0x2bc ? 0x27 : c === 0x2010 || c === 0x2011 ? 0x2d : c);

/** First index in [lo, hi) whose key's code at `depth` is ≥ `code` (a key that ends before `depth` counts as −1). */
function lowerBound(keys: readonly string[], lo: number, hi: number, depth: number, code: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const key = keys[mid]!;
    if ((depth < key.length ? key.charCodeAt(depth) : -1) < code) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Lower-cased text with the same length, so offsets stay valid. "İ" (U+0130) is the one character whose lower case
 * is longer ("i" and a combining dot); it becomes a plain "i".
 */
const lowerSameLength = (text: string) => (text.includes('\u0130') ? text.replace(/\u0130/g, 'i') : text).toLowerCase();

/** The alias a piece of matched text stands for, after case rules; memoised, as the same names recur. */
function resolve(matcher: CompiledMatcher, found: string) {
  let alias = matcher.resolved.get(found);
  if (alias === undefined) {
    alias = matcher.byKey.get(aliasKey(found))?.find((candidate) => caseRuleAllows(candidate, found)) ?? null;
    matcher.resolved.set(found, alias);
  }
  return alias;
}

/** Every mention in `text`, in order; the longest alias wins at a position, and case rules are applied. */
export function findMentions(matcher: CompiledMatcher, text: string, into: Mention[] = []): Mention[] {
  const { keys, firstTwo } = matcher;
  const lower = lowerSameLength(text);
  const n = lower.length;
  const ends: number[] = [];
  for (let start = 0; start < n; start++) {
    const first = lower.charCodeAt(start);
    if (!isWord(first)) continue;
    // A word start. Whatever happens below, the rest of this word holds none: skip it on the way out.
    let wordEnd = start + 1;
    while (wordEnd < n && isWord(lower.charCodeAt(wordEnd))) wordEnd++;
    let before = start - 1;
    while (before >= 0 && isInvisible(lower.charCodeAt(before))) before--;
    if (before >= 0 && isWord(lower.charCodeAt(before))) {
      start = wordEnd - 1;
      continue;
    }
    // The second character, read as keys spell it (after any invisible characters).
    let pos = start + 1;
    while (pos < n && isInvisible(lower.charCodeAt(pos))) pos++;
    if (pos >= n) break;
    let second = lower.charCodeAt(pos++);
    if (isSpace(second)) {
      second = 0x20;
      while (pos < n && (isSpace(lower.charCodeAt(pos)) || isInvisible(lower.charCodeAt(pos)))) pos++;
    } else second = canonical(second);
    const range = firstTwo.get(first * 0x10000 + second);
    if (!range) {
      start = wordEnd - 1;
      continue;
    }
    // Walk: [lo, hi) are the keys that fit the text read so far; `depth` characters of them are matched.
    let lo = range[0];
    let hi = range[1];
    let depth = 2;
    ends.length = 0;
    for (;;) {
      // Invisible characters inside a word ("Zelen­sky") are read past; `visible` is the next real character.
      let visible = pos;
      while (visible < n && isInvisible(lower.charCodeAt(visible))) visible++;
      // A key that ends here, at a word boundary, is a candidate; keep the key index with its end.
      if (keys[lo]!.length === depth && !(visible < n && isWord(lower.charCodeAt(visible)))) ends.push(pos, lo);
      if (visible >= n) break;
      pos = visible;
      let code = lower.charCodeAt(pos);
      let next = pos + 1;
      if (isSpace(code)) {
        code = 0x20;
        while (next < n && (isSpace(lower.charCodeAt(next)) || isInvisible(lower.charCodeAt(next)))) next++;
      } else code = canonical(code);
      const from = lowerBound(keys, lo, hi, depth, code);
      const to = lowerBound(keys, from, hi, depth, code + 1);
      if (from === to) break;
      lo = from;
      hi = to;
      depth++;
      pos = next;
    }
    // Longest first; the first that passes its case rule wins.
    let matchedEnd = -1;
    for (let i = ends.length - 2; i >= 0; i -= 2) {
      const end = ends[i]!;
      const alias = resolve(matcher, text.slice(start, end));
      if (!alias) continue;
      into.push({ start, end, entity: alias.entity, generic: alias.generic });
      matchedEnd = end;
      break;
    }
    start = (matchedEnd > 0 ? Math.max(matchedEnd, wordEnd) : wordEnd) - 1;
  }
  return into;
}
