/**
 * The words of the interface, in the reader's language: the browser's own i18n (public/_locales/LANG/messages.json,
 * the language the browser itself speaks, English when we have no messages in it). Knowledge text from the pack
 * stays as the pack writes it.
 *
 * Keys are typed from the English messages, so a key that is not there fails the type check; a unit test holds the
 * other languages to the same keys and placeholders (tests/unit/i18n.test.ts).
 *
 * A count has one message per plural form of the language, `KEY_one`, `KEY_few`, `KEY_many`, `KEY_other`, as
 * `Intl.PluralRules` names them: English and German have one and other, French also many (a million and more,
 * "1 000 000 d’événements"), Ukrainian, Russian and Polish one, few, many and other (1 позиція, 2 позиції,
 * 5 позицій). The number is the first placeholder.
 *
 * Nothing the content script uses may import this module: its size budget has no room for it. Views take the
 * messages from src/ui/i18n.ts (a Preact context); the card model and the background take them as a parameter.
 */
import type { ComponentChildren } from 'preact';
import english from '../../public/_locales/en/messages.json';

type Catalogue = typeof english;
type AllKeys = Extract<keyof Catalogue, string>;

/** A message with a plural form for each count, named without its `_one`/`_other` suffix. */
export type CountKey = AllKeys extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;
/** Every other message. */
export type MessageKey = Exclude<AllKeys, `${string}_${Intl.LDMLPluralRule}`>;

/** One message file as the browser reads it: each key's message, with named placeholders for `$1`…`$9`. */
export type MessageFile = Record<string, { message: string; description?: string; placeholders?: Record<string, { content: string; example?: string }> }>;

/** Where messages come from: `browser.i18n`, or a message file read directly (tests, and the English fallback). */
export interface MessageSource {
  /** The browser's behaviour: '' for an unknown key. */
  getMessage(key: string, substitutions?: string | string[]): string;
  /** The browser's language, e.g. "en-GB" or "uk". */
  getUILanguage(): string;
}

/**
 * Reads a message file the way the browser does: `$NAME$` stands for its placeholder's content, `$1`…`$9` for the
 * substitutions, `$$` for a dollar sign.
 */
export function fileSource(file: MessageFile, uiLanguage: string): MessageSource {
  return {
    getMessage(key, substitutions) {
      const entry = Object.hasOwn(file, key) ? file[key] : undefined;
      if (!entry) return '';
      const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
      const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
      const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
        const placeholder = Object.entries(entry.placeholders ?? {}).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
        return placeholder ? fill(placeholder.content) : whole;
      });
      return named.replace(/\$\$/g, '$');
    },
    getUILanguage: () => uiLanguage,
  };
}

export interface Messages {
  /** The language the messages are in ("en", "uk", "pl"…): plural forms and number formats follow it. */
  language: string;
  /** The language dates are written in: the browser's own ("en-GB") when it is the messages' language. */
  dateLocale: string;
  text(key: MessageKey, ...substitutions: (string | number)[]): string;
  /** The plural form for `n` (its number is the first substitution, written in the language's way). */
  count(key: CountKey, n: number, ...substitutions: (string | number)[]): string;
  /** A message with elements in it: each `$1`, `$2`… becomes the element given for it. */
  parts(key: MessageKey, ...elements: ComponentChildren[]): ComponentChildren[];
  /** A list joined with the language's "and": "English, Ukrainian and Russian". */
  list(items: readonly string[]): string;
}

/** Marks an element's place in a message, in characters no message holds. */
const SLOT = (i: number) => `\u0001${i}\u0002`;

/** Dates in the browser's own variant of the messages' language ("en-GB"), or else in the messages' language. */
export function dateLocaleFor(uiLanguage: string, language: string): string {
  return uiLanguage.toLowerCase().split(/[-_]/)[0] === language ? uiLanguage : language;
}

export function createMessages(source: MessageSource): Messages {
  const language = source.getMessage('locale') || 'en';
  const plural = new Intl.PluralRules(language);
  const number = new Intl.NumberFormat(language);
  const get = (key: string, substitutions: (string | number)[]) => {
    const text = source.getMessage(key, substitutions.map(String));
    // A key missing from every file shows as itself, plainly wrong, rather than as nothing.
    return text || key;
  };
  const text = (key: MessageKey, ...substitutions: (string | number)[]) => get(key, substitutions);
  return {
    language,
    dateLocale: dateLocaleFor(source.getUILanguage(), language),
    text,
    count(key, n, ...substitutions) {
      const form = `${key}_${plural.select(n)}`;
      const args = [number.format(n), ...substitutions];
      return source.getMessage(form, args.map(String)) || get(`${key}_other`, args);
    },
    parts(key, ...elements) {
      const filled = get(key, elements.map((_, i) => SLOT(i)));
      return filled.split(/\u0001(\d+)\u0002/).map((piece, i) => (i % 2 === 1 ? elements[Number(piece)] : piece)).filter((piece) => piece !== '');
    },
    list(items) {
      if (items.length < 2) return items[0] ?? '';
      return text('listAnd', items.slice(0, -1).join(', '), items.at(-1)!);
    },
  };
}

/** English, read from its message file: what a view shows when no messages were handed to it (its tests). */
export const ENGLISH: Messages = createMessages(fileSource(english as MessageFile, 'en'));

