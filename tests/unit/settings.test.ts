import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, readSettings, SETTINGS_VERSION, VERSION_KEY } from '../../src/settings/settings';
import { chooseSettingsArea, SettingsSaveError, SettingsStore } from '../../src/settings/store';

describe('readSettings', () => {
  it('gives the defaults for empty storage, with no problems', () => {
    expect(readSettings({})).toEqual({ settings: DEFAULT_SETTINGS, sites: {}, problems: [], invalidKeys: [] });
  });

  it('falls back one key at a time and keeps the rest', () => {
    const result = readSettings({
      [VERSION_KEY]: 1,
      'pref:paused': 'yes',
      'pref:highlightStyle': 'background',
      'pref:tracks': ['minerals', 'nonsense'],
      'pref:cardTrigger': 'click',
      'site:reuters.com': 'off',
      'site:bbc.com': 42,
    });
    expect(result.settings).toMatchObject({ paused: false, highlightStyle: 'background', tracks: DEFAULT_SETTINGS.tracks, cardTrigger: 'click' });
    expect(result.sites).toEqual({ 'reuters.com': 'off' });
    expect(result.problems).toHaveLength(3);
    expect(result.problems.join('\n')).toMatch(/pref:paused: "yes" is not a valid value/);
    expect(result.problems.join('\n')).toMatch(/site:bbc.com/);
  });

  it('ignores unknown keys from other versions without complaint', () => {
    expect(readSettings({ 'pref:somethingNew': true, unrelated: 'x' }).problems).toEqual([]);
  });

  it('keeps what it understands from a newer version, and says so', () => {
    const result = readSettings({ [VERSION_KEY]: SETTINGS_VERSION + 1, 'pref:markScope': 'every' });
    expect(result.settings.markScope).toBe('every');
    expect(result.problems[0]).toMatch(/newer version/);
  });

  it('runs migrations from older versions in order', () => {
    const migrations = {
      [SETTINGS_VERSION - 1]: (record: Record<string, unknown>) => ({ ...record, 'pref:highlightStyle': record['pref:highlight'] ? 'background' : 'none' }),
    };
    const result = readSettings({ [VERSION_KEY]: SETTINGS_VERSION - 1, 'pref:highlight': true }, migrations);
    expect(result.settings.highlightStyle).toBe('background');
    expect(result.problems).toEqual([]);
  });

  it('reports an unreadable version and still reads each key', () => {
    const result = readSettings({ [VERSION_KEY]: 'garbage', 'pref:paused': true });
    expect(result.settings.paused).toBe(true);
    expect(result.problems[0]).toMatch(/settings-version: unreadable/);
  });
});

describe('SettingsStore', () => {
  beforeEach(() => fakeBrowser.reset());

  it('round-trips settings and site choices through storage', async () => {
    const store = new SettingsStore(fakeBrowser.storage.sync);
    await store.set('highlightStyle', 'background');
    await store.setSite('reuters.com', 'off');
    const { settings, sites } = await store.read();
    expect(settings.highlightStyle).toBe('background');
    expect(sites).toEqual({ 'reuters.com': 'off' });
    await store.setSite('reuters.com', null);
    expect((await store.read()).sites).toEqual({});
  });

  it('loses neither change when two tabs toggle different sites at once', async () => {
    const tabA = new SettingsStore(fakeBrowser.storage.sync);
    const tabB = new SettingsStore(fakeBrowser.storage.sync);
    await Promise.all([tabA.setSite('a.example', 'off'), tabB.setSite('b.example', 'on'), tabA.set('paused', true), tabB.set('markScope', 'every')]);
    const { settings, sites } = await tabA.read();
    expect(sites).toEqual({ 'a.example': 'off', 'b.example': 'on' });
    expect(settings).toMatchObject({ paused: true, markScope: 'every' });
  });

  it('repairs corrupt values once, so the problem is not reported again', async () => {
    await fakeBrowser.storage.sync.set({ 'pref:paused': 'corrupt', 'pref:markScope': 'every' });
    const store = new SettingsStore(fakeBrowser.storage.sync);
    expect((await store.readAndRepair()).problems).toHaveLength(1);
    const again = await store.readAndRepair();
    expect(again.problems).toEqual([]);
    expect(again.settings.markScope).toBe('every');
  });

  it('leaves settings saved by a newer version as they are', async () => {
    await fakeBrowser.storage.sync.set({ [VERSION_KEY]: SETTINGS_VERSION + 1, 'pref:paused': 'a future format' });
    const result = await new SettingsStore(fakeBrowser.storage.sync).readAndRepair();
    expect(result.settings.paused).toBe(false);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({ [VERSION_KEY]: SETTINGS_VERSION + 1, 'pref:paused': 'a future format' });
  });

  it('writes every setting in the current format after a migration', async () => {
    await fakeBrowser.storage.sync.set({ [VERSION_KEY]: SETTINGS_VERSION - 1, 'pref:highlight': true, 'pref:markScope': 'every' });
    const migrations = { [SETTINGS_VERSION - 1]: (r: Record<string, unknown>) => ({ ...r, 'pref:highlightStyle': r['pref:highlight'] ? 'background' : 'none' }) };
    await new SettingsStore(fakeBrowser.storage.sync, migrations).readAndRepair();
    const stored = await fakeBrowser.storage.sync.get(null);
    expect(stored).toMatchObject({ [VERSION_KEY]: SETTINGS_VERSION, 'pref:highlightStyle': 'background', 'pref:markScope': 'every' });
  });

  it.each([
    [true, 'every'],
    [false, 'paragraph'],
    [undefined, DEFAULT_SETTINGS.markScope],
  ])('moves version 1\'s "mark every mention" = %s to "which mentions are marked" = %s, and removes the old key', async (every, scope) => {
    await fakeBrowser.storage.sync.set({ [VERSION_KEY]: 1, ...(every === undefined ? {} : { 'pref:markEveryMention': every }), 'pref:paused': true });
    const result = await new SettingsStore(fakeBrowser.storage.sync).readAndRepair();
    expect(result.problems).toEqual([]);
    expect(result.settings).toMatchObject({ markScope: scope, paused: true, wholePage: false });
    const stored = await fakeBrowser.storage.sync.get(null);
    expect(stored).toMatchObject({ [VERSION_KEY]: SETTINGS_VERSION, 'pref:markScope': scope, 'pref:paused': true });
    expect(stored).not.toHaveProperty('pref:markEveryMention');
  });

  it('turns a failing storage area into a clear error', async () => {
    const failing = { get: async () => ({}), set: async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')), remove: async () => {} };
    const store = new SettingsStore(failing);
    await expect(store.set('paused', true)).rejects.toThrow(SettingsSaveError);
    await expect(store.set('paused', true)).rejects.toThrow(/Could not save the setting "paused": QUOTA_BYTES quota exceeded/);
  });

  it('uses local storage where sync is not available', async () => {
    const broken = { get: () => Promise.reject(new Error('sync disabled')), set: async () => {}, remove: async () => {} };
    const area = await chooseSettingsArea({ sync: broken as never, local: fakeBrowser.storage.local });
    expect(area).toBe(fakeBrowser.storage.local);
    expect(await chooseSettingsArea(fakeBrowser.storage)).toBe(fakeBrowser.storage.sync);
  });
});
