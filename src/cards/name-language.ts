/**
 * A card opened from a mark written in another language carries the name as that language writes it: "Зеленський"
 * for a mark "Зеленського", with the English name and a "context in English" label, since the knowledge itself is
 * in English for now. The language is the one of the alias the mark's text is a form of, which the pack declares;
 * a mark in English, or one the pack cannot place, leaves the card as it is.
 */
import { formsOf } from '../knowledge/inflection';
import type { PackIndex } from '../knowledge/pack-index';
import { aliasKey } from '../matcher/normalize';
import type { CardModel } from './card-model';
import { ENGLISH, type Messages } from '../i18n/messages';

export function inMarkLanguage(model: CardModel, index: PackIndex, asWritten: unknown): CardModel {
  if (typeof asWritten !== 'string' || asWritten.length === 0 || asWritten.length > 200) return model;
  const entity = index.entity(model.id);
  if (!entity) return model;
  const key = aliasKey(asWritten);
  const writes = (alias: (typeof entity.item.aliases)[number]) => formsOf(alias).some((form) => aliasKey(form) === key);
  // A word English writes too ("Putin", also German and Polish) is English: the card stays as it is.
  if (entity.item.aliases.some((a) => (a.lang ?? 'en') === 'en' && writes(a))) return model;
  const alias = entity.item.aliases.find((a) => a.lang !== undefined && writes(a));
  if (!alias?.lang) return model;
  return { ...model, name: alias.text, nameLanguage: alias.lang, nameInEnglish: entity.item.name };
}

/**
 * "Volodymyr Zelensky · context in English": under a name shown in another language. Where the pack translates the
 * item's text into the card's language, the card is no longer in English: the English name stays on its own.
 */
export function inEnglishLine(model: CardModel, t: Messages = ENGLISH): string | null {
  if (!model.nameInEnglish) return null;
  return model.textLanguage ? model.nameInEnglish : t.text('cardContextInEnglish', model.nameInEnglish);
}
