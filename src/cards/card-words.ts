/**
 * What a card is written in: the interface's messages (src/ui/i18n.ts) and dates in the same language. The
 * background writes cards in the browser's language, the popup in its own; a caller that passes none gets English
 * words with the reader's dates. Knowledge text from the pack stays as the pack writes it.
 */
import { ENGLISH, type Messages } from '../i18n/messages';
import { dateFormatter, readerDates, type ShowDate } from './dates';
import type { CardModel } from './card-model';
import type { Freshness } from './freshness';

export interface CardWords {
  t: Messages;
  showDate: ShowDate;
}

export const ENGLISH_CARD_WORDS: CardWords = { t: ENGLISH, showDate: readerDates };

/** Cards in these messages' language, their dates written as that language writes them. */
export function cardWords(t: Messages): CardWords {
  return { t, showDate: dateFormatter(t.dateLocale) };
}

/**
 * The words around every card's body, in the browser's language. The background sends them with the card's styles
 * (`cardFrameWords`), so that no message file or i18n code runs on the page.
 */
export interface CardFrameWords {
  loading: string;
  notFound: string;
  notInPack: string;
  /** The text before and after the "as of" date. */
  asOf: [before: string, after: string];
  unofficialPack: string;
  pin: string;
  unpin: string;
  pinTitle: string;
  unpinTitle: string;
  close: string;
  closeTitle: string;
  latest: Record<NonNullable<Freshness['latest']>['what'], string>;
  updateSettings: string;
  report: string;
  includePage: string;
  openReport: string;
  more: string;
  openInPopup: string;
  kinds: Record<CardModel['kind'], string>;
}

/** The words around every hover card's body (src/overlay/Card.tsx), which the content script gets with the styles. */
export function cardFrameWords(t: Messages): CardFrameWords {
  const [before = '', after = ''] = t.text('asOf', '\u0001').split('\u0001');
  return {
    loading: t.text('cardLoading'),
    notFound: t.text('cardNotFound'),
    notInPack: t.text('notInPack'),
    asOf: [before, after],
    unofficialPack: t.text('unofficialPack'),
    pin: t.text('cardPin'),
    unpin: t.text('cardUnpin'),
    pinTitle: t.text('cardPinTitle'),
    unpinTitle: t.text('cardUnpinTitle'),
    close: t.text('cardClose'),
    closeTitle: t.text('cardCloseTitle'),
    latest: { position: t.text('cardLatestPosition'), event: t.text('cardLatestEvent'), status: t.text('cardLatestStatus') },
    updateSettings: t.text('updateSettings'),
    report: t.text('reportProblem'),
    includePage: t.text('cardIncludePage'),
    openReport: t.text('cardOpenReport'),
    more: t.text('cardMore'),
    openInPopup: t.text('cardOpenInPopup'),
    kinds: {
      person: t.text('kindPerson'),
      country: t.text('kindCountry'),
      organization: t.text('kindOrganization'),
      group: t.text('kindGroup'),
      topic: t.text('kindTopic'),
      event: t.text('kindEvent'),
    },
  };
}
