/** The notice the options page shows, once, when stored settings could not be read. */
import type { ReadResult, Settings } from '../settings/settings';
import { SITE_KEY_PREFIX } from '../settings/settings';
import type { MessageKey, Messages } from '../i18n/messages';

/** The message that names each setting on the options page. */
export const SETTING_LABELS: Readonly<Record<keyof Settings, MessageKey>> = {
  paused: 'optionsSettingPaused',
  defaultMode: 'optionsSettingDefaultMode',
  cardTrigger: 'optionsSettingCardTrigger',
  cardTheme: 'optionsSettingCardTheme',
  highlightStyle: 'optionsSettingHighlightStyle',
  markScope: 'optionsSettingMarkScope',
  wholePage: 'optionsSettingWholePage',
  tracks: 'optionsSettingTracks',
  parties: 'optionsSettingParties',
  packUpdates: 'optionsSettingPackUpdates',
  feedUrl: 'optionsSettingFeedUrl',
  feedKey: 'optionsSettingFeedKey',
};

/** What a setting is called on the options page, in the reader's language. */
export function settingLabel(t: Messages, name: keyof Settings): string {
  return t.text(SETTING_LABELS[name]);
}

export interface ProblemNotice {
  /** The sentence that opens the notice. */
  summary: string;
  /** One entry per storage key that was reset, named for the reader and by its key. */
  keys: string[];
  /** The problems as the settings reader described them, for the details: technical, so in English. */
  details: string[];
}

/** The notice for a read's problems, or null when there were none. */
export function problemNotice(t: Messages, result: Pick<ReadResult, 'problems' | 'invalidKeys'>): ProblemNotice | null {
  if (result.problems.length === 0) return null;
  const keys = result.invalidKeys.map((key) => describeKey(t, key));
  const summary = keys.length > 0 ? `${t.text('settingsWereReset', keys.join('; '))}.` : t.text('optionsResetNoKeys');
  return { summary, keys, details: [...result.problems] };
}

function describeKey(t: Messages, key: string): string {
  if (key.startsWith(SITE_KEY_PREFIX)) return t.text('optionsResetSite', key.slice(SITE_KEY_PREFIX.length), key);
  const name = key.startsWith('pref:') ? (key.slice('pref:'.length) as keyof Settings) : null;
  const label = name && Object.hasOwn(SETTING_LABELS, name) ? settingLabel(t, name) : null;
  return label ? t.text('optionsResetSetting', label, key) : key;
}
