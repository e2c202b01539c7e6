/**
 * Reads and writes settings in extension storage. The storage area is passed in, so tests use WXT's fake browser
 * and the extension uses `storage.sync` where the browser offers it, `storage.local` where it does not.
 */
import type { Storage } from 'webextension-polyfill';
import {
  MIGRATIONS,
  prefKey,
  readSettings,
  SETTING_NAMES,
  SETTINGS_VERSION,
  SITE_KEY_PREFIX,
  VERSION_KEY,
  type Migration,
  type ReadResult,
  type Settings,
  type SiteChoice,
} from './settings';

export type StorageArea = Pick<Storage.StorageArea, 'get' | 'set' | 'remove'>;

/**
 * Raised when a change could not be saved (a full or failing storage area). Its message says it in English; its
 * cause is the storage area's own error, for pages that say it in the reader's language.
 */
export class SettingsSaveError extends Error {
  override name = 'SettingsSaveError';
}

/** `storage.sync` if it works here, else `storage.local`: settings sync where the browser offers it. */
export async function chooseSettingsArea(storage: Pick<Storage.Static, 'sync' | 'local'>): Promise<StorageArea> {
  try {
    await storage.sync.get(VERSION_KEY);
    return storage.sync;
  } catch {
    return storage.local;
  }
}

export class SettingsStore {
  constructor(
    private readonly area: StorageArea,
    private readonly migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  ) {}

  async read(): Promise<ReadResult> {
    const raw = (await this.area.get(null)) as Record<string, unknown>;
    return readSettings(raw, this.migrations);
  }

  /** Reads, and writes back the repaired values, so a problem is reported once and not on every read. */
  async readAndRepair(): Promise<ReadResult> {
    const raw = (await this.area.get(null)) as Record<string, unknown>;
    const result = readSettings(raw, this.migrations);
    const stored = raw[VERSION_KEY];
    // Saved by a newer version (synced from another browser): read what we understand, rewrite nothing.
    if (typeof stored === 'number' && stored > SETTINGS_VERSION) return result;
    if (result.problems.length > 0 || stored !== SETTINGS_VERSION) {
      const repaired: Record<string, unknown> = { [VERSION_KEY]: SETTINGS_VERSION };
      const broken: string[] = [];
      // After a migration every setting is written in the current format, not only the ones that were broken.
      const migrated = typeof stored === 'number' && stored < SETTINGS_VERSION;
      for (const name of Object.keys(result.settings) as (keyof Settings)[])
        if (migrated || result.invalidKeys.includes(prefKey(name))) repaired[prefKey(name)] = result.settings[name];
      for (const key of result.invalidKeys) if (key.startsWith(SITE_KEY_PREFIX)) broken.push(key);
      // Settings a migration retired (version 1's "pref:markEveryMention") go too.
      if (migrated) for (const key of Object.keys(raw)) if (key.startsWith('pref:') && !SETTING_NAMES.some((name) => prefKey(name) === key)) broken.push(key);
      try {
        await this.area.set(repaired);
        if (broken.length) await this.area.remove(broken);
      } catch {
        // Reading still works with the defaults; the next write reports the storage failure.
      }
    }
    return result;
  }

  async set<K extends keyof Settings>(name: K, value: Settings[K]): Promise<void> {
    await this.write({ [prefKey(name)]: value, [VERSION_KEY]: SETTINGS_VERSION }, `the setting "${name}"`);
  }

  /** Sets a site's choice; `null` forgets it, so the site follows the default mode again. */
  async setSite(site: string, choice: SiteChoice | null): Promise<void> {
    const key = SITE_KEY_PREFIX + site;
    if (choice === null) {
      try {
        await this.area.remove(key);
      } catch (error) {
        throw new SettingsSaveError(`Could not forget the choice for ${site}: ${(error as Error).message}`, { cause: error });
      }
      return;
    }
    await this.write({ [key]: choice, [VERSION_KEY]: SETTINGS_VERSION }, `the choice for ${site}`);
  }

  private async write(items: Record<string, unknown>, what: string): Promise<void> {
    try {
      await this.area.set(items);
    } catch (error) {
      throw new SettingsSaveError(`Could not save ${what}: ${(error as Error).message}. Your other settings are unchanged.`, { cause: error });
    }
  }
}
