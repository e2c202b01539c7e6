/** A card opened from a mark in another language names its subject as that language writes it. */
import { Fragment, h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { buildCardModel } from '../../src/cards/card-model';
import { inMarkLanguage } from '../../src/cards/name-language';
import { indexPack } from '../../src/knowledge/pack-index';
import { hoverCardBody } from '../../src/ui/CardBody';
import { fromMarkup } from '../../src/ui/markup';
import { bundledPack } from '../helpers/packs';

const index = indexPack(bundledPack());
const card = (id: string) => buildCardModel(index, id)!;

describe('a card in the language of its mark', () => {
  it.each([
    ['zelensky', 'Зеленського', 'Зеленський', 'uk'],
    ['zelensky', 'Зеленским', 'Зеленский', 'ru'],
    ['zelensky', 'ЗЕЛЕНСЬКИЙ', 'Зеленський', 'uk'],
    ['zelensky', 'Selenskyjs', 'Selenskyj', 'de'],
    ['zelensky', 'Zełenskiego', 'Zełenski', 'pl'],
    ['putin', 'Poutine', 'Poutine', 'fr'],
    ['ukraine', 'України', 'Україна', 'uk'],
    ['ukraine', 'Києві', 'Київ', 'uk'],
    ['ceasefire-proposals', 'перемирʼям', "перемир'я", 'uk'],
  ])('%s from %j: %j (%s), with the English name', (id, asWritten, name, language) => {
    const model = card(id);
    const shown = inMarkLanguage(model, index, asWritten);
    expect(shown).toMatchObject({ name, nameLanguage: language, nameInEnglish: model.name });
  });

  it.each([['Zelensky'], ['Volodymyr Zelensky'], [''], ['Зеленська'], [42], [undefined], ['x'.repeat(500)]])('leaves the card as it is for %j', (asWritten) => {
    const model = card('zelensky');
    expect(inMarkLanguage(model, index, asWritten)).toBe(model);
  });

  it('keeps the English name for a word English writes too ("Putin" is also German and Polish)', () => {
    const model = card('putin');
    for (const asWritten of ['Putin', 'PUTIN']) expect(inMarkLanguage(model, index, asWritten)).toBe(model);
    expect(inMarkLanguage(model, index, 'Putins')).toMatchObject({ name: 'Putin', nameLanguage: 'de' });
  });

  it('says under the name that the context is in English, first in the body', () => {
    const shown = inMarkLanguage(card('zelensky'), index, 'Зеленського');
    const host = document.createElement('div');
    render(h(Fragment, null, ...hoverCardBody(shown).map(fromMarkup)), host);
    const first = host.querySelector('.card-body')!.firstElementChild!;
    expect(first.textContent).toBe('Volodymyr Zelensky · context in English');
    expect(first.getAttribute('lang')).toBe('en');
  });
});
