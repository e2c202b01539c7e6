/**
 * Telling a page's language from its declaration and its text: each language from its text, a declaration that
 * agrees, is missing or is wrong, Ukrainian against Russian, too little text, and pages that quote another language.
 * The passages are written for these tests.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { languageOf, languageSample, pageLanguage, SAMPLE_CHARS, type PageLanguage } from '../../src/page/page-language';

const PASSAGES: Record<Exclude<PageLanguage, 'other'> | 'es' | 'it', string> = {
  en:
    'Ukrainian and American delegations met in Geneva on Sunday for a second round of talks on the draft peace plan. ' +
    'Officials said the meeting was constructive and that both sides had agreed to keep working on the security ' +
    'guarantees. The Kremlin said it had not yet received the revised text, and a spokesman added that Moscow would ' +
    'study it with care before any decision on a ceasefire.',
  uk:
    'Українська та американська делегації зустрілися в Женеві в неділю, щоб обговорити оновлений мирний план. ' +
    'Посадовці повідомили, що розмова була конструктивною, а сторони домовилися продовжити роботу над гарантіями ' +
    'безпеки. У Кремлі заявили, що ще не отримали текст документа. Речник додав, що Москва вивчить його, перш ніж ' +
    'ухвалювати рішення про перемирʼя. Переговори тривали п’ять годин.',
  ru:
    'Украинская и американская делегации встретились в Женеве в воскресенье, чтобы обсудить обновленный мирный план. ' +
    'Чиновники сообщили, что разговор был конструктивным, а стороны договорились продолжить работу над гарантиями ' +
    'безопасности. В Кремле заявили, что еще не получили текст документа. Пресс-секретарь добавил, что Москва изучит ' +
    'его, прежде чем принимать решение о перемирии. Переговоры длились пять часов.',
  de:
    'Die ukrainische und die amerikanische Delegation haben sich am Sonntag in Genf zu einer zweiten Runde der ' +
    'Gespräche über den Friedensplan getroffen. Nach Angaben von Beamten war das Treffen konstruktiv, und beide Seiten ' +
    'wollen weiter an den Sicherheitsgarantien arbeiten. Der Kreml erklärte, er habe den überarbeiteten Text noch ' +
    'nicht erhalten. Ein Sprecher fügte hinzu, Moskau werde ihn sorgfältig prüfen, bevor über eine Waffenruhe ' +
    'entschieden wird.',
  fr:
    'Les délégations ukrainienne et américaine se sont retrouvées dimanche à Genève pour un deuxième cycle de ' +
    'discussions sur le plan de paix. Selon des responsables, la réunion a été constructive et les deux parties sont ' +
    "convenues de poursuivre le travail sur les garanties de sécurité. Le Kremlin a indiqué qu'il n'avait pas encore " +
    "reçu le texte révisé. Un porte-parole a ajouté que Moscou l'étudierait avec attention avant toute décision sur " +
    'un cessez-le-feu.',
  pl:
    'Delegacje Ukrainy i Stanów Zjednoczonych spotkały się w niedzielę w Genewie na drugiej rundzie rozmów o planie ' +
    'pokojowym. Według urzędników spotkanie było konstruktywne, a obie strony zgodziły się kontynuować prace nad ' +
    'gwarancjami bezpieczeństwa. Kreml poinformował, że nie otrzymał jeszcze poprawionego tekstu. Rzecznik dodał, że ' +
    'Moskwa uważnie go przeanalizuje, zanim podejmie decyzję w sprawie zawieszenia broni.',
  es:
    'Las delegaciones de Ucrania y Estados Unidos se reunieron el domingo en Ginebra para una segunda ronda de ' +
    'conversaciones sobre el plan de paz. Según los funcionarios, el encuentro fue constructivo y ambas partes ' +
    'acordaron seguir trabajando en las garantías de seguridad. El Kremlin dijo que todavía no había recibido el ' +
    'texto revisado y un portavoz añadió que Moscú lo estudiará con cuidado.',
  it:
    'Le delegazioni ucraina e americana si sono incontrate domenica a Ginevra per un secondo round di colloqui sul ' +
    "piano di pace. Secondo i funzionari, l'incontro è stato costruttivo e le due parti hanno concordato di " +
    'proseguire il lavoro sulle garanzie di sicurezza. Il Cremlino ha detto di non aver ancora ricevuto il testo ' +
    'rivisto, e un portavoce ha aggiunto che Mosca lo esaminerà con attenzione prima di decidere su un cessate il fuoco.',
};

/** A Ukrainian and a Russian report that say the same thing with nearly the same letters. */
const NEAR = {
  uk:
    'Делегації провели переговори в Стамбулі. Сторони обмінялися полоненими, домовилися про нову зустріч та ' +
    'пообіцяли передати списки дітей, яких вивезли з окупованих територій. Наступна зустріч може відбутися вже в червні.',
  ru:
    'Делегации провели переговоры в Стамбуле. Стороны обменялись пленными, договорились о новой встрече и ' +
    'пообещали передать списки детей, которых вывезли с оккупированных территорий. Следующая встреча может пройти уже в июне.',
};

/** An English report that quotes a minister in Ukrainian, and a Russian one that quotes him too. */
const QUOTING = {
  en:
    "Ukraine's foreign minister said on Monday that the talks in Geneva had been difficult but useful, and that Kyiv " +
    'would not accept any plan that rewarded aggression. “Ми не підпишемо жодної угоди, яка винагороджує агресію, і ' +
    'наші партнери в Європі це розуміють,” he told reporters before leaving for Brussels, where he was to meet the ' +
    'foreign ministers of the European Union.',
  ru:
    'Министр иностранных дел Украины заявил, что переговоры в Женеве были трудными, но полезными. «Ми не підпишемо ' +
    'жодної угоди, яка винагороджує агресію», — сказал он журналистам. По его словам, Киев уже передал партнерам свои ' +
    'предложения и ждет ответа из Вашингтона.',
};

const of = (text: string, declared: string | null = null) => languageOf({ declared, text });

describe('languageOf', () => {
  it.each([
    ['en', PASSAGES.en],
    ['uk', PASSAGES.uk],
    ['ru', PASSAGES.ru],
    ['de', PASSAGES.de],
    ['fr', PASSAGES.fr],
    ['pl', PASSAGES.pl],
    ['other', PASSAGES.es],
    ['other', PASSAGES.it],
  ])('tells %s from the text alone, with no declaration', (language, text) => {
    expect(of(text)).toBe(language);
  });

  it.each([
    ['en', 'en-GB', PASSAGES.en],
    ['uk', 'uk-UA', PASSAGES.uk],
    ['uk', 'uk', PASSAGES.uk],
    ['ru', 'RU', PASSAGES.ru],
    ['de', 'de-DE', PASSAGES.de],
    ['fr', 'fr_FR', PASSAGES.fr],
    ['pl', 'pl', PASSAGES.pl],
    ['other', 'es-ES', PASSAGES.es],
  ])('keeps %s where the declaration (%s) agrees with the text', (language, declared, text) => {
    expect(of(text, declared)).toBe(language);
  });

  it.each([
    ['uk', 'en', PASSAGES.uk],
    ['ru', 'en-US', PASSAGES.ru],
    ['ru', 'uk', PASSAGES.ru],
    ['uk', 'ru', PASSAGES.uk],
    ['de', 'en', PASSAGES.de],
    ['en', 'de', PASSAGES.en],
    ['pl', 'fr', PASSAGES.pl],
    ['other', 'en', PASSAGES.es],
    ['en', 'es', PASSAGES.en],
  ])('tells %s where the declaration (%s) is wrong', (language, declared, text) => {
    expect(of(text, declared)).toBe(language);
  });

  it('tells Ukrainian from Russian in two reports that share most of their letters', () => {
    expect(of(NEAR.uk)).toBe('uk');
    expect(of(NEAR.ru)).toBe('ru');
    expect(of(NEAR.uk, 'ru')).toBe('uk');
    expect(of(NEAR.ru, 'uk')).toBe('ru');
  });

  it('tells Russian by its words where it writes none of ы, э and ё', () => {
    const plain = 'Он сказал, что делегация из Киева уже в Стамбуле и что встреча начнется в понедельник, как и планировали в Москве месяц назад.';
    expect(plain).not.toMatch(/[ыэё]/);
    expect(of(plain)).toBe('ru');
    expect(of(plain, 'uk')).toBe('ru');
  });

  it('counts the Ukrainian apostrophe inside a word, written any of three ways', () => {
    // Letters both languages share, but for the apostrophes: only these tell the words apart.
    const words = (apostrophe: string) => Array<string>(24).fill(`об${apostrophe}ем`).join(' ');
    for (const apostrophe of ['ʼ', '’', "'"]) expect(of(words(apostrophe))).toBe('uk');
    expect(of(words(''))).toBe('other');
  });

  it('keeps the language of a page that quotes another one', () => {
    expect(of(QUOTING.en)).toBe('en');
    expect(of(QUOTING.en, 'en')).toBe('en');
    expect(of(QUOTING.ru)).toBe('ru');
    expect(of(QUOTING.ru, 'ru-RU')).toBe('ru');
    // A statement printed in two languages: the declaration says which the page is in.
    const both = `${PASSAGES.en} ${PASSAGES.uk}`;
    expect(of(both, 'en')).toBe('en');
    expect(of(both, 'uk')).toBe('uk');
    // A German article quoting an English sentence.
    expect(of(`${PASSAGES.de} “We are not there yet,” the envoy said.`, 'de')).toBe('de');
  });

  it('leaves it to the declaration when there is too little text to tell', () => {
    expect(of('')).toBeNull();
    expect(of('', 'uk')).toBe('uk');
    expect(of('', 'pt-BR')).toBe('other');
    expect(of('Talks resume in Geneva', null)).toBeNull();
    expect(of('Переговори відновилися в Женеві', 'en')).toBe('en');
    expect(of('Переговори відновилися в Женеві', null)).toBeNull();
    expect(of('   \n\t  ', '')).toBeNull();
  });

  it('reads only the start of a long text', () => {
    const english = `${PASSAGES.en} `.repeat(Math.ceil(SAMPLE_CHARS / PASSAGES.en.length) + 1);
    expect(of(english + PASSAGES.uk.repeat(20))).toBe('en');
  });
});

function page(html: string, attributes: Record<string, string> = {}): Document {
  const window = new Window({ url: 'https://news.example/', settings: { disableJavaScriptEvaluation: true } });
  const doc = window.document as unknown as Document;
  for (const [name, value] of Object.entries(attributes)) doc.documentElement.setAttribute(name, value);
  const parsed = new window.DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  doc.body.replaceWith(doc.importNode(parsed.body as unknown as Node, true));
  return doc;
}

const paragraphs = (text: string) => text.split(/(?<=\.) /).map((sentence) => `<p>${sentence}</p>`).join('');

describe('languageSample and pageLanguage', () => {
  it('reads the declaration from lang, else xml:lang', () => {
    expect(languageSample(page('', { lang: 'uk-UA' })).declared).toBe('uk-UA');
    expect(languageSample(page('', { 'xml:lang': 'ru' })).declared).toBe('ru');
    expect(languageSample(page('', { lang: '', 'xml:lang': 'de' })).declared).toBe('de');
    expect(languageSample(page('')).declared).toBeNull();
  });

  it("reads the article's paragraphs, not the navigation around it", () => {
    const doc = page(`<nav><p>${PASSAGES.en}</p></nav><article><h1>Заголовок</h1>${paragraphs(PASSAGES.uk)}</article>`, { lang: 'en' });
    const { text } = languageSample(doc);
    expect(text).toContain('Женеві');
    expect(text).not.toContain('Geneva');
    expect(pageLanguage(doc)).toBe('uk');
  });

  it('reads the whole article where its paragraphs hold too little, and never more than the sample', () => {
    const divs = page(`<main><div>${PASSAGES.ru}</div><div>${PASSAGES.ru}</div></main>`, { lang: 'en' });
    expect(languageSample(divs).text).toContain('Женеве');
    expect(pageLanguage(divs)).toBe('ru');
    const long = page(`<article>${paragraphs(PASSAGES.pl.repeat(30))}</article>`);
    expect(languageSample(long).text.length).toBeLessThanOrEqual(SAMPLE_CHARS);
    expect(pageLanguage(long)).toBe('pl');
  });

  it('keeps English for an English story with a Ukrainian quote, and the declaration for a page with no text', () => {
    expect(pageLanguage(page(`<article>${paragraphs(QUOTING.en)}</article>`, { lang: 'en' }))).toBe('en');
    expect(pageLanguage(page('<main></main>', { lang: 'fr' }))).toBe('fr');
    expect(pageLanguage(page(''))).toBeNull();
  });

  it.each([
    ['ukrainian-story.html', 'en', 'uk'],
    ['russian-story.html', 'ru', 'ru'],
    ['calm-article.html', 'en', 'en'],
    ['gaza-ceasefire.html', 'en', 'en'],
  ])('tells the fixture page %s (declared %s) as %s', (file, declared, language) => {
    const window = new Window({ url: 'https://news.example/', settings: { disableJavaScriptEvaluation: true } });
    const doc = new window.DOMParser().parseFromString(readFileSync(`tests/fixtures/pages/${file}`, 'utf8'), 'text/html') as unknown as Document;
    expect(languageSample(doc).declared).toBe(declared);
    expect(pageLanguage(doc)).toBe(language);
  });
});
