/**
 * The interface's words: every message exists in English and Ukrainian with the same placeholders, each language
 * has exactly its own plural forms, counts take the right form, and the popup shows Ukrainian when given it.
 */
import { describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import ukrainian from '../../public/_locales/uk/messages.json';
import { createMessages, dateLocaleFor, fileSource, type MessageFile } from '../../src/i18n/messages';

const FILES: Record<string, MessageFile> = { en: english, uk: ukrainian };
const PLURAL = /^(.+)_(zero|one|two|few|many|other)$/;

/** Key → its plural base, or itself. */
const baseOf = (key: string) => PLURAL.exec(key)?.[1] ?? key;
/** The placeholders a message declares, as "name=$N", sorted. */
const declared = (entry: MessageFile[string]) =>
  Object.entries(entry.placeholders ?? {})
    .map(([name, p]) => `${name.toLowerCase()}=${p.content}`)
    .sort();

describe('message files', () => {
  const plainKeys = (file: MessageFile) => Object.keys(file).filter((k) => !PLURAL.test(k)).sort();
  const pluralBases = (file: MessageFile) => [...new Set(Object.keys(file).filter((k) => PLURAL.test(k)).map(baseOf))].sort();

  it('Ukrainian has every English message, and nothing English lacks', () => {
    expect(plainKeys(ukrainian)).toEqual(plainKeys(english));
    expect(pluralBases(ukrainian)).toEqual(pluralBases(english));
  });

  for (const [language, file] of Object.entries(FILES)) {
    it(`${language}: each count has exactly the plural forms of ${language}`, () => {
      const categories = [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();
      for (const base of pluralBases(file)) {
        const forms = Object.keys(file).filter((k) => baseOf(k) === base && k !== base).map((k) => PLURAL.exec(k)![2]).sort();
        expect(forms, base).toEqual(categories);
      }
    });

    it(`${language}: every message uses only placeholders it declares, the same as in English`, () => {
      for (const [key, entry] of Object.entries(file)) {
        const used = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase());
        const names = Object.keys(entry.placeholders ?? {}).map((n) => n.toLowerCase());
        expect(used.sort(), key).toEqual([...new Set(names)].sort());
        const englishEntry = english[key as keyof typeof english] ?? english[`${baseOf(key)}_other` as keyof typeof english];
        expect(englishEntry, key).toBeDefined();
        expect(declared(entry), key).toEqual(declared(englishEntry as MessageFile[string]));
      }
    });
  }

  it('names its own language in "locale"', () => {
    expect(english.locale.message).toBe('en');
    expect(ukrainian.locale.message).toBe('uk');
  });
});

describe('messages', () => {
  const en = createMessages(fileSource(english, 'en-GB'));
  const uk = createMessages(fileSource(ukrainian, 'uk'));

  it('fills placeholders by name, in the order of the substitutions', () => {
    expect(en.text('detailsAbout', 'Vladimir Putin')).toBe('Details about Vladimir Putin');
    expect(uk.text('noMatches', 'xyz')).toBe('За запитом «xyz» нічого не знайдено.');
    expect(en.text('listAnd', 'English, Ukrainian', 'Russian')).toBe('English, Ukrainian and Russian');
    expect(uk.list(['англійською', 'українською', 'російською'])).toBe('англійською, українською та російською');
  });

  it('counts in Ukrainian: one, few and many', () => {
    const forms = [1, 2, 5, 11, 21, 22, 25].map((n) => uk.count('allPositions', n));
    expect(forms).toEqual([
      'Усього 1 позиція щодо цієї теми',
      'Усі 2 позиції щодо цієї теми',
      'Усі 5 позицій щодо цієї теми',
      'Усі 11 позицій щодо цієї теми',
      'Усього 21 позиція щодо цієї теми',
      'Усі 22 позиції щодо цієї теми',
      'Усі 25 позицій щодо цієї теми',
    ]);
    expect([1, 2, 5, 11, 21, 22, 25].map((n) => uk.count('events', n))).toEqual(['1 подія', '2 події', '5 подій', '11 подій', '21 подія', '22 події', '25 подій']);
    expect([1, 3, 12, 14, 24, 111].map((n) => uk.count('mentions', n))).toEqual(['1 згадка', '3 згадки', '12 згадок', '14 згадок', '24 згадки', '111 згадок']);
  });

  it('counts in English: one and other', () => {
    expect([1, 2, 5, 11, 21].map((n) => en.count('events', n))).toEqual(['1 event', '2 events', '5 events', '11 events', '21 events']);
    expect(en.count('sources', 1)).toBe('Source');
    expect(en.count('sources', 3)).toBe('Sources');
  });

  it('puts elements where the message places them', () => {
    expect(uk.parts('asOf', { type: 'time' } as never)).toEqual(['Станом на ', { type: 'time' }]);
    expect(en.parts('knowledgeUpdated', '1.0.0', 'A', '1.1.0', 'B').join('')).toBe('Knowledge updated from version 1.0.0 (as of A) to 1.1.0 (as of B).');
  });

  it('writes dates in the browser\'s variant of the messages\' language, else in that language', () => {
    expect(en.dateLocale).toBe('en-GB');
    expect(dateLocaleFor('uk-UA', 'uk')).toBe('uk-UA');
    // A German browser gets English messages (there are no German ones yet): English dates go with them.
    expect(dateLocaleFor('de', 'en')).toBe('en');
  });

  it('shows an unknown key as itself, and falls back to "other" for a form a file lacks', () => {
    const partial = createMessages(fileSource({ locale: { message: 'uk' }, events_other: { message: '$COUNT$ події', placeholders: { count: { content: '$1' } } } }, 'uk'));
    expect(partial.count('events', 5)).toBe('5 події');
    expect(partial.text('tabSearch')).toBe('tabSearch');
  });
});
