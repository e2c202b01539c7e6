import { describe, expect, it } from 'vitest';
import type { MatcherTable } from '../../src/matcher/alias-table';
import { APOSTROPHES, HYPHENS, INVISIBLES, SPACES } from '../../src/matcher/characters';
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
const each = (chars: string) => [...chars].map((ch) => [hex(ch), ch] as const);

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

  it.each(each(INVISIBLES))('%s is invisible inside a word', (_name, ch) => {
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
    const whiteSpace: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      if (/\s/.test(ch) && !INVISIBLES.includes(ch)) whiteSpace.push(ch);
    }
    expect([...SPACES].sort()).toEqual(whiteSpace.sort());
  });

  it('no character is in two lists', () => {
    const all = [...APOSTROPHES, ...HYPHENS, ...SPACES, ...INVISIBLES];
    expect(new Set(all).size).toBe(all.length);
  });
});
