/**
 * Settings: what they are, their defaults, and how a stored value is read back safely.
 *
 * Each setting is its own storage key (`pref:<name>`), and each site choice too (`site:<host>`). Two tabs that
 * change different settings at once therefore never overwrite each other, and a corrupt value costs only its own
 * key: it falls back to the default while the rest are kept.
 */
import { PARTY_IDS, TRACK_IDS, type PartyId, type TrackId } from '../vocabulary/pack-terms';

export const SETTINGS_VERSION = 2;

export const DEFAULT_MODES = ['everywhere', 'news-sites', 'opt-in'] as const;
export const CARD_TRIGGERS = ['hover', 'click', 'modifier-hover'] as const;
export const HIGHLIGHT_STYLES = ['underline', 'background', 'none'] as const;
/** Which mentions are marked: the first of each thing per article section, per paragraph, or every one. */
export const MARK_SCOPES = ['section', 'paragraph', 'every'] as const;
/** Whose light or dark a card takes: the page's where its mark is, or the system theme's. */
export const CARD_THEMES = ['page', 'system'] as const;

export interface Settings {
  /** Pauses the extension everywhere, whatever the site choices say. */
  paused: boolean;
  /** Where the extension runs on sites the user has not chosen for. */
  defaultMode: (typeof DEFAULT_MODES)[number];
  cardTrigger: (typeof CARD_TRIGGERS)[number];
  /**
   * "page" (the default): a card is dark on a dark page and light on a light one, whatever the system theme;
   * "system": it follows the system theme. Marks always follow the page.
   */
  cardTheme: (typeof CARD_THEMES)[number];
  highlightStyle: (typeof HIGHLIGHT_STYLES)[number];
  /**
   * Which mentions are marked. With "section" (the default), states and blocs are marked once per article; with
   * "paragraph", the first mention of each thing per paragraph; with "every", every mention.
   */
  markScope: (typeof MARK_SCOPES)[number];
  /** Mark the page's navigation, headers, bylines and related-story lists too, not only the article. */
  wholePage: boolean;
  /** Tracks and parties shown in cards and the timeline. */
  tracks: TrackId[];
  parties: PartyId[];
  /** Fetch newer knowledge packs from the update feed (daily, and on "Check now"). Off until the reader opts in. */
  packUpdates: boolean;
  /** The feed's manifest address; empty means the feed the extension was built with. */
  feedUrl: string;
  /** The public key that feed's packs are signed with (base64); empty means the project's key. */
  feedKey: string;
}

export type SiteChoice = 'on' | 'off';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  paused: false,
  // Relevance already keeps the extension quiet on pages that are not about the talks, so "everywhere" does
  // not clutter; users who want less can pick the news-site list or switch sites on one by one.
  defaultMode: 'everywhere',
  cardTrigger: 'hover',
  cardTheme: 'page',
  highlightStyle: 'underline',
  markScope: 'section',
  wholePage: false,
  tracks: [...TRACK_IDS],
  parties: [...PARTY_IDS],
  // The extension makes no request of its own until the reader asks for updates.
  packUpdates: false,
  feedUrl: '',
  feedKey: '',
});

type Check<T> = (value: unknown) => value is T;
const oneOf =
  <T extends string>(values: readonly T[]): Check<T> =>
  (value): value is T =>
    typeof value === 'string' && (values as readonly string[]).includes(value);
const isBoolean: Check<boolean> = (value): value is boolean => typeof value === 'boolean';
const subsetOf =
  <T extends string>(values: readonly T[]): Check<T[]> =>
  (value): value is T[] =>
    Array.isArray(value) && value.every((item) => oneOf(values)(item)) && new Set(value).size === value.length;

/**
 * A feed address: https, or http on this computer only (someone testing their own feed). Other http addresses
 * would let anyone on the network see which extension asks, and serve the manifest.
 */
export function isFeedAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost'));
  } catch {
    return false;
  }
}
const isFeedUrl: Check<string> = (value): value is string => typeof value === 'string' && (value === '' || isFeedAddress(value));
/** Base64 of 32 bytes is 44 characters ending in "=". */
const isFeedKey: Check<string> = (value): value is string => typeof value === 'string' && (value === '' || /^[A-Za-z0-9+/]{43}=$/.test(value));

export const SETTING_CHECKS: { [K in keyof Settings]: Check<Settings[K]> } = {
  paused: isBoolean,
  defaultMode: oneOf(DEFAULT_MODES),
  cardTrigger: oneOf(CARD_TRIGGERS),
  cardTheme: oneOf(CARD_THEMES),
  highlightStyle: oneOf(HIGHLIGHT_STYLES),
  markScope: oneOf(MARK_SCOPES),
  wholePage: isBoolean,
  tracks: subsetOf(TRACK_IDS),
  parties: subsetOf(PARTY_IDS),
  packUpdates: isBoolean,
  feedUrl: isFeedUrl,
  feedKey: isFeedKey,
};

export const SETTING_NAMES = Object.keys(SETTING_CHECKS) as (keyof Settings)[];
export const prefKey = (name: keyof Settings) => `pref:${name}`;
export const SITE_KEY_PREFIX = 'site:';
export const VERSION_KEY = 'settings-version';

/** Is this storage change about settings (and not, say, the popup's list of seen events)? */
export const isSettingsKey = (key: string) => key.startsWith('pref:') || key.startsWith(SITE_KEY_PREFIX) || key === VERSION_KEY;

export interface ReadResult {
  settings: Settings;
  sites: Record<string, SiteChoice>;
  /** One line per stored value that could not be used, naming the key; empty when all was well. */
  problems: string[];
  /** The storage keys whose values could not be used, so they can be repaired. */
  invalidKeys: string[];
}

/**
 * Migrations from older stored versions, by the version they upgrade from. Each takes the raw storage record
 * and returns the record for the next version.
 */
export type Migration = (record: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // Version 1 had a yes/no "mark every mention"; no meant the first mention per paragraph.
  1: (record) => {
    const { 'pref:markEveryMention': every, ...rest } = record;
    return every === true ? { ...rest, 'pref:markScope': 'every' } : every === false ? { ...rest, 'pref:markScope': 'paragraph' } : rest;
  },
};

/** Reads settings from a raw storage record: migrate, then check each key on its own. Pure. */
export function readSettings(raw: Record<string, unknown>, migrations: Readonly<Record<number, Migration>> = MIGRATIONS): ReadResult {
  const problems: string[] = [];
  const invalidKeys: string[] = [];
  let record = raw;
  const storedVersion = raw[VERSION_KEY];
  let version = typeof storedVersion === 'number' && Number.isInteger(storedVersion) ? storedVersion : undefined;
  if (storedVersion !== undefined && version === undefined) problems.push(`${VERSION_KEY}: unreadable value; each setting was checked on its own`);
  if (version !== undefined && version > SETTINGS_VERSION)
    problems.push(`${VERSION_KEY}: saved by a newer version (${version}); settings this version understands were kept`);
  while (version !== undefined && version < SETTINGS_VERSION) {
    const migrate = migrations[version];
    if (!migrate) {
      problems.push(`${VERSION_KEY}: no migration from version ${version}; each setting was checked on its own`);
      break;
    }
    record = migrate(record);
    version++;
  }

  const settings = { ...DEFAULT_SETTINGS, tracks: [...DEFAULT_SETTINGS.tracks], parties: [...DEFAULT_SETTINGS.parties] } as Settings;
  for (const name of SETTING_NAMES) {
    const key = prefKey(name);
    if (!(key in record)) continue;
    const value = record[key];
    if ((SETTING_CHECKS[name] as Check<unknown>)(value)) (settings as unknown as Record<string, unknown>)[name] = value;
    else {
      invalidKeys.push(key);
      problems.push(`${key}: ${describe(value)} is not a valid value; using the default (${JSON.stringify(DEFAULT_SETTINGS[name])})`);
    }
  }

  const sites: Record<string, SiteChoice> = {};
  for (const [key, value] of Object.entries(record)) {
    if (!key.startsWith(SITE_KEY_PREFIX)) continue;
    const host = key.slice(SITE_KEY_PREFIX.length);
    if ((value === 'on' || value === 'off') && host.length > 0) sites[host] = value;
    else {
      invalidKeys.push(key);
      problems.push(`${key}: ${describe(value)} is not "on" or "off"; this site uses the default`);
    }
  }
  return { settings, sites, problems, invalidKeys };
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
