/**
 * The one table of characters that stand for one another in names: the apostrophes, the hyphens and the spaces a
 * page may use where an alias has "'", "-" or " ", and the invisible characters that may sit inside a word.
 *
 * Normalisation (normalize.ts, also used by the pack checker) and the compiled expression (compile.ts) both read
 * it. When each kept its own list they drifted apart, and text that normalised to an alias was never found.
 * Each list starts with the character an alias is written with.
 */

/** Typewriter apostrophe, left and right single quotes, modifier letter apostrophe, prime. */
export const APOSTROPHES = "'\u2018\u2019\u02BC\u2032";

/** Hyphen-minus, hyphen, non-breaking hyphen, figure dash. Dashes that separate (en, em) are not hyphens. */
export const HYPHENS = '-\u2010\u2011\u2012';

/**
 * What JavaScript's `\s` matches, less U+FEFF: that one is invisible (below), dropped before matching. A run of
 * any of them stands for one space of an alias.
 */
export const SPACES =
  '\u0020\u0009\u000A\u000B\u000C\u000D\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000';

/** Soft hyphen and zero-width marks: invisible in rendered text, and they may split a word ("Zelen\u00ADsky"). */
export const INVISIBLES = '\u00AD\u200B\u200C\u200D\u2060\uFEFF';

/** A regular-expression character class of `chars`, each written as an escape so that none has a meaning there. */
export function charClass(chars: string): string {
  let body = '';
  for (const ch of chars) body += `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return `[${body}]`;
}
