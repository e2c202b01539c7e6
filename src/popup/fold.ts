/**
 * Text folded for comparison, as a reader would type it: lower case, without accents ("Türkiye" → "turkiye"),
 * apostrophes dropped ("Putin's" → "putins"), any other run of punctuation one space. The popup's search and the
 * timeline's text filter compare folded text, so neither cares how a name is accented or capitalised.
 */

// Letters that are not a base letter plus a mark, so that taking the marks away leaves them as they were.
const LETTERS: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe' };

export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ıłøđßæœ]/g, (letter) => LETTERS[letter]!)
    .replace(/['’ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether every word of `query` is in `text`, wherever and in any order; both folded. */
export function hasAllWords(text: string, query: string): boolean {
  return query.split(' ').every((word) => text.includes(word));
}
