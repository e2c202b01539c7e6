/**
 * Text normalisation shared by the matcher and the pack checker, so that "the same alias" means the same
 * thing in both places.
 */

/** Characters that are invisible in rendered text and may sit inside a word: soft hyphen and zero-width marks. */
export const INVISIBLE_CHARS = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF]/g;
const APOSTROPHES = /[\u2019\u2018\u02BC\u2032]/g;
const HYPHENS = /[\u2010\u2011\u2012]/g;
const SPACES = /\s+/g;

/** Same spelling for comparison: apostrophes, hyphens and white space unified, invisible characters dropped; case kept. */
export function canonicalSpelling(text: string): string {
  return text.replace(INVISIBLE_CHARS, '').replace(APOSTROPHES, "'").replace(HYPHENS, '-').replace(SPACES, ' ').trim();
}

/** Something canonicalSpelling would change: invisible characters, apostrophe or hyphen variants, other spacing. */
const NOT_CANONICAL = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF\u2018\u2019\u02BC\u2032\u2010-\u2012]|[^\S ]|  |^ | $/;

/**
 * The lookup key of an alias or of a matched piece of text: its canonical spelling in lower case. There is no
 * Unicode normalisation here (it costs about a millisecond on first use in a page): the pack checker requires
 * alias text in NFKC form, and page text reaches this only when the expression built from those keys matched it.
 */
export function aliasKey(text: string): string {
  if (!NOT_CANONICAL.test(text)) return text.toLowerCase();
  return canonicalSpelling(text).toLowerCase();
}
