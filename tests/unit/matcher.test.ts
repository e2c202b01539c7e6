import { describe, expect, it } from 'vitest';
import { findMentions, MAX_RESOLVED } from '../../src/matcher/find-mentions';
import { aliasKey, canonicalSpelling } from '../../src/matcher/normalize';
import { aliasTableFromPack } from '../../src/knowledge/alias-table-from-pack';
import { compileMatcher } from '../../src/matcher/compile';
import { miniPack } from '../helpers/packs';

const table = aliasTableFromPack(miniPack());
const matcher = compileMatcher(table);
const found = (text: string) =>
  findMentions(matcher, text).map((m) => [text.slice(m.start, m.end), table.entities[m.entity]!.id] as const);

describe('findMentions', () => {
  it.each([
    // [text, expected [matched text, entity id] pairs]
    ['Zelensky spoke.', [['Zelensky', 'zelensky']]],
    ['Zelenskyy spoke.', [['Zelenskyy', 'zelensky']]],
    ['Zelenskiy spoke.', [['Zelenskiy', 'zelensky']]],
    ["Zelensky's plan", [['Zelensky', 'zelensky']]],
    ['Zelensky\u2019s plan', [['Zelensky', 'zelensky']]],
    ['Volodymyr Zelensky said', [['Volodymyr Zelensky', 'zelensky']]],
    ['Vladimir\u00A0Putin said', [['Vladimir\u00A0Putin', 'putin']]],
    ['Vladimir \n Putin said', [['Vladimir \n Putin', 'putin']]],
    ['Zelen\u00ADsky said', [['Zelen\u00ADsky', 'zelensky']]],
    ['a cease\u00ADfire now', [['cease\u00ADfire', 'ceasefire']]],
    ['the U.S.-Ukraine minerals deal', [['U.S.', 'united-states'], ['Ukraine', 'ukraine'], ['minerals deal', 'minerals-deal']]],
    ['US-Russia talks', [['US', 'united-states'], ['Russia', 'russia']]],
    ['ZELENSKY REJECTS DRAFT', [['ZELENSKY', 'zelensky']]],
    ['Putin Says Truce Possible', [['Putin', 'putin'], ['Truce', 'ceasefire']]],
    ['Sergei Lavrov and Sergey Lavrov', [['Sergei Lavrov', 'lavrov'], ['Sergey Lavrov', 'lavrov']]],
    ['Kiev or Kyiv', [['Kiev', 'ukraine'], ['Kyiv', 'ukraine']]],
    ['a cease-fire, a ceasefire, a truce', [['cease-fire', 'ceasefire'], ['ceasefire', 'ceasefire'], ['truce', 'ceasefire']]],
    ['The Reconstruction Investment Fund opened', [['Reconstruction Investment Fund', 'minerals-deal']]],
    ['after the Riyadh talks', [['Riyadh talks', 'riyadh-talks']]],
  ] as const)('finds mentions in %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['he played his trump card'],
    ['they trumped the bid'],
    ['let us go, it suits us'],
    ['Putinism is a word'],
    ['Ukrainian grain'],
    ['zelensky in lower case is not a name'],
    ['a Usa bag'],
    ['Trumpeter swans'],
    ['Zelenskyé and Putinа'],
    ['_Kyiv_ in code_Russia'],
    ['Путин is not an alias, nor Kyivский'],
  ])('finds nothing in %j', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('prefers the longest alias at a position', () => {
    expect(found('Donald Trump met')).toEqual([['Donald Trump', 'trump']]);
  });

  it('marks generic aliases as generic', () => {
    const [mention] = findMentions(matcher, 'a truce');
    expect(mention?.generic).toBe(true);
    expect(findMentions(matcher, 'Kyiv')[0]?.generic).toBe(false);
  });

  it('keeps offsets right when lower-casing would change the text length ("İ")', () => {
    const text = 'İSTANBUL: Zelensky met Putin';
    expect(findMentions(matcher, text).map((m) => text.slice(m.start, m.end))).toEqual(['Zelensky', 'Putin']);
  });

  it('gives UTF-16 offsets into the original text around emoji and soft hyphens', () => {
    const text = '🇺🇦 Zelen\u00ADsky 👍 Putin';
    const mentions = findMentions(matcher, text);
    expect(mentions.map((m) => text.slice(m.start, m.end))).toEqual(['Zelen\u00ADsky', 'Putin']);
  });
});

describe('the packed alias table', () => {
  it('round-trips every alias, case rule, generic flag, core flag and once-per-article flag', async () => {
    const { packAliasTable, unpackAliasTable } = await import('../../src/matcher/alias-table');
    const unpacked = unpackAliasTable(packAliasTable(table));
    expect(unpacked.entities).toEqual(table.entities.map((e) => ({ core: e.core, oncePerArticle: e.oncePerArticle ?? false })));
    // States and blocs are the ones marked once per article; both flags occur, alone and together.
    const flagged = table.entities.filter((e) => e.oncePerArticle).map((e) => e.id);
    expect(flagged).toEqual(expect.arrayContaining(['ukraine', 'russia', 'united-states', 'european-union']));
    expect(flagged).not.toContain('zelensky');
    const sortKey = (a: { entity: number; text: string }) => `${a.entity}:${a.text}`;
    expect([...unpacked.aliases].sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual([...table.aliases].sort((a, b) => sortKey(a).localeCompare(sortKey(b))));
  });
});

describe('invisible characters at word edges', () => {
  it.each([
    ['Putin\u00AD said', [['Putin', 'putin']]],
    ['Kyiv\u00ADska street', []],
    ['Anti\u00ADPutin rally', []],
    ['\u200BZelensky\u200B', [['Zelensky', 'zelensky']]],
    ['Zelen\u200Dsky and Pu\u00ADtin', [['Zelen\u200Dsky', 'zelensky'], ['Pu\u00ADtin', 'putin']]],
    ['Vladimir \u00A0\n Putin', [['Vladimir \u00A0\n Putin', 'putin']]],
  ] as const)('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('aliasKey', () => {
  it('is the canonical spelling in lower case, whatever shortcut it takes', () => {
    const samples = ['Zelensky', 'Élysée', 'Trump–Putin summit', 'Zelensky’s', 'Zelensky\u02BCs', 'U.S.\u2011Ukraine', 'cease\u2010fire', 'Zelen\u00ADsky', 'Volodymyr\u00A0Zelensky', 'Volodymyr  Zelensky', ' Kyiv', 'Kyiv ', 'Kyiv\tPost', 'Kyiv\nPost', 'a\u200Bb', 'İstanbul'];
    for (const text of samples) expect(aliasKey(text), JSON.stringify(text)).toBe(canonicalSpelling(text).toLowerCase());
  });
});

describe('the memo of resolved spellings', () => {
  it(`stays under ${MAX_RESOLVED} entries on a page that spells a name with ever new white space`, () => {
    const own = compileMatcher(table);
    const gaps = [' ', '\t', '\n'];
    const spellings: string[] = [];
    for (let i = 0; spellings.length < MAX_RESOLVED + 500; i++) {
      let gap = '';
      for (let n = i + 1; n > 0; n = Math.floor(n / 3)) gap += gaps[n % 3];
      spellings.push(`Vladimir${gap}Putin`);
    }
    const mentions = findMentions(own, spellings.join('. '));
    expect(mentions).toHaveLength(spellings.length);
    expect(own.resolved.size).toBeGreaterThan(0);
    expect(own.resolved.size).toBeLessThanOrEqual(MAX_RESOLVED);
  });
});
