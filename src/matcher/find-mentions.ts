/**
 * Finds mentions in a string. Pure: no DOM, so it runs the same in the content script, the scan command and Node tests.
 */
import type { CompiledMatcher } from './compile';
import { caseRuleAllows } from './compile';
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

/**
 * Soft hyphens and zero-width characters split words ("Zelen­sky"). They are removed before matching, and
 * `positions` maps each offset in the cleaned text back to the original.
 */
function withoutInvisibles(text: string): { clean: string; positions: number[] } {
  const positions: number[] = [];
  let clean = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (HAS_INVISIBLE.test(ch)) continue;
    positions.push(i);
    clean += ch;
  }
  positions.push(text.length);
  return { clean, positions };
}

/** Every mention in `text`, in order; the longest alias wins at a position, and case rules are applied. */
export function findMentions(matcher: CompiledMatcher, text: string, into: Mention[] = []): Mention[] {
  if (HAS_INVISIBLE.test(text)) {
    const { clean, positions } = withoutInvisibles(text);
    const found = findMentions(matcher, clean);
    for (const m of found) {
      // An end offset maps to just after the last kept character, so a trailing soft hyphen is not included.
      into.push({ ...m, start: positions[m.start]!, end: positions[m.end - 1]! + 1 });
    }
    return into;
  }
  const regex = matcher.regex;
  regex.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(text)) !== null) {
    const found = match[0];
    const candidates = matcher.byKey.get(aliasKey(found));
    const alias = candidates?.find((candidate) => caseRuleAllows(candidate, found));
    if (alias) {
      into.push({ start: match.index, end: match.index + found.length, entity: alias.entity, generic: alias.generic });
    } else {
      // Rejected by its case rule ("trump card"): look again from the next character.
      regex.lastIndex = match.index + 1;
    }
  }
  return into;
}
