/**
 * The toolbar badge of each tab, at a glance: how many distinct things the page mentions, or "off" where the reader
 * switched the extension off (for the site, or everywhere). Nothing on pages that are not about the talks, pages
 * it is off on by default, and pages it cannot run on.
 *
 * The background learns most of this on its own: each tab's content script asks it for the site policy at start and
 * whenever settings change (getPagePolicy). The content script adds one thing, the count, when it changes
 * (thingsOnPage). The browser clears a tab's badge when the tab loads another page. The badge itself is the only
 * state: a restarted service worker reads it back (getBadgeText), so nothing is kept in memory or storage.
 */
import type { SiteDecision } from '../settings/site-policy';

/** The muted mark for a site the reader switched off. */
export const OFF_TEXT = 'off';
/** White text on these: 10.4:1 on the icon's blue, 6.1:1 on the grey (WCAG asks 4.5:1). */
export const BADGE_COLOURS = { count: '#1e3a8a', off: '#5f6368', text: '#ffffff' } as const;
/** Badges show about four characters. */
const MOST_SHOWN = 99;

/** What the badge of one tab says. */
export type BadgeState = { kind: 'count'; count: number } | { kind: 'off'; reason: 'paused' | 'site-choice'; site: string | null } | { kind: 'none' };

export interface Badge {
  text: string;
  colour: string;
  /** The button's tooltip and accessible name. */
  title: string;
}

export function badgeFor(state: BadgeState, name: string): Badge {
  switch (state.kind) {
    case 'count': {
      const things = `${state.count} ${state.count === 1 ? 'thing' : 'things'}`;
      return { text: state.count > MOST_SHOWN ? `${MOST_SHOWN}+` : String(state.count), colour: BADGE_COLOURS.count, title: `${name}: ${things} on this page` };
    }
    case 'off':
      return {
        text: OFF_TEXT,
        colour: BADGE_COLOURS.off,
        title: state.reason === 'paused' ? `${name} is paused everywhere` : `${name} is off on ${state.site ?? 'this site'}`,
      };
    case 'none':
      return { text: '', colour: BADGE_COLOURS.count, title: name };
  }
}

/** The toolbar button's API: `action` in Chrome (Manifest V3), `browserAction` in the Firefox build (V2). */
export interface BadgeApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  getBadgeText(details: { tabId: number }): Promise<string>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setBadgeTextColor?(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}

export interface ToolbarBadge {
  /** The site policy's answer for the page in a tab. */
  policy(tabId: number, decision: SiteDecision): Promise<void>;
  /** The content script's count of distinct things on its page (0: none, or the page is not about the talks). */
  count(tabId: number, count: number): Promise<void>;
}

/** `name` is the extension's name, the title of a button without a badge. Without a button API, it does nothing. */
export function createToolbarBadge(api: BadgeApi | undefined, name: string): ToolbarBadge {
  // One change at a time, in the order the messages came: a count never lands between a policy answer and the
  // change it makes.
  let queue: Promise<void> = Promise.resolve();
  const inTurn = (work: (api: BadgeApi) => Promise<void>): Promise<void> => {
    if (!api) return Promise.resolve();
    // A tab that closed meanwhile rejects the calls: nothing to show there any more.
    queue = queue.then(() => work(api)).catch(() => undefined);
    return queue;
  };
  const show = async (api: BadgeApi, tabId: number, state: BadgeState) => {
    const badge = badgeFor(state, name);
    await Promise.all([
      api.setBadgeText({ tabId, text: badge.text }),
      api.setBadgeBackgroundColor({ tabId, color: badge.colour }),
      api.setBadgeTextColor?.({ tabId, color: BADGE_COLOURS.text }),
      api.setTitle({ tabId, title: badge.title }),
    ]);
  };
  const showsOff = async (api: BadgeApi, tabId: number) => (await api.getBadgeText({ tabId })) === OFF_TEXT;

  return {
    policy: (tabId, decision) =>
      inTurn(async (api) => {
        if (!decision.on && (decision.reason === 'paused' || decision.reason === 'site-choice')) return show(api, tabId, { kind: 'off', reason: decision.reason, site: decision.site });
        // Off by default here (the reader chose where it runs): quiet, like a page it cannot run on.
        if (!decision.on) return show(api, tabId, { kind: 'none' });
        // On: the count shown stays (settings changed, the page did not); after "off", the page counts again and
        // sends its count once the lens is at rest.
        if (await showsOff(api, tabId)) await show(api, tabId, { kind: 'none' });
      }),
    count: (tabId, count) =>
      inTurn(async (api) => {
        // A count sent just before the page heard it was switched off: "off" stays.
        if (await showsOff(api, tabId)) return;
        await show(api, tabId, count > 0 ? { kind: 'count', count } : { kind: 'none' });
      }),
  };
}
