import { describe, expect, it } from 'vitest';
import { ActivePackStore, compareVersions, PACK_KEYS, readActivePack, type ActivePackDeps, type PackNotice } from '../../src/knowledge/active-pack';
import { diffPacks } from '../../src/knowledge/pack-diff';
import type { Pack } from '../../src/knowledge/schema';
import { validatePackText } from '../../src/knowledge/validate';
import { unpackAliasTable } from '../../src/matcher/alias-table';
import { memoryArea } from '../helpers/memory-area';
import { miniPack } from '../helpers/packs';
import { subtle } from '../helpers/signing';


function newer(version: string, change: (pack: Pack) => void = () => undefined): string {
  const pack = miniPack();
  pack.meta.version = version;
  change(pack);
  return JSON.stringify(pack, null, 2);
}

function storeWith(area = memoryArea(), appVersion = '1.0.0') {
  const deps: ActivePackDeps = { area, bundled: miniPack(), subtle, validate: validatePackText, now: () => new Date('2026-12-02T10:00:00Z'), appVersion };
  return { store: new ActivePackStore(deps), area };
}

describe('the active pack', () => {
  it('is the bundled pack until another is activated', async () => {
    const { store } = storeWith();
    const active = await store.current();
    expect(active.info).toMatchObject({ origin: 'bundled', official: true, version: '1.0.0' });
    expect(active.revision).toMatch(/^bundled-/);
  });

  it('activates a valid newer pack, keeps it in storage, and a new store (a restarted background) reads it back', async () => {
    const { store, area } = storeWith();
    const result = await store.activate(newer('1.1.0'), 'import', false);
    expect(result.ok).toBe(true);
    const again = await storeWith(area).store.current();
    expect(again.info).toMatchObject({ origin: 'import', official: false, version: '1.1.0', activatedAt: '2026-12-02T10:00:00.000Z' });
  });

  it('changes nothing when the pack is invalid, and lists the problems with their paths', async () => {
    const { store, area } = storeWith();
    const result = await store.activate(newer('1.1.0', (p) => (p.stances[0]!.date = 'soon')), 'import', false);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ path: '$.stances[0].date' });
    expect(area.data.has(PACK_KEYS.active)).toBe(false);
    expect((await store.current()).info.origin).toBe('bundled');
  });

  it('keeps the previous stored pack as the last good one', async () => {
    const { store, area } = storeWith();
    await store.activate(newer('1.1.0'), 'import', false);
    await store.activate(newer('1.2.0'), 'feed', true);
    expect((area.data.get(PACK_KEYS.lastGood) as { info: { version: string } }).info.version).toBe('1.1.0');
  });

  it('falls back to the last good pack when the active one is corrupt, and tells the reader', async () => {
    const { store, area } = storeWith();
    await store.activate(newer('1.1.0'), 'import', false);
    await store.activate(newer('1.2.0'), 'feed', true);
    const stored = area.data.get(PACK_KEYS.active) as { text: string };
    area.data.set(PACK_KEYS.active, { ...stored, text: stored.text.replace('Mini test pack', 'Mini test pick') });
    const active = await storeWith(area).store.current();
    expect(active.info.version).toBe('1.1.0');
    const notice = area.data.get(PACK_KEYS.notice) as PackNotice;
    expect(notice.message).toMatch(/version 1\.2\.0\) could not be read: its stored text no longer matches its checksum\. The previous pack \(version 1\.1\.0/);
    // The same as data, for the options page to say in the reader's language.
    expect(notice.unreadable).toEqual({
      version: '1.2.0',
      problem: 'its stored text no longer matches its checksum',
      instead: { kind: 'previous', version: '1.1.0', asOf: active.info.asOf },
    });
  });

  it('falls back to the bundled pack when nothing stored can be read', async () => {
    const area = memoryArea({ [PACK_KEYS.active]: { text: '{', sha256: 'x', info: {} } });
    const active = await storeWith(area).store.current();
    expect(active.info.origin).toBe('bundled');
    expect(area.data.has(PACK_KEYS.active)).toBe(false);
    const notice = area.data.get(PACK_KEYS.notice) as PackNotice;
    expect(notice.message).toMatch(/could not be read: its stored record is incomplete\. The pack that comes with the extension \(as of 2025-02-18\) is in use/);
    expect(notice.unreadable).toEqual({ version: null, problem: 'its stored record is incomplete', instead: { kind: 'bundled', asOf: '2025-02-18' } });
  });

  it('validates a stored pack again after an extension update, and falls back if the new version rejects it', async () => {
    const { store, area } = storeWith();
    await store.activate(newer('1.1.0'), 'import', false);
    let validations = 0;
    const deps: ActivePackDeps = {
      area, bundled: miniPack(), subtle, now: () => new Date(), appVersion: '2.0.0',
      validate: () => (validations++, { ok: false, problems: [{ path: '$.format', message: 'must be 3' }] }),
    };
    const active = await new ActivePackStore(deps).current();
    expect(validations).toBe(1);
    expect(active.info.origin).toBe('bundled');
    expect((area.data.get(PACK_KEYS.notice) as PackNotice).message).toMatch(/cannot read it \(\$\.format: must be 3\)/);
  });

  it('lets a newer bundled pack (an extension update) take over from an older stored one', async () => {
    const { store, area } = storeWith();
    await store.activate(newer('1.1.0'), 'feed', true);
    const bundled = miniPack();
    bundled.meta.version = '1.2.0';
    const active = await new ActivePackStore({ area, bundled, subtle, validate: validatePackText, now: () => new Date(), appVersion: '1.0.0' }).current();
    expect(active.info).toMatchObject({ origin: 'bundled', version: '1.2.0' });
    expect((area.data.get(PACK_KEYS.lastGood) as { info: { version: string } }).info.version).toBe('1.1.0');
  });

  it('goes back to the bundled pack in one step', async () => {
    const { store, area } = storeWith();
    await store.activate(newer('1.1.0'), 'import', false);
    const active = await store.useBundled();
    expect(active.info.origin).toBe('bundled');
    expect(area.data.has(PACK_KEYS.active)).toBe(false);
    expect(await storeWith(area).store.current()).toMatchObject({ info: { origin: 'bundled' } });
  });

  it('writes the matcher table of the active pack for content scripts, and rewrites it when the pack changes', async () => {
    const { store, area } = storeWith();
    await store.writeMatcherTable();
    const first = area.data.get(PACK_KEYS.matcher) as { revision: string; table: string };
    expect(first.revision).toBe((await store.current()).revision);
    await store.activate(newer('1.1.0', (p) => p.actors[0]!.aliases.push({ text: 'Uncle Sam', case: 'proper' })), 'import', false);
    const second = area.data.get(PACK_KEYS.matcher) as { revision: string; table: string };
    expect(second.revision).not.toBe(first.revision);
    expect(unpackAliasTable(second.table).aliases.map((a) => a.text)).toContain('Uncle Sam');
  });

  it('records what an activation added and changed, newest first, for "What\'s new"', async () => {
    const { store, area } = storeWith();
    await store.activate(
      newer('1.1.0', (p) => {
        p.meta.asOf = '2025-03-01';
        p.events.push({ ...p.events[0]!, id: 'later-event', name: 'A later event', date: '2025-03-01', aliases: [] });
        p.stances[0]!.position = 'A reworded position.';
      }),
      'import',
      false,
    );
    const changes = area.data.get(PACK_KEYS.changes) as { items: { id: string; change: string }[]; to: { asOf: string } };
    expect(changes.to.asOf).toBe('2025-03-01');
    expect(changes.items[0]).toMatchObject({ id: 'later-event', change: 'added' });
    expect(changes.items).toContainEqual(expect.objectContaining({ section: 'stances', change: 'changed' }));
  });
});

describe('an extension page reading the active pack for itself', () => {
  it('gets the bundled pack when nothing is stored, and the stored pack when its checksum holds', async () => {
    const { store, area } = storeWith();
    expect((await readActivePack(area, miniPack(), subtle, '1.0.0'))?.info.origin).toBe('bundled');
    await store.activate(newer('1.1.0'), 'import', false);
    const read = await readActivePack(area, miniPack(), subtle, '1.0.0');
    expect(read).toMatchObject({ info: { version: '1.1.0', official: false }, revision: (await store.current()).revision });
  });

  it('leaves a broken or not yet revalidated pack to the background (null)', async () => {
    const { store, area } = storeWith();
    await store.activate(newer('1.1.0'), 'import', false);
    expect(await readActivePack(area, miniPack(), subtle, '2.0.0')).toBeNull();
    const stored = area.data.get(PACK_KEYS.active) as { text: string };
    area.data.set(PACK_KEYS.active, { ...stored, text: `${stored.text} ` });
    expect(await readActivePack(area, miniPack(), subtle, '1.0.0')).toBeNull();
  });
});

describe('the diff of two packs', () => {
  it('lists added, changed and removed events, stances, actors and topics', () => {
    const before = miniPack();
    const after = miniPack();
    after.meta.version = '1.1.0';
    after.events.push({ ...after.events[0]!, id: 'new-event', name: 'New event', aliases: [] });
    after.stances[0]!.sources = [...after.stances[0]!.sources, after.sources[0]!.id];
    const removed = after.actors.pop()!;
    after.topics[0]!.name = 'Renamed topic';
    const diff = diffPacks(before, after);
    expect(diff.from.version).toBe('1.0.0');
    expect(diff.to.version).toBe('1.1.0');
    expect(diff.added.map((i) => i.id)).toEqual(['new-event']);
    expect(diff.changed.map((i) => `${i.section}:${i.id}`).sort()).toEqual([`stances:${after.stances[0]!.id}`, `topics:${after.topics[0]!.id}`].sort());
    expect(diff.removed).toEqual([expect.objectContaining({ section: 'actors', id: removed.id })]);
  });

  it('is empty between a pack and itself', () => {
    const diff = diffPacks(miniPack(), miniPack());
    expect([...diff.added, ...diff.changed, ...diff.removed]).toEqual([]);
  });
});

describe('version order', () => {
  it.each([
    ['1.10.0', '1.9.9', 1],
    ['1.0.0', '1.0.0', 0],
    ['1.0.0', '1.0.1', -1],
    ['2.0.0', '10.0.0', -1],
  ])('%s against %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});
