/**
 * The interface's words: every language folder under public/_locales holds every English message with the same
 * placeholders and exactly its own plural forms, counts take the right form, and the popup shows each language
 * when given it. The folders are read from the file system, so a language added later is held to the same rules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import ukrainian from '../../public/_locales/uk/messages.json';
import { createMessages, dateLocaleFor, fileSource, type MessageFile } from '../../src/i18n/messages';

const LOCALES = resolve(__dirname, '../../public/_locales');
/** Every message file, by its folder's name ("en", "uk", and a region's as the browser names it, "pt_BR"). */
const FILES: Record<string, MessageFile> = Object.fromEntries(
  readdirSync(LOCALES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => [entry.name, JSON.parse(readFileSync(join(LOCALES, entry.name, 'messages.json'), 'utf8')) as MessageFile]),
);
const PLURAL = /^(.+)_(zero|one|two|few|many|other)$/;

/** Key → its plural base, or itself. */
const baseOf = (key: string) => PLURAL.exec(key)?.[1] ?? key;
/** The placeholders a message declares, as "name=$N", sorted. */
const declared = (entry: MessageFile[string]) =>
  Object.entries(entry.placeholders ?? {})
    .map(([name, p]) => `${name.toLowerCase()}=${p.content}`)
    .sort();
/** The language a folder is for, as `Intl` names it: "pt_BR" is "pt-BR". */
const languageOf = (folder: string) => folder.replace('_', '-');
const messagesIn = (folder: string) => createMessages(fileSource(FILES[folder]!, languageOf(folder)));

describe('message files', () => {
  const plainKeys = (file: MessageFile) => Object.keys(file).filter((k) => !PLURAL.test(k)).sort();
  const pluralBases = (file: MessageFile) => [...new Set(Object.keys(file).filter((k) => PLURAL.test(k)).map(baseOf))].sort();

  it('are found for English, Ukrainian, Russian, German, French and Polish', () => {
    expect(Object.keys(FILES)).toEqual(expect.arrayContaining(['en', 'uk', 'ru', 'de', 'fr', 'pl']));
  });

  for (const [folder, file] of Object.entries(FILES)) {
    const language = languageOf(folder);

    it(`${folder}: names its own language in "locale", one Intl knows`, () => {
      expect(file.locale?.message).toBe(language);
      expect(Intl.PluralRules.supportedLocalesOf(language)).toEqual([language]);
    });

    if (folder !== 'en') {
      it(`${folder}: has every English message, and nothing English lacks`, () => {
        expect(plainKeys(file)).toEqual(plainKeys(english));
        expect(pluralBases(file)).toEqual(pluralBases(english));
      });
    }

    it(`${folder}: each count has exactly the plural forms of its language`, () => {
      const categories = [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();
      for (const base of pluralBases(file)) {
        const forms = Object.keys(file).filter((k) => baseOf(k) === base && k !== base).map((k) => PLURAL.exec(k)![2]).sort();
        expect(forms, base).toEqual(categories);
      }
    });

    it(`${folder}: every message uses only placeholders it declares, the same as in English`, () => {
      for (const [key, entry] of Object.entries(file)) {
        const used = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase());
        const names = Object.keys(entry.placeholders ?? {}).map((n) => n.toLowerCase());
        expect(used.sort(), key).toEqual([...new Set(names)].sort());
        const englishEntry = english[key as keyof typeof english] ?? english[`${baseOf(key)}_other` as keyof typeof english];
        expect(englishEntry, key).toBeDefined();
        expect(declared(entry), key).toEqual(declared(englishEntry as MessageFile[string]));
      }
    });

    it(`${folder}: no message is empty${folder === 'en' ? '' : ', and none uses typewriter quotes'}`, () => {
      for (const [key, entry] of Object.entries(file)) {
        expect(entry.message.trim(), key).not.toBe('');
        // A translation writes its own language's quotes and apostrophes ("«»", "„“", "’").
        if (folder !== 'en') expect(entry.message, key).not.toMatch(/["']/);
      }
    });
  }

  it('fr: a narrow no-break space before : ; ! ? and inside « », and no other space there', () => {
    for (const [key, { message }] of Object.entries(FILES.fr!)) {
      expect(message, key).not.toMatch(/(?<!\u202f)[:;!?](?=\s|$)/);
      expect(message, key).not.toMatch(/«(?!\u202f)|(?<!\u202f)»/);
    }
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

  // 21 is "one" in Russian and "many" in Polish; 22 is "few" in both; 11 and 12 are "many" in both.
  const NUMBERS = [1, 2, 5, 21, 22, 25, 11, 12];

  it.each([
    ['ru', 'events', ['1 событие', '2 события', '5 событий', '21 событие', '22 события', '25 событий', '11 событий', '12 событий']],
    ['ru', 'mentions', ['1 упоминание', '2 упоминания', '5 упоминаний', '21 упоминание', '22 упоминания', '25 упоминаний', '11 упоминаний', '12 упоминаний']],
    ['pl', 'events', ['1 wydarzenie', '2 wydarzenia', '5 wydarzeń', '21 wydarzeń', '22 wydarzenia', '25 wydarzeń', '11 wydarzeń', '12 wydarzeń']],
    ['pl', 'mentions', ['1 wzmianka', '2 wzmianki', '5 wzmianek', '21 wzmianek', '22 wzmianki', '25 wzmianek', '11 wzmianek', '12 wzmianek']],
  ] as const)('counts %s %s: one, few and many', (folder, key, expected) => {
    const t = messagesIn(folder);
    expect(NUMBERS.map((n) => t.count(key, n))).toEqual(expected);
  });

  it('counts a part of a whole with the "other" form in Russian and Polish', () => {
    expect(messagesIn('ru').count('events', 1.5)).toBe('1,5 события');
    expect(messagesIn('pl').count('events', 1.5)).toBe('1,5 wydarzenia');
  });

  it('counts in German and French: one and other, and the French "de" from a million', () => {
    const de = messagesIn('de');
    const fr = messagesIn('fr');
    expect([1, 2, 21].map((n) => de.count('events', n))).toEqual(['1 Ereignis', '2 Ereignisse', '21 Ereignisse']);
    expect([0, 1, 2, 21].map((n) => fr.count('events', n))).toEqual(['0 événement', '1 événement', '2 événements', '21 événements']);
    // French writes thousands apart with a narrow no-break space.
    expect(fr.count('events', 1_000_000)).toBe('1\u202f000\u202f000 d’événements');
  });

  it.each([
    ['de', 'detailsAbout', ['Wladimir Putin'], 'Details zu Wladimir Putin'],
    ['de', 'noMatches', ['xyz'], 'Keine Treffer für „xyz“.'],
    ['fr', 'noMatches', ['xyz'], 'Aucun résultat pour «\u202fxyz\u202f».'],
    ['fr', 'pageInLanguage', ['polonais', 'Negotiation Lens ne lit pour l’instant que les pages en anglais et ukrainien.'], 'Cette page est rédigée en polonais\u202f; Negotiation Lens ne lit pour l’instant que les pages en anglais et ukrainien.'],
    ['ru', 'noMatches', ['xyz'], 'По запросу «xyz» ничего не найдено.'],
    ['pl', 'noMatches', ['xyz'], 'Brak wyników dla „xyz”.'],
  ] as const)('%s: %s with its placeholders filled', (folder, key, substitutions, expected) => {
    expect(messagesIn(folder).text(key, ...substitutions)).toBe(expected);
  });

  it.each([
    ['ru', 'Эта страница написана на немецком языке; Negotiation Lens пока читает страницы на английском, украинском и русском.'],
    ['de', 'Diese Seite ist auf Deutsch verfasst; Negotiation Lens liest vorerst Seiten auf Englisch, Ukrainisch und Russisch.'],
    ['fr', 'Cette page est rédigée en allemand\u202f; Negotiation Lens ne lit pour l’instant que les pages en anglais, ukrainien et russe.'],
    ['pl', 'Ta strona jest w języku niemieckim; Negotiation Lens czyta na razie strony w języku angielskim, ukraińskim i rosyjskim.'],
  ] as const)('%s: names a page\'s language and the languages read, in the forms the sentences need', (folder, expected) => {
    const t = messagesIn(folder);
    const reads = t.text('pageReads', t.list([t.text('languageEn'), t.text('languageUk'), t.text('languageRu')]));
    expect(t.text('pageInLanguage', t.text('languageDe'), reads)).toBe(expected);
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
    expect(dateLocaleFor('de-AT', 'de')).toBe('de-AT');
    expect(dateLocaleFor('fr_CA', 'fr')).toBe('fr_CA');
    expect(createMessages(fileSource(FILES.pl!, 'pl-PL')).dateLocale).toBe('pl-PL');
    // A Spanish browser gets English messages (there are no Spanish ones): English dates go with them.
    expect(dateLocaleFor('es', 'en')).toBe('en');
  });

  it('shows an unknown key as itself, and falls back to "other" for a form a file lacks', () => {
    const partial = createMessages(fileSource({ locale: { message: 'uk' }, events_other: { message: '$COUNT$ події', placeholders: { count: { content: '$1' } } } }, 'uk'));
    expect(partial.count('events', 5)).toBe('5 події');
    expect(partial.text('tabSearch')).toBe('tabSearch');
  });
});
