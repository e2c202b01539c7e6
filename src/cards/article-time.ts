/**
 * A card read beside an article says where things stood when the article was written. For an article older than
 * the card's newest entry, the card's lines become the positions held on the article's day ("At the time of this
 * article, 12 March 2025"), and what came later moves to "Since then". For an article newer than the pack, the
 * card says once that the article may report what the card cannot know. Without the article's day, a card is as
 * it always was. Pure: it reorders what the model already holds and invents nothing.
 */
import type { CardModel, EventLine, StanceLine } from './card-model';
import { isCalendarDay } from '../vocabulary/calendar-day';
import type { ShownDate } from './dates';
import { ENGLISH_CARD_WORDS, type CardWords } from './card-words';

/** What a card adds when it is read beside an article older than its newest entry. */
export interface SinceArticle {
  /** The article's day, as the heading says it. */
  day: ShownDate;
  /** Positions taken after that day, one line per party or topic, newest first. */
  lines: StanceLine[];
  /** Related events after that day, newest first. */
  events: EventLine[];
}

/** True when the page's day is one this can compare with the pack's days (a hostile page may say anything). */
export function isArticleDay(day: unknown): day is string {
  return typeof day === 'string' && isCalendarDay(day);
}

export function forArticleDay(model: CardModel, day: string | null | undefined, { t, showDate }: CardWords = ENGLISH_CARD_WORDS): CardModel {
  if (!isArticleDay(day)) return model;
  if (day > model.asOf.datetime) {
    return {
      ...model,
      newerThanPack: t.text('cardNewerThanPack', showDate(day).text, model.asOf.text),
    };
  }
  if (model.kind === 'event') return model;
  // Days compare as text (YYYY-MM-DD); a month ("2025-03") counts as its first day.
  const after = (date: ShownDate) => date.datetime > day;
  const since = model.lines.map((line) => ({ ...line, stances: line.stances.filter((s) => after(s.date)) })).filter((line) => line.stances.length > 0);
  const events = model.relatedEvents.filter((e) => after(e.date));
  if (since.length === 0 && events.length === 0) return model;
  const then = model.lines.map((line) => ({ ...line, stances: line.stances.filter((s) => !after(s.date)) }));
  const shownDay = showDate(day);
  return {
    ...model,
    // A topic's card keeps a line for every party, the same fields for each (an empty one says so); a person's
    // or a country's card lists the topics it had spoken on by then, the newest position first, as it does today.
    lines: model.kind === 'topic' ? then : then.filter((line) => line.stances.length > 0).sort((a, b) => b.stances[0]!.date.datetime.localeCompare(a.stances[0]!.date.datetime)),
    linesTitle: t.text('cardAtTimeOfArticle', shownDay.text),
    relatedEvents: model.relatedEvents.filter((e) => !after(e.date)),
    sinceArticle: { day: shownDay, lines: since, events },
  };
}
