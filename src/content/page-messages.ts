/**
 * Answers the popup and the background about this page: what it mentions, and going to a mention (from the
 * popup's list or the next/previous keyboard commands). Every answer waits until the lens has finished its scan.
 * A page with nothing relevant sends a sample of its language, so the popup can tell when that is the reason.
 */
import type { ContentMessages, Handlers, PageReport } from '../messaging/protocol';
import type { HoverMachine } from '../overlay/hover-machine';
import { scrollMarkIntoView } from '../page/hit-test';
import { languageSample } from '../page/page-language';
import type { Mark, PageLens } from '../page/page-lens';
import type { CardTarget } from './card-presenter';
import type { PageSwitch } from './page-switch';

export interface PageMessagesDeps {
  document: Document;
  lens: PageLens;
  machine: HoverMachine<CardTarget>;
  pageSwitch: Pick<PageSwitch, 'decision'>;
}

export interface PageMessages {
  handlers: Handlers<ContentMessages>;
  /** The page's marks are gone (switched off, or a new page): the next step starts from the first or last. */
  forgetCursor(): void;
}

/** A closure, not a class, for the content script's size (docs/decisions.md, 9). */
export function createPageMessages({ document, lens, machine, pageSwitch }: PageMessagesDeps): PageMessages {
  /** The mark the last step or reveal went to; the next step goes on from there. */
  let cursor: Mark | null = null;

  const reveal = (mark: Mark): void => {
    cursor = mark;
    scrollMarkIntoView(document, mark);
    machine.openNow({ key: mark }, 'keyboard');
  };

  const report = (): PageReport => {
    const answer = pageSwitch.decision;
    if (!answer || !answer.on || answer.site === null) return { state: 'off', site: answer?.site ?? null, reason: answer?.reason ?? 'default' };
    if (!lens.isRelevant) return { state: 'not-relevant', site: answer.site, language: languageSample(document) };
    const mentions = [...lens.counts()].map(([entity, count]) => ({ entity, count }));
    mentions.sort((a, b) => b.count - a.count);
    return { state: 'on', site: answer.site, mentions };
  };

  return {
    handlers: {
      getPageReport: async () => {
        await lens.idle;
        return report();
      },
      revealMention: async ({ entity }) => {
        await lens.idle;
        const mark = lens.shownMarks().find((m) => m.entity === entity);
        if (mark) reveal(mark);
        return { found: Boolean(mark) };
      },
      stepMention: async ({ direction }) => {
        await lens.idle;
        const marks = lens.shownMarks();
        if (marks.length === 0) return { found: false };
        const current = cursor ? marks.indexOf(cursor) : -1;
        const next = current === -1 ? (direction === 1 ? 0 : marks.length - 1) : (current + direction + marks.length) % marks.length;
        reveal(marks[next]!);
        return { found: true };
      },
    },
    forgetCursor() {
      cursor = null;
    },
  };
}
