/**
 * Names written in Cyrillic: whole-word boundaries that know Cyrillic letters, stress marks, the three ways
 * Ukrainian writes its apostrophe, and "ё" written as "е". The English case rules hold in Cyrillic too. (Inflected
 * forms, "Зеленського", come with the pack's names per language: they are not matched by these rules.)
 */
import { describe, expect, it } from 'vitest';
import type { MatcherTable } from '../../src/matcher/alias-table';
import { compileMatcher } from '../../src/matcher/compile';
import { findMentions } from '../../src/matcher/find-mentions';
import { aliasKey } from '../../src/matcher/normalize';

const table: MatcherTable = {
  entities: [{ core: true }, { core: true }, { core: true }, { core: true }, { core: true }],
  aliases: [
    { text: 'Зеленський', case: 'proper', generic: false, entity: 0 },
    { text: 'Путин', case: 'proper', generic: false, entity: 1 },
    { text: "перемир'я", case: 'any', generic: true, entity: 2 },
    { text: 'Пётр Толстой', case: 'proper', generic: false, entity: 3 },
    { text: 'Сергей Лавров', case: 'proper', generic: false, entity: 4 },
  ],
};
const matcher = compileMatcher(table);
const found = (text: string) => findMentions(matcher, text).map((m) => [text.slice(m.start, m.end), m.entity] as const);

describe('Cyrillic names', () => {
  it.each([
    // [text, expected [matched text, entity] pairs]
    ['Зеленський заявив', [['Зеленський', 0]]],
    ['«Зеленський»', [['Зеленський', 0]]],
    ['ЗЕЛЕНСЬКИЙ ЗАЯВИВ', [['ЗЕЛЕНСЬКИЙ', 0]]],
    ['Зеле\u0301нський заявив', [['Зеле\u0301нський', 0]]],
    ['Пу\u0301тин сказал', [['Пу\u0301тин', 1]]],
    ["режим перемир'я", [["перемир'я", 2]]],
    ['режим перемир\u2019я', [['перемир\u2019я', 2]]],
    ['режим перемир\u02BCя', [['перемир\u02BCя', 2]]],
    ['Пётр Толстой', [['Пётр Толстой', 3]]],
    ['Петр Толстой', [['Петр Толстой', 3]]],
    ['Сергей Лавров', [['Сергей Лавров', 4]]],
    ['Сергёй Лавров', [['Сергёй Лавров', 4]]],
    ['Путин и Зеленський', [['Путин', 1], ['Зеленський', 0]]],
  ] as const)('finds %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['зеленський', 'a proper name in lower case'],
    ['Путинизм', 'a longer word'],
    ['Путина', 'an inflected form, until the pack lists its forms'],
    ['ПутинZ', 'a Latin letter after the name'],
    ['Ѳпутин', 'another Cyrillic letter before it'],
  ])('does not find %j (%s)', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('gives "ё" and "е" spellings one key, and keys the stress mark away', () => {
    expect(aliasKey('Пётр Толстой')).toBe(aliasKey('Петр Толстой'));
    expect(aliasKey('ПЁТР')).toBe('петр');
    expect(aliasKey('Зеле\u0301нський')).toBe('зеленський');
  });
});
