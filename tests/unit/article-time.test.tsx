/**
 * Cards read beside an article: where things stood on the article's day, then what came after; a plain sentence
 * when the article is newer than the pack; nothing changed without a usable day.
 */
import { Fragment, h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { forArticleDay, isArticleDay } from '../../src/cards/article-time';
import { buildCardModel, type CardModel } from '../../src/cards/card-model';
import { dateFormatter } from '../../src/cards/dates';
import { indexPack } from '../../src/knowledge/pack-index';
import { hoverCardBody } from '../../src/ui/CardBody';
import { fromMarkup } from '../../src/ui/markup';
import { bundledPack } from '../helpers/packs';
import { ENGLISH } from '../../src/i18n/messages';

const showDate = dateFormatter('en-GB');
const words = { t: ENGLISH, showDate };
const pack = bundledPack();
const index = indexPack(pack);
const card = (id: string) => buildCardModel(index, id, {}, words)!;
type Lined = Extract<CardModel, { lines: unknown }>;
const days = (model: Lined) => model.lines.flatMap((line) => line.stances.map((s) => s.date.datetime));

const drawn = (model: CardModel) => {
  const host = document.createElement('div');
  render(h(Fragment, null, ...hoverCardBody(model).map(fromMarkup)), host);
  return host;
};

describe("the article's day", () => {
  it('accepts only real calendar days', () => {
    expect(isArticleDay('2025-03-12')).toBe(true);
    for (const bad of [null, undefined, '', '2025-03', '2025-13-01', '2025-02-30', '12/03/2025', '2025-03-12T10:00', '<b>2025-03-12</b>', 20250312]) expect(isArticleDay(bad), String(bad)).toBe(false);
  });

  it('leaves a card as it is without a usable day', () => {
    const model = card('ceasefire-proposals');
    expect(forArticleDay(model, null, words)).toBe(model);
    expect(forArticleDay(model, 'yesterday', words)).toBe(model);
  });

  it('leaves a card as it is when nothing in it is newer than the article', () => {
    const model = card('ceasefire-proposals') as Lined;
    const newest = [...days(model), ...model.relatedEvents.map((e) => e.date.datetime)].sort().at(-1)!;
    expect(newest <= pack.meta.asOf).toBe(true);
    expect(forArticleDay(model, pack.meta.asOf, words)).toBe(model);
  });
});

describe('an article older than the card', () => {
  const day = '2025-03-12';
  const model = card('ceasefire-proposals') as Extract<CardModel, { kind: 'topic' }>;
  const read = forArticleDay(model, day, words) as Extract<CardModel, { kind: 'topic' }>;

  it('shows first what each party had said by that day, every party in the same order', () => {
    expect(read.linesTitle).toBe('At the time of this article, 12 March 2025');
    expect(read.lines.map((line) => line.id)).toEqual(model.lines.map((line) => line.id));
    expect(days(read).every((d) => d <= day)).toBe(true);
    // The United States had spoken by then: its line then is its newest position up to that day.
    const us = read.lines.find((line) => line.id === 'us')!;
    const usBefore = model.lines.find((line) => line.id === 'us')!.stances.filter((s) => s.date.datetime <= day);
    expect(us.stances[0]).toEqual(usBefore[0]);
  });

  it('then, since then: every later position, per party, newest first, and the later events', () => {
    const since = read.sinceArticle!;
    expect(since.day.text).toBe('12 March 2025');
    const later = model.lines.flatMap((line) => line.stances.filter((s) => s.date.datetime > day));
    expect(since.lines.flatMap((line) => line.stances)).toEqual(expect.arrayContaining(later));
    expect(since.lines.flatMap((line) => line.stances).length).toBe(later.length);
    for (const line of since.lines) expect(line.stances.map((s) => s.date.datetime)).toEqual(line.stances.map((s) => s.date.datetime).sort().reverse());
    expect(since.events.every((e) => e.date.datetime > day)).toBe(true);
    expect(read.relatedEvents.every((e) => e.date.datetime <= day)).toBe(true);
  });

  it('draws both parts, the article\'s day first', () => {
    const host = drawn(read);
    expect(host.querySelector('table.stances caption')?.textContent).toBe('At the time of this article, 12 March 2025');
    const sinceThen = host.querySelector('section.since');
    const later = read.sinceArticle!.lines.reduce((sum, line) => sum + line.stances.length, 0);
    const events = read.sinceArticle!.events.length;
    expect(sinceThen?.querySelector('h3')?.textContent).toBe(`Since then (${later} later positions${events ? `, ${events} event${events > 1 ? 's' : ''}` : ''})`);
    expect(host.querySelector('table.stances')!.compareDocumentPosition(sinceThen!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // Each later line shows its newest position with its date and source.
    for (const item of sinceThen!.querySelectorAll('.actor-stances > li')) {
      expect((item.querySelector('time')?.getAttribute('datetime') ?? '') > day).toBe(true);
      expect(item.querySelector('.sources a')).not.toBeNull();
    }
  });

  it("on a person's card, lists only the topics they had spoken on by then", () => {
    const person = card('zelensky') as Lined;
    const early = forArticleDay(person, '2025-02-20', words) as Lined;
    expect(early.sinceArticle).toBeDefined();
    expect(early.lines.every((line) => line.stances.length > 0)).toBe(true);
    expect(days(early).every((d) => d <= '2025-02-20')).toBe(true);
  });

  it('says so plainly when the person had not spoken on anything by then', () => {
    const person = card('zelensky') as Lined;
    const first = days(person).sort()[0]!;
    const before = new Date(Date.parse(`${first}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const read = forArticleDay(person, before, words) as Lined;
    expect(read.lines).toEqual([]);
    expect(drawn(read).querySelector('.no-position')?.textContent).toMatch(/^None in our sources by \d+ \w+ \d{4}\.$/);
  });
});

describe('an article newer than the pack', () => {
  it('says once, at the top, that the article may report what the card cannot know', () => {
    const model = card('ceasefire-proposals');
    const read = forArticleDay(model, '2027-01-15', words);
    expect(read.newerThanPack).toBe(
      `This article (15 January 2027) is newer than what this card knows (as of ${showDate(pack.meta.asOf).text}): it may report developments the card cannot show.`,
    );
    expect(read.sinceArticle).toBeUndefined();
    const host = drawn(read);
    expect(host.querySelectorAll('.newer-than-pack').length).toBe(1);
    expect(host.querySelector('.card-body')!.firstElementChild!.className).toBe('newer-than-pack');
  });
});
