/**
 * The one table of characters that stand for others in names: what a page may write where an alias has "'", "-"
 * or " ", and the invisible characters that may sit inside a word.
 *
 * Normalisation (normalize.ts, also used by the pack checker), the compiled expression (compile.ts) and the text
 * it is run over (find-mentions.ts, which folds the other spaces into " ") all read
 * it. When each kept its own list they drifted apart, and text that normalised to an alias was never found.
 * Each entry is the body of a regular-expression character class, so that both can use it as it is (it ships in
 * the content script, where every byte counts); tests list the characters it holds and try each one.
 */

/** Stand for "'": left and right single quotes, modifier letter apostrophe, prime. */
export const APOSTROPHE_VARIANTS = '\u2018\u2019\u02BC\u2032';

/** Stand for "-": hyphen, non-breaking hyphen, figure dash. Dashes that separate (en, em) are not hyphens. */
export const HYPHEN_VARIANTS = '\u2010\u2011\u2012';

/**
 * Stand for " " (a run of them for one space): the rest of what JavaScript's `\s` matches, less U+FEFF, which is
 * invisible (below) and dropped before matching.
 */
export const SPACE_VARIANTS = '\\t-\\r\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/**
 * Soft hyphen and zero-width marks: invisible in rendered text, and they may split a word ("Zelen\u00ADsky"). With
 * them the combining acute accent, which Ukrainian and Russian texts put on a stressed vowel ("Зеле\u0301нський").
 */
export const INVISIBLES = '\u00AD\u200B\u200C\u200D\u2060\uFEFF\u0301';

/** Russian writes "ё" or, far more often, "е" for the same letter: an alias's "е" matches either ("Пётр", "Петр"). */
export const CYRILLIC_E = '\u0435';
export const CYRILLIC_YO = '\u0451';
