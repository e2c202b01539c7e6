/**
 * The per-site list on the options page, as pure functions: what the list shows, and whether what the user typed
 * can be added. The site key itself comes from `normalizeSiteInput`, the same rule the site policy uses.
 */
import type { Settings, SiteChoice } from '../settings/settings';
import { normalizeSiteInput } from '../settings/site-policy';
import type { Messages } from '../i18n/messages';

export interface SiteEntry {
  site: string;
  choice: SiteChoice;
}

/** The sites with a choice, in alphabetical order. */
export function siteEntries(sites: Readonly<Record<string, SiteChoice>>): SiteEntry[] {
  return Object.entries(sites)
    .map(([site, choice]) => ({ site, choice }))
    .sort((a, b) => (a.site < b.site ? -1 : a.site > b.site ? 1 : 0));
}

export type NewSiteCheck = { ok: true; site: string } | { ok: false; message: string };

/** Whether `input` names a site that can be added to the list, and its key if so; if not, why, in `t`'s words. */
export function checkNewSite(t: Messages, input: string, sites: Readonly<Record<string, SiteChoice>>): NewSiteCheck {
  if (!input.trim()) return { ok: false, message: t.text('optionsSiteEmpty') };
  const site = normalizeSiteInput(input);
  if (site === null) return { ok: false, message: t.text('optionsSiteInvalid', shorten(input.trim())) };
  const existing = sites[site];
  if (existing) return { ok: false, message: t.text(existing === 'on' ? 'optionsSiteExistsOn' : 'optionsSiteExistsOff', site) };
  return { ok: true, site };
}

/** The choice the add form offers first: the one that differs from what the default mode already does. */
export function suggestedChoice(defaultMode: Settings['defaultMode']): SiteChoice {
  return defaultMode === 'everywhere' ? 'off' : 'on';
}

/**
 * Which row should take focus after the row at `removedIndex` is removed from a list that had `lengthBefore`
 * rows: the row that moves into its place, else the new last row, else none (-1).
 */
export function focusAfterRemoval(removedIndex: number, lengthBefore: number): number {
  const lengthAfter = lengthBefore - 1;
  if (lengthAfter <= 0) return -1;
  return Math.min(removedIndex, lengthAfter - 1);
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
