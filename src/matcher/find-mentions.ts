/**
 * Finds mentions in a string. Pure: no DOM, so it runs the same in the content script, the scan command and Node tests.
 */
import type { TableAlias } from './alias-table';
import type { CompiledMatcher } from './compile';
import { caseRuleAllows, CYRILLIC } from './compile';
import { SPACE_VARIANTS } from './characters';
import { aliasKey, INVISIBLE_CHARS } from './normalize';

export interface Mention {
  /** UTF-16 offsets into the text as given (invisible characters included). */
  start: number;
  end: number;
  /** Index into the matcher's entities. */
  entity: number;
  generic: boolean;
}

const HAS_INVISIBLE = new RegExp(INVISIBLE_CHARS.source);
/** Every other space, folded into " " before matching: one character for one, so offsets stay as they are. */
const OTHER_SPACES = new RegExp(`[${SPACE_VARIANTS}]`, 'g');
const INVISIBLE_CHAR = new RegExp(`^${INVISIBLE_CHARS.source}$`);

/**
 * Soft hyphens and zero-width characters split words ("Zelen­sky"). They are removed before matching, and
 * `positions` maps each offset in the cleaned text back to the original.
 */
function withoutInvisibles(text: string): { clean: string; positions: number[] } {
  const positions: number[] = [];
  let clean = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (INVISIBLE_CHAR.test(ch)) continue;
    positions.push(i);
    clean += ch;
  }
  positions.push(text.length);
  return { clean, positions };
}

/**
 * Spellings remembered at most. Real pages repeat a few dozen; a page that spells names with ever new runs of
 * white space would otherwise grow the memo for as long as it is open.
 */
export const MAX_RESOLVED = 10000;

/** The alias a piece of matched text stands for, after case rules; memoised, as the same names recur. */
function resolve(matcher: CompiledMatcher, found: string) {
  let alias = matcher.resolved.get(found);
  if (alias === undefined) {
    if (matcher.resolved.size >= MAX_RESOLVED) matcher.resolved.clear();
    alias = matcher.byKey.get(aliasKey(found))?.find((candidate) => caseRuleAllows(candidate, found)) ?? null;
    matcher.resolved.set(found, alias);
  }
  return alias;
}

/** The next mention one expression finds in `subject` from `from` on, after case rules; null when there is none. */
function nextMatch(matcher: CompiledMatcher, regex: RegExp, subject: string, text: string, from: number): { start: number; end: number; alias: TableAlias } | null {
  regex.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(subject)) !== null) {
    const start = match.index;
    const end = start + match[0].length;
    const alias = resolve(matcher, text.slice(start, end));
    if (alias) return { start, end, alias };
    // Rejected by its case rule ("trump card"): look again from the next character.
    regex.lastIndex = start + 1;
  }
  return null;
}

/**
 * Every mention in `text`, in order; the longest alias wins at a position, and case rules are applied. The names
 * are split over several expressions (compile.ts): at each step the earliest match of any of them is taken (the
 * longest where two start together), as one expression over all the names would, and an expression whose next
 * match began inside it looks again from its end.
 */
export function findMentions(matcher: CompiledMatcher, text: string, into: Mention[] = []): Mention[] {
  if (HAS_INVISIBLE.test(text)) {
    const { clean, positions } = withoutInvisibles(text);
    for (const m of findMentions(matcher, clean)) {
      // An end offset maps to just after the last kept character, so a trailing soft hyphen is not included.
      into.push({ ...m, start: positions[m.start]!, end: positions[m.end - 1]! + 1 });
    }
    return into;
  }
  const lower = text.toLowerCase();
  // Lower-casing keeps offsets except for a few characters (like "İ"); then match the text itself, case-insensitively.
  const sameLength = lower.length === text.length;
  const subject = (sameLength ? lower : text).replace(OTHER_SPACES, ' ');
  const hasCyrillic = CYRILLIC.test(subject);
  const regexes = matcher.parts.filter((part) => hasCyrillic || !part.cyrillic).map((part) => (sameLength ? part.regex() : part.caseInsensitive()));
  const next = regexes.map((regex) => nextMatch(matcher, regex, subject, text, 0));
  for (;;) {
    let best = -1;
    for (let i = 0; i < next.length; i++) {
      const m = next[i];
      if (m && (best < 0 || m.start < next[best]!.start || (m.start === next[best]!.start && m.end > next[best]!.end))) best = i;
    }
    if (best < 0) return into;
    const { start, end, alias } = next[best]!;
    into.push({ start, end, entity: alias.entity, generic: alias.generic });
    for (let i = 0; i < next.length; i++) if (next[i] && next[i]!.start < end) next[i] = nextMatch(matcher, regexes[i]!, subject, text, end);
  }
}
