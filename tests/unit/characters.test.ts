import { describe, expect, it } from 'vitest';
import type { MatcherTable } from '../../src/matcher/alias-table';
import { APOSTROPHE_VARIANTS, HYPHEN_VARIANTS, INVISIBLES, SPACE_VARIANTS } from '../../src/matcher/characters';
import { compileMatcher } from '../../src/matcher/compile';
import { findMentions } from '../../src/matcher/find-mentions';
import { aliasKey, canonicalSpelling } from '../../src/matcher/normalize';

const table: MatcherTable = {
  entities: [{ core: true }, { core: true }, { core: true }, { core: true }],
  aliases: [
    { text: "Kyiv's plan", case: 'proper', generic: false, entity: 0 },
    { text: 'cease-fire', case: 'any', generic: false, entity: 1 },
    { text: 'Vladimir Putin', case: 'proper', generic: false, entity: 2 },
    { text: 'Zelensky', case: 'proper', generic: false, entity: 3 },
  ],
};
const matcher = compileMatcher(table);
const found = (text: string) => findMentions(matcher, text).map((m) => [text.slice(m.start, m.end), m.entity]);
const hex = (ch: string) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
/** The characters a table entry (a character class body) holds, with the one an alias is written with. */
function charactersOf(written: string, variants: string): string[] {
  const inClass = new RegExp(`^[${variants}]$`);
  const chars = written ? [written] : [];
  for (let code = 0; code <= 0xffff; code++) if (inClass.test(String.fromCharCode(code))) chars.push(String.fromCharCode(code));
  return chars;
}
const APOSTROPHES = charactersOf("'", APOSTROPHE_VARIANTS);
const HYPHENS = charactersOf('-', HYPHEN_VARIANTS);
const SPACES = charactersOf(' ', SPACE_VARIANTS);
const each = (chars: readonly string[]) => chars.map((ch) => [hex(ch), ch] as const);

describe('the character table, through the matcher', () => {
  it.each(each(APOSTROPHES))('%s is an apostrophe', (_name, ch) => {
    const text = `Critics of Kyiv${ch}s plan spoke.`;
    expect(found(text)).toEqual([[`Kyiv${ch}s plan`, 0]]);
    expect(aliasKey(`Kyiv${ch}s plan`)).toBe(aliasKey("Kyiv's plan"));
  });

  it.each(each(HYPHENS))('%s is a hyphen', (_name, ch) => {
    const text = `A cease${ch}fire now.`;
    expect(found(text)).toEqual([[`cease${ch}fire`, 1]]);
    expect(aliasKey(`cease${ch}fire`)).toBe('cease-fire');
  });

  it.each(each(SPACES))('%s is a space', (_name, ch) => {
    const text = `Vladimir${ch}Putin said.`;
    expect(found(text)).toEqual([[`Vladimir${ch}Putin`, 2]]);
    expect(aliasKey(`Vladimir${ch}${ch}Putin`)).toBe('vladimir putin');
  });

  it('a run of mixed spaces is one space, also in text whose lower case has another length', () => {
    expect(found('Vladimir \u00a0\n\u2009Putin said.')).toEqual([['Vladimir \u00a0\n\u2009Putin', 2]]);
    // "İ" lower-cases to two characters: the text is matched as written, case-insensitively, its spaces folded too.
    expect(found('İzmir: Vladimir\u00a0\u00a0Putin said.')).toEqual([['Vladimir\u00a0\u00a0Putin', 2]]);
  });

  it.each(each(charactersOf('', INVISIBLES)))('%s is invisible inside a word', (_name, ch) => {
    const text = `Zelen${ch}sky said.`;
    expect(found(text)).toEqual([[`Zelen${ch}sky`, 3]]);
    expect(canonicalSpelling(`Zelen${ch}sky`)).toBe('Zelensky');
  });

  it.each([
    ['en dash', 'cease\u2013fire'],
    ['em dash', 'cease\u2014fire'],
    ['minus sign', 'cease\u2212fire'],
    ['double prime', 'Kyiv\u2033s plan'],
    ['grave accent', 'Kyiv`s plan'],
  ])('a character outside the table (%s) does not join a name', (_name, text) => {
    expect(found(text).filter(([, entity]) => entity !== 3)).toEqual([]);
  });

  it('the spaces are exactly what JavaScript calls white space, less the invisible U+FEFF', () => {
    const whiteSpace = charactersOf('', '\\s').filter((ch) => ch !== '\uFEFF');
    expect([...SPACES].sort()).toEqual(whiteSpace.sort());
  });

  it('lists what it should: no character in two lists, and the two that were once missed', () => {
    const all = [...APOSTROPHES, ...HYPHENS, ...SPACES, ...charactersOf('', INVISIBLES)];
    expect(new Set(all).size).toBe(all.length);
    expect(APOSTROPHES).toContain('\u2032');
    expect(HYPHENS).toContain('\u2012');
    expect(all.length).toBe(5 + 4 + 24 + 7);
  });
});
