import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingsSession } from '../../src/options/session';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { SettingsStore, type StorageArea } from '../../src/settings/store';

/** A storage area whose writes wait until the test lets them through, or fail. */
function gatedArea(inner: StorageArea) {
  const gates: Array<() => void> = [];
  let failWith: string | null = null;
  const area: StorageArea = {
    get: (keys) => inner.get(keys),
    remove: (keys) => inner.remove(keys),
    set: (items) =>
      new Promise<void>((resolve, reject) => {
        gates.push(() => {
          if (failWith) reject(new Error(failWith));
          else void inner.set(items).then(resolve, reject);
        });
      }),
  };
  return {
    area,
    /** Lets the oldest write through (waiting for one to arrive). */
    release: async () => {
      while (gates.length === 0) await flush();
      gates.shift()!();
      await flush();
    },
    fail: (message: string | null) => (failWith = message),
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SettingsSession', () => {
  beforeEach(() => fakeBrowser.reset());

  it('loads, repairing unreadable values, and reports their problems only on the first read', async () => {
    await fakeBrowser.storage.sync.set({ 'pref:highlightStyle': 42, 'pref:markScope': 'every' });
    const session = new SettingsSession(new SettingsStore(fakeBrowser.storage.sync));
    await session.load();
    expect(session.current.state?.settings).toMatchObject({ highlightStyle: 'underline', markScope: 'every' });
    expect(session.current.loadProblems?.invalidKeys).toEqual(['pref:highlightStyle']);
    expect(await fakeBrowser.storage.sync.get('pref:highlightStyle')).toEqual({ 'pref:highlightStyle': 'underline' });

    const again = new SettingsSession(new SettingsStore(fakeBrowser.storage.sync));
    await again.load();
    expect(again.current.loadProblems?.problems).toEqual([]);
  });

  it('shows a change at once, saves it, and says so', async () => {
    const session = new SettingsSession(new SettingsStore(fakeBrowser.storage.sync));
    await session.load();
    const seen: string[] = [];
    session.subscribe((snapshot) => seen.push(`${snapshot.state?.settings.highlightStyle}/${snapshot.status.kind}`));
    expect(await session.set('highlightStyle', 'none')).toBe(true);
    expect(seen[0]).toBe('none/idle');
    expect(session.current.status.kind).toBe('saved');
    expect(await fakeBrowser.storage.sync.get('pref:highlightStyle')).toEqual({ 'pref:highlightStyle': 'none' });

    expect(await session.setSite('127.0.0.1', 'off')).toBe(true);
    expect(session.current.state?.sites).toEqual({ '127.0.0.1': 'off' });
    expect(await session.setSite('127.0.0.1', null)).toBe(true);
    expect(session.current.state?.sites).toEqual({});
    expect(await fakeBrowser.storage.sync.get('site:127.0.0.1')).toEqual({});
  });

  it('reports a failed save with the store’s message and shows what is really stored', async () => {
    const gated = gatedArea(fakeBrowser.storage.sync);
    const session = new SettingsSession(new SettingsStore(gated.area));
    const loading = session.load();
    await gated.release(); // the first read's repair write
    await loading;
    gated.fail('QUOTA_BYTES quota exceeded');
    const saving = session.set('paused', true);
    expect(session.current.state?.settings.paused).toBe(true);
    await gated.release();
    expect(await saving).toBe(false);
    // The page words it: here the change and the storage's own words, without the store's English around them.
    expect(session.current.status).toEqual({ kind: 'error', failure: { setting: 'paused', detail: 'QUOTA_BYTES quota exceeded' }, count: 1 });
    expect(session.current.state?.settings.paused).toBe(false);
  });

  it('does not let a read from before a save undo changes made since', async () => {
    const gated = gatedArea(fakeBrowser.storage.sync);
    const session = new SettingsSession(new SettingsStore(gated.area));
    const loading = session.load();
    await gated.release();
    await loading;

    // Two quick changes: the second is made while the first is still being saved.
    const first = session.set('tracks', ['minerals', 'ceasefire']);
    const second = session.set('tracks', ['minerals']);
    session.storageChanged(); // e.g. another tab wrote meanwhile: must not show the stored, older tracks
    await flush();
    expect(session.current.state?.settings.tracks).toEqual(['minerals']);
    await gated.release();
    await first;
    expect(session.current.state?.settings.tracks).toEqual(['minerals']);
    await gated.release();
    await second;
    expect(session.current.state?.settings.tracks).toEqual(['minerals']);
    expect(await fakeBrowser.storage.sync.get('pref:tracks')).toEqual({ 'pref:tracks': ['minerals'] });
  });

  it('follows changes made in another tab', async () => {
    const mine = new SettingsSession(new SettingsStore(fakeBrowser.storage.sync));
    await mine.load();
    const other = new SettingsStore(fakeBrowser.storage.sync);
    await other.set('cardTrigger', 'modifier-hover');
    await other.setSite('reuters.com', 'off');
    mine.storageChanged();
    await flush();
    expect(mine.current.state).toEqual({ settings: { ...DEFAULT_SETTINGS, cardTrigger: 'modifier-hover' }, sites: { 'reuters.com': 'off' } });
    expect(mine.current.loadProblems?.problems).toEqual([]);
  });

  it('reads again when storage changed while the first read was on its way', async () => {
    const session = new SettingsSession(new SettingsStore(fakeBrowser.storage.sync));
    const loading = session.load();
    session.storageChanged();
    await fakeBrowser.storage.sync.set({ 'pref:paused': true });
    await loading;
    await flush();
    expect(session.current.state?.settings.paused).toBe(true);
  });

  it('says why the first read failed', async () => {
    const broken: StorageArea = { get: () => Promise.reject(new Error('storage is gone')), set: async () => {}, remove: async () => {} };
    const session = new SettingsSession(new SettingsStore(broken));
    await session.load();
    expect(session.current.state).toBeNull();
    expect(session.current.loadError).toBe('storage is gone');
  });
});
