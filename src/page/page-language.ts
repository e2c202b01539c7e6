/**
 * Which language a page is written in, among those the extension reads or means to read, told from its
 * `<html lang>` (or `xml:lang`) checked against a sample of the article's text. Pages often declare the language of
 * their template, not their story (`lang="en"` on a Ukrainian article), so the text overrules the declaration when it
 * plainly says otherwise; the declaration decides when there is too little text to tell.
 *
 * Two steps, so that each can run where it is cheapest (docs/decisions.md, 17):
 * - `languageSample` reads the page: the declared language and the first few thousand characters of the article's
 *   paragraphs. It is the only part that needs the DOM, and the content script runs it.
 * - `languageOf` decides, from the sample alone, by counting each language's signs: a handful of very common words,
 *   and the letters only that language uses among the six. No dictionaries, no statistics tables.
 *   - Ukrainian writes і ї є ґ and an apostrophe inside words (пʼять, обʼєднання); Russian writes ы э ё, and the
 *     words и, что, это, как, его, он, уже. Ъ is left out: Russian seldom writes it and Bulgarian often does.
 *   - English, German, French and Polish are told by their commonest short words, and the last three by their
 *     letters too (ä ö ü ß; é è ç ê à; ą ę ł ń ś ź ż).
 *   A text with too few signs of any of them is in some other language ("other").
 */
import { findArticle } from './article-scope';

export const PAGE_LANGUAGES = ['en', 'de', 'fr', 'pl', 'uk', 'ru'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number] | 'other';

/**
 * Each language's signs, in the order of PAGE_LANGUAGES, matched in a sample where every run of characters that
 * are neither letters nor apostrophes is one space (so a word is ` word` followed by a space).
 */
const SIGNS = [
  / (?:the|and|of|that|with|is|was|for)(?= )/g,
  / (?:und|der|die|das|nicht|ist|mit|sich|auf)(?= )|[äöüß]/g,
  / (?:les|des|est|une|dans|pour|qui|du|au)(?= )|[éèçêà]/g,
  / (?:się|nie|że|jest|w|z|oraz)(?= )|[ąęłńśźż]/g,
  /[іїєґ]|[а-яіїєґ]['’ʼ][а-яіїєґ]/g,
  /[ыэё]| (?:и|что|это|как|его|он|уже)(?= )/g,
];

/** How much of the text is read: enough to tell, little enough to be quick on any page. */
export const SAMPLE_CHARS = 3000;
/** Fewer words than this and the text cannot tell: the declaration decides. */
export const FEWEST_WORDS = 20;
/**
 * A language is told from the text only with at least one sign per this many words. In news copy English, German,
 * French and Polish show one every 3 to 5 words, Ukrainian about every 3 and Russian about every 6; Spanish,
 * Italian, Portuguese, Czech and Bulgarian, one every 19 words or fewer.
 */
export const WORDS_PER_SIGN = 12;

/**
 * The language of a sample: the declared one while the text does not plainly contradict it (the declared
 * language's signs are enough, and at least half the leader's), else the text's. A text without enough signs of
 * any of them (WORDS_PER_SIGN) is in another language. Null when nothing tells: no declaration, and too little text.
 */
export function languageOf({ declared, text }: LanguageSample): PageLanguage | null {
  const tag = declared?.split(/[-_]/)[0]!.toLowerCase();
  const own = PAGE_LANGUAGES.indexOf(tag as 'en');
  const stated = own < 0 ? (tag ? 'other' : null) : PAGE_LANGUAGES[own]!;
  const sample = ` ${text.slice(0, SAMPLE_CHARS).toLowerCase().replace(/[^\p{L}'’]+/gu, ' ')} `;
  const words = sample.split(' ').length - 2;
  if (words < FEWEST_WORDS) return stated;
  const scores = SIGNS.map((signs) => sample.match(signs)?.length ?? 0);
  const top = Math.max(...scores);
  const fits = (score: number) => score * WORDS_PER_SIGN >= words;
  if (own >= 0 && fits(scores[own]!) && scores[own]! * 2 >= top) return stated;
  return fits(top) ? PAGE_LANGUAGES[scores.indexOf(top)]! : 'other';
}

/** What the language is told from: the language the page declares (a BCP 47 tag such as "uk-UA"), and its text. */
export interface LanguageSample {
  declared: string | null;
  text: string;
}

/**
 * The page's declared language and the start of its article's paragraphs (or, where they hold too little, of the
 * article's whole text), at most SAMPLE_CHARS characters.
 */
export function languageSample(doc: Document): LanguageSample {
  const html = doc.documentElement;
  const article = doc.body && findArticle(doc.body);
  let text = '';
  for (const p of article?.querySelectorAll('p') ?? []) if ((text += ' ' + p.textContent).length > SAMPLE_CHARS) break;
  return { declared: html.getAttribute('lang') || html.getAttribute('xml:lang'), text: (text.length > 200 ? text : (article?.textContent ?? '')).slice(0, SAMPLE_CHARS) };
}

/** The page's language, read and decided in one go. */
export const pageLanguage = (doc: Document): PageLanguage | null => languageOf(languageSample(doc));
