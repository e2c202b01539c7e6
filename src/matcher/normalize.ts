/**
 * Text normalisation shared by the matcher and the pack checker, so that "the same alias" means the same
 * thing in both places. Which characters count as apostrophes, hyphens and spaces is in characters.ts.
 */
import { APOSTROPHE_VARIANTS, CYRILLIC_E, CYRILLIC_YO, HYPHEN_VARIANTS, INVISIBLES, SPACE_VARIANTS } from './characters';

/** Characters that are invisible in rendered text and may sit inside a word: soft hyphen and zero-width marks. */
export const INVISIBLE_CHARS = new RegExp(`[${INVISIBLES}]`, 'g');
const ANY_APOSTROPHE = new RegExp(`[${APOSTROPHE_VARIANTS}]`, 'g');
const ANY_HYPHEN = new RegExp(`[${HYPHEN_VARIANTS}]`, 'g');
const SPACE_RUN = new RegExp(`[ ${SPACE_VARIANTS}]+`, 'g');
const YO = new RegExp(CYRILLIC_YO, 'g');
const CAPITAL_YO = /\u0401/g;

/** Same spelling for comparison: apostrophes, hyphens, white space and "ё" unified, invisible characters dropped; case kept. */
export function canonicalSpelling(text: string): string {
  return text
    .replace(INVISIBLE_CHARS, '')
    .replace(ANY_APOSTROPHE, "'")
    .replace(ANY_HYPHEN, '-')
    .replace(SPACE_RUN, ' ')
    .replace(YO, CYRILLIC_E)
    .replace(CAPITAL_YO, '\u0415')
    .trim();
}

/** Something canonicalSpelling would change: invisible characters, apostrophe or hyphen variants, other spacing. */
const NOT_CANONICAL = new RegExp(`[${INVISIBLES}${APOSTROPHE_VARIANTS}${HYPHEN_VARIANTS}${SPACE_VARIANTS}${CYRILLIC_YO}\u0401]|  |^ | $`);

/**
 * The lookup key of an alias or of a matched piece of text: its canonical spelling in lower case. There is no
 * Unicode normalisation here (it is slow on its first use in a page): the pack checker requires
 * alias text in NFKC form, and page text reaches this only when the expression built from those keys matched it.
 */
export function aliasKey(text: string): string {
  if (!NOT_CANONICAL.test(text)) return text.toLowerCase();
  return canonicalSpelling(text).toLowerCase();
}
