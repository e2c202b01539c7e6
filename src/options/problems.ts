/** The notice the options page shows, once, when stored settings could not be read. */
import type { ReadResult, Settings } from '../settings/settings';
import { SITE_KEY_PREFIX } from '../settings/settings';
import { SETTINGS_WERE_RESET } from '../ui/labels';

/** What each setting is called on the options page. */
export const SETTING_LABELS: Readonly<Record<keyof Settings, string>> = {
  paused: 'Pause',
  defaultMode: 'Default for sites not in your list',
  cardTrigger: 'How cards open',
  cardTheme: 'Card colours',
  highlightStyle: 'How mentions are marked',
  markScope: 'Which mentions are marked',
  wholePage: 'Mark the whole page',
  tracks: 'Tracks shown',
  parties: 'Parties shown',
  packUpdates: 'Automatic knowledge updates',
  feedUrl: 'Update feed address',
  feedKey: "Update feed's public key",
};

export interface ProblemNotice {
  /** The sentence that opens the notice. */
  summary: string;
  /** One entry per storage key that was reset, named for the reader and by its key. */
  keys: string[];
  /** The problems as the settings reader described them, for the details. */
  details: string[];
}

/** The notice for a read's problems, or null when there were none. */
export function problemNotice(result: Pick<ReadResult, 'problems' | 'invalidKeys'>): ProblemNotice | null {
  if (result.problems.length === 0) return null;
  const keys = result.invalidKeys.map(describeKey);
  const summary =
    keys.length > 0
      ? `${SETTINGS_WERE_RESET}: ${keys.join('; ')}.`
      : 'Your stored settings needed attention; everything this version understands was kept.';
  return { summary, keys, details: [...result.problems] };
}

function describeKey(key: string): string {
  if (key.startsWith(SITE_KEY_PREFIX)) return `the choice for ${key.slice(SITE_KEY_PREFIX.length)} (${key}), which now follows the default`;
  const name = key.startsWith('pref:') ? (key.slice('pref:'.length) as keyof Settings) : null;
  const label = name && Object.hasOwn(SETTING_LABELS, name) ? SETTING_LABELS[name] : null;
  return label ? `${label} (${key})` : key;
}
