/**
 * The names are split over several expressions, one script each, at most KEYS_PER_EXPRESSION names apiece
 * (compile.ts), which V8 compiles far faster than one. Finding mentions over the parts must give exactly what one
 * expression over every name gives: the earliest match, the longest where two start together, and a match that a
 * part skipped past inside another's found again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { aliasTableFromPack } from '../../src/knowledge/alias-table-from-pack';
import type { MatcherTable } from '../../src/matcher/alias-table';
import { compileMatcher, KEYS_PER_EXPRESSION } from '../../src/matcher/compile';
import { findMentions } from '../../src/matcher/find-mentions';
import { bundledPack, fixturePath } from '../helpers/packs';

const table = aliasTableFromPack(bundledPack());
const whole = compileMatcher(table, Infinity);
const found = (matcher: ReturnType<typeof compileMatcher>, text: string) => findMentions(matcher, text).map((m) => [text.slice(m.start, m.end), m.entity]);

/** Every passage the tests keep, in every language. */
function passages(): string[] {
  const dirs = ['passages', ...['passages-by-language', 'passages-unseen'].flatMap((set) => readdirSync(fixturePath(set), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `${set}/${e.name}`))];
  return dirs.flatMap((dir) => readdirSync(fixturePath(dir)).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(fixturePath(`${dir}/${f}`), 'utf8')));
}

describe('names split over several expressions', () => {
  it('the bundled pack is split by script, in parts of at most the limit', () => {
    const { parts } = compileMatcher(table);
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.some((p) => p.cyrillic) && parts.some((p) => !p.cyrillic)).toBe(true);
    // Latin parts come first, then Cyrillic ones.
    expect(parts.map((p) => p.cyrillic)).toEqual([...parts.map((p) => p.cyrillic)].sort((a, b) => Number(a) - Number(b)));
    expect(whole.parts.length).toBe(2);
    expect(KEYS_PER_EXPRESSION).toBeGreaterThan(0);
  });

  it.each([3, 40, KEYS_PER_EXPRESSION])('finds what one expression per script finds, in parts of %i names, on every passage', (size) => {
    const split = compileMatcher(table, size);
    for (const text of passages()) expect(found(split, text)).toEqual(found(whole, text));
  });

  it('takes the earliest match, then looks again after it in the parts that had skipped ahead', () => {
    // "alpha beta" and "beta gamma" overlap; "gamma delta" follows the first. In parts of one name each, the part
    // with "beta gamma" finds it first and must look again after "alpha beta" is taken, or "gamma delta" is lost.
    const small: MatcherTable = {
      entities: ['a', 'b', 'c', 'd'],
      aliases: [
        { text: 'alpha beta', entity: 0, case: 'any', generic: false },
        { text: 'beta gamma', entity: 1, case: 'any', generic: false },
        { text: 'gamma delta', entity: 2, case: 'any', generic: false },
        { text: 'alpha', entity: 3, case: 'any', generic: false },
      ],
    } as unknown as MatcherTable;
    const text = 'alpha beta gamma delta';
    const expected = [['alpha beta', 0], ['gamma delta', 2]];
    expect(found(compileMatcher(small, Infinity), text)).toEqual(expected);
    expect(found(compileMatcher(small, 1), text)).toEqual(expected);
  });

  it('does not search text without a Cyrillic letter with the Cyrillic parts, and finds both scripts in mixed text', () => {
    const split = compileMatcher(table);
    const mixed = 'Putin met Зеленський; Зеленського and Zelensky.';
    expect(found(split, mixed)).toEqual(found(whole, mixed));
    expect(found(split, mixed).map(([t]) => t)).toEqual(['Putin', 'Зеленський', 'Зеленського', 'Zelensky']);
  });

  it('compiles a Cyrillic part only when a text with a Cyrillic letter comes', () => {
    const built: string[] = [];
    const Native = RegExp;
    const spy = vi.spyOn(globalThis, 'RegExp').mockImplementation(function (this: unknown, source: string | RegExp, flags?: string) {
      built.push(String(source));
      return new Native(source, flags);
    } as unknown as RegExpConstructor);
    try {
      const split = compileMatcher(table);
      const cyrillicParts = split.parts.filter((p) => p.cyrillic).length;
      const afterCompile = built.length;
      expect(afterCompile).toBe(split.parts.length - cyrillicParts);
      findMentions(split, 'Putin and Zelensky met in Washington.');
      expect(built.length).toBe(afterCompile);
      findMentions(split, 'Зеленський і Путін.');
      expect(built.length).toBe(afterCompile + cyrillicParts);
    } finally {
      spy.mockRestore();
    }
  });
});
