/**
 * The options page's view of the stored settings: it loads them (repairing what cannot be read), saves each
 * change at once, and follows changes made elsewhere (another options tab, the popup) by reading again.
 *
 * Changes are shown before they are saved, so the page answers at once. While a save is on its way, a read
 * could return the value from before it; such reads are dropped, and the page reads again once every save has
 * settled. A failed save is reported, and that read puts the page back to what is really stored.
 */
import type { ReadResult, Settings, SiteChoice } from '../settings/settings';
import { SettingsSaveError, type SettingsStore } from '../settings/store';

export interface StoredState {
  settings: Settings;
  sites: Record<string, SiteChoice>;
}

/** One change to save: a setting, or a site's choice (null: the site is taken off the list). */
export type SettingsChange = { setting: keyof Settings } | { site: string; choice: SiteChoice | null };

/**
 * A change that could not be saved, as data, so the page says it in the reader's language. `detail` is the
 * storage area's own words (e.g. "QUOTA_BYTES quota exceeded"), shown as they are.
 */
export type SaveFailure = SettingsChange & { detail: string };

export type SaveStatus = { kind: 'idle' } | { kind: 'saved'; count: number } | { kind: 'error'; failure: SaveFailure; count: number };

export interface SessionSnapshot {
  /** null until the first read is done. */
  state: StoredState | null;
  /** Why the first read failed, if it did: the storage area's own words. */
  loadError: string | null;
  /** What the first read found wrong (and repaired); later reads never add to it. */
  loadProblems: Pick<ReadResult, 'problems' | 'invalidKeys'> | null;
  status: SaveStatus;
}

export class SettingsSession {
  private snapshot: SessionSnapshot = { state: null, loadError: null, loadProblems: null, status: { kind: 'idle' } };
  private readonly listeners = new Set<(snapshot: SessionSnapshot) => void>();
  private pendingSaves = 0;
  /** Counts local changes, so a read that started before one is not shown after it. */
  private edits = 0;
  private statusCount = 0;
  /** Storage changed while the first read was on its way: read again once it is done. */
  private changedWhileLoading = false;

  constructor(private readonly store: SettingsStore) {}

  get current(): SessionSnapshot {
    return this.snapshot;
  }

  subscribe(listener: (snapshot: SessionSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The first read: repairs unreadable values, so their problems are reported this once. */
  async load(): Promise<void> {
    try {
      const result = await this.store.readAndRepair();
      this.update({
        state: { settings: result.settings, sites: result.sites },
        loadProblems: { problems: result.problems, invalidKeys: result.invalidKeys },
        loadError: null,
      });
      if (this.changedWhileLoading) await this.refresh();
    } catch (error) {
      this.update({ loadError: messageOf(error) });
    }
  }

  /** Stored settings changed, here or elsewhere: read them again (after any saves on their way). */
  storageChanged(): void {
    if (!this.snapshot.state) this.changedWhileLoading = true;
    else if (this.pendingSaves === 0) void this.refresh();
  }

  async set<K extends keyof Settings>(name: K, value: Settings[K]): Promise<boolean> {
    const state = this.snapshot.state;
    if (!state) return false;
    return this.save({ ...state, settings: { ...state.settings, [name]: value } }, () => this.store.set(name, value), { setting: name });
  }

  /** Sets a site's choice; null removes the site from the list. */
  async setSite(site: string, choice: SiteChoice | null): Promise<boolean> {
    const state = this.snapshot.state;
    if (!state) return false;
    const sites = { ...state.sites };
    if (choice === null) delete sites[site];
    else sites[site] = choice;
    return this.save({ ...state, sites }, () => this.store.setSite(site, choice), { site, choice });
  }

  private async save(optimistic: StoredState, write: () => Promise<void>, change: SettingsChange): Promise<boolean> {
    this.edits++;
    this.pendingSaves++;
    this.update({ state: optimistic });
    let saved = false;
    try {
      await write();
      saved = true;
      this.update({ status: { kind: 'saved', count: ++this.statusCount } });
    } catch (error) {
      const detail = messageOf(error instanceof SettingsSaveError && error.cause !== undefined ? error.cause : error);
      this.update({ status: { kind: 'error', failure: { ...change, detail }, count: ++this.statusCount } });
    } finally {
      this.pendingSaves--;
    }
    if (this.pendingSaves === 0) await this.refresh();
    return saved;
  }

  private async refresh(): Promise<void> {
    const editsAtStart = this.edits;
    let result: ReadResult;
    try {
      result = await this.store.read();
    } catch {
      return; // Keep what is shown; the next change or save reports a failing storage area.
    }
    if (this.edits !== editsAtStart || this.pendingSaves > 0) return;
    this.update({ state: { settings: result.settings, sites: result.sites } });
  }

  private update(change: Partial<SessionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener(this.snapshot);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
