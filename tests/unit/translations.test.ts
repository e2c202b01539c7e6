/**
 * Knowledge text in other languages: a pack may carry translations of an item's own text (schema.ts,
 * `translations`). The checker takes only the languages and fields there are, and never a quote or a source title;
 * a card in a language the pack translates into shows the translation, and says it is no longer in English.
 */
import { describe, expect, it } from 'vitest';
import ukrainian from '../../public/_locales/uk/messages.json';
import { buildCardModel, type CardModel } from '../../src/cards/card-model';
import { cardWords } from '../../src/cards/card-words';
import { inEnglishLine, inMarkLanguage } from '../../src/cards/name-language';
import { createMessages, fileSource } from '../../src/i18n/messages';
import { indexPack } from '../../src/knowledge/pack-index';
import type { Pack } from '../../src/knowledge/schema';
import { validatePack } from '../../src/knowledge/validate';
import { miniPack } from '../helpers/packs';

const uk = cardWords(createMessages(fileSource(ukrainian, 'uk')));

function translatedPack(): Pack {
  const pack = miniPack();
  const zelensky = pack.actors.find((a) => a.id === 'zelensky')!;
  zelensky.translations = { uk: { description: 'Президент України з 2019 року.' } };
  zelensky.aliases.push({ text: 'Зеленський', case: 'proper', lang: 'uk', forms: ['Зеленського'] });
  pack.actors.find((a) => a.id === 'putin')!.aliases.push({ text: 'Путін', case: 'proper', lang: 'uk', forms: ['Путіна'] });
  const ceasefire = pack.topics.find((t) => t.id === 'ceasefire')!;
  ceasefire.translations = { uk: { name: 'Пропозиції перемирʼя', definition: 'Пропозиції припинити вогонь.' } };
  const riyadh = pack.events.find((e) => e.id === 'riyadh-talks')!;
  riyadh.translations = { uk: { summary: 'Перша зустріч делегацій США і Росії.' } };
  const stance = pack.stances.find((s) => s.id === 'ceasefire-ukraine')!;
  stance.translations = { uk: { position: 'Погодилася на 30-денне перемирʼя.' } };
  return pack;
}

describe('translations in a pack', () => {
  it('are valid where they name a language other than English and fields the item has', () => {
    expect(validatePack(translatedPack())).toMatchObject({ ok: true });
  });

  it.each([
    ['a language the pack does not read', (p: Pack) => void ((p.actors[4] as unknown as Record<string, unknown>).translations = { es: { description: 'Presidente.' } }), /\$\.actors\[4\]\.translations/],
    ['English, the language the pack is written in', (p: Pack) => void ((p.actors[4] as unknown as Record<string, unknown>).translations = { en: { description: 'President.' } }), /\$\.actors\[4\]\.translations/],
    ['a field the item does not translate (a quote)', (p: Pack) => void ((p.stances[1] as unknown as Record<string, unknown>).translations = { uk: { quote: 'Цитата.' } }), /\$\.stances\[1\]\.translations\.uk/],
    ['an empty text', (p: Pack) => void ((p.topics[0] as unknown as Record<string, unknown>).translations = { uk: { name: ' ' } }), /\$\.topics\[0\]\.translations\.uk\.name/],
  ])('are refused for %s, at their path', (_name, spoil, path) => {
    const pack = miniPack();
    spoil(pack);
    const result = validatePack(pack);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path).join('\n')).toMatch(path);
  });
});

describe('a card in a language the pack translates into', () => {
  const index = indexPack(translatedPack());

  it('shows the translated text, the rest in English, and says which language its text is in', () => {
    const topic = buildCardModel(index, 'ceasefire', {}, uk) as Extract<CardModel, { kind: 'topic' }>;
    expect(topic.name).toBe('Пропозиції перемирʼя');
    expect(topic.definition).toBe('Пропозиції припинити вогонь.');
    expect(topic.textLanguage).toBe('uk');
    const ukraineRow = topic.lines.find((line) => line.id === 'ukraine')!;
    expect(ukraineRow.stances[0]!.position).toBe('Погодилася на 30-денне перемирʼя.');
    // A position without a translation stays as the pack writes it.
    const usRow = topic.lines.find((line) => line.id === 'us')!;
    expect(usRow.stances[0]!.position).toBe(index.pack.stances.find((s) => s.id === 'ceasefire-us')!.position);
    const event = buildCardModel(index, 'riyadh-talks', {}, uk) as Extract<CardModel, { kind: 'event' }>;
    expect(event.summary).toBe('Перша зустріч делегацій США і Росії.');
    expect(event.outcome).toBe(index.pack.events[0]!.outcome);
  });

  it('is unchanged in English, and in a language with no translation', () => {
    const english = buildCardModel(index, 'zelensky') as Exclude<CardModel, { kind: 'topic' | 'event' }>;
    expect(english.description).toBe(index.pack.actors.find((a) => a.id === 'zelensky')!.description);
    expect(english.textLanguage).toBeUndefined();
    expect(buildCardModel(index, 'putin', {}, uk)!.textLanguage).toBeUndefined();
  });

  it('keeps the English name under a name in the mark\'s language, without "context in English" once translated', () => {
    const translated = inMarkLanguage(buildCardModel(index, 'zelensky', {}, uk)!, index, 'Зеленського');
    const untranslated = inMarkLanguage(buildCardModel(index, 'putin', {}, uk)!, index, 'Путіна');
    expect(inEnglishLine(translated, uk.t)).toBe('Volodymyr Zelensky');
    expect(inEnglishLine(untranslated, uk.t)).toBe('Vladimir Putin · контекст англійською');
  });
});
