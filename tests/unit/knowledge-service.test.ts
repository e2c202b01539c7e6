import { describe, expect, it } from 'vitest';
import { KnowledgeService, UPDATE_STATUS_KEY, type KnowledgeDeps } from '../../src/background/knowledge-service';
import { ActivePackStore, PACK_KEYS } from '../../src/knowledge/active-pack';
import { validatePackText } from '../../src/knowledge/validate';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import { signBytes } from '../../scripts/lib/pack-keys';
import { memoryArea } from '../helpers/memory-area';
import { miniPack } from '../helpers/packs';
import { encode, feedFiles, subtle, testKeys } from '../helpers/signing';

const project = testKeys();
const other = testKeys();
const FEED = 'https://feed.example/feed.json';


const packText = (version: string) => {
  const pack = miniPack();
  pack.meta.version = version;
  return JSON.stringify(pack, null, 2);
};

function service(options: { settings?: Partial<Settings>; routes?: Record<string, string>; reachable?: boolean } = {}) {
  const area = memoryArea();
  const requests: string[] = [];
  const store = new ActivePackStore({ area, bundled: miniPack(), subtle, validate: validatePackText, now: () => new Date('2026-12-02T00:00:00Z'), appVersion: '1' });
  const deps: KnowledgeDeps = {
    store,
    area,
    validate: validatePackText,
    readSettings: async () => ({ ...DEFAULT_SETTINGS, feedUrl: FEED, ...options.settings }),
    subtle,
    fetch: async (url) => {
      requests.push(url);
      const body = options.routes?.[url];
      if (body === undefined) throw new TypeError('Failed to fetch');
      return new Response(body);
    },
    setTimer: () => 0,
    clearTimer: () => undefined,
    canReach: async () => options.reachable ?? true,
    now: () => new Date('2026-12-02T00:00:00Z'),
    projectKey: project.publicKey,
    defaultFeedUrl: FEED,
  };
  return { knowledge: new KnowledgeService(deps), area, store, requests };
}

function routes(text: string, signer = project.privatePem) {
  const files = feedFiles(text, signer);
  return {
    [FEED]: JSON.stringify(files.manifest),
    [`https://feed.example/${files.manifest.pack.url}`]: files.packText,
    [`https://feed.example/${files.manifest.pack.signature}`]: files.signature,
  };
}

describe('importing a pack', () => {
  it('previews a valid pack signed with the project key as official, with its diff', async () => {
    const { knowledge, store } = service();
    const text = packText('1.1.0');
    const preview = await knowledge.preview(text, signBytes(encode(text), project.privatePem));
    expect(preview).toMatchObject({ ok: true, signer: 'project', info: { version: '1.1.0', official: true }, diff: { from: { version: '1.0.0' }, to: { version: '1.1.0' } } });
    expect((await store.current()).info.origin).toBe('bundled');
  });

  it('previews an invalid pack as its problems, with their paths', async () => {
    const { knowledge } = service();
    const preview = await knowledge.preview('{"format": 1}', null);
    expect(preview.ok).toBe(false);
    if (!preview.ok) expect(preview.problems.map((p) => p.path)).toContain('$.meta');
  });

  it('refuses an unsigned or foreign-signed pack until the reader confirms, then labels it unofficial', async () => {
    const { knowledge, store } = service();
    const text = packText('1.1.0');
    const foreign = signBytes(encode(text), other.privatePem);
    expect((await knowledge.preview(text, foreign)) as unknown).toMatchObject({ signer: 'unknown-key', signatureProblem: /not made with the project's key/ });
    expect(await knowledge.activateImport(text, foreign, false)).toMatchObject({ ok: false, reason: 'unconfirmed', message: /unofficial/ });
    expect((await store.current()).info.origin).toBe('bundled');
    expect(await knowledge.activateImport(text, null, true)).toMatchObject({ ok: true, info: { official: false, origin: 'import' } });
  });

  it('goes back to the bundled pack', async () => {
    const { knowledge } = service();
    await knowledge.activateImport(packText('1.1.0'), null, true);
    expect(await knowledge.useBundled()).toMatchObject({ origin: 'bundled', version: '1.0.0' });
  });
});

describe('checking the feed', () => {
  it('activates a newer signed pack and records the result', async () => {
    const { knowledge, store, area } = service({ routes: routes(packText('1.1.0')) });
    const status = await knowledge.checkNow();
    expect(status).toMatchObject({ outcome: 'updated', message: /Updated to version 1\.1\.0/, finding: { kind: 'updated', version: '1.1.0', asOf: '2025-02-18' } });
    expect((await store.current()).info).toMatchObject({ version: '1.1.0', origin: 'feed', official: true });
    expect(area.data.get(UPDATE_STATUS_KEY)).toEqual(status);
  });

  it('makes no request when the browser does not allow the feed origin', async () => {
    const { knowledge, requests } = service({ routes: routes(packText('1.1.0')), reachable: false });
    expect(await knowledge.checkNow()).toMatchObject({ outcome: 'no-permission', finding: { kind: 'no-permission', origin: 'https://feed.example' } });
    expect(requests).toEqual([]);
  });

  it('keeps the pack in use when the feed pack is signed by another key', async () => {
    const { knowledge, store } = service({ routes: routes(packText('1.1.0'), other.privatePem) });
    expect(await knowledge.checkNow()).toMatchObject({
      outcome: 'refused',
      reason: 'signature',
      message: /The pack in use was kept/,
      finding: { kind: 'feed-refused', detail: expect.stringMatching(/signature does not match/) },
    });
    expect((await store.current()).info.origin).toBe('bundled');
  });

  it('accepts packs from the reader\'s own feed signed with its own key, as unofficial', async () => {
    const { knowledge, store } = service({ routes: routes(packText('1.1.0'), other.privatePem), settings: { feedKey: other.publicKey } });
    expect(await knowledge.checkNow()).toMatchObject({ outcome: 'updated' });
    expect((await store.current()).info).toMatchObject({ origin: 'feed', official: false });
  });

  it('refuses a signed pack that fails validation, and keeps the pack in use', async () => {
    const broken = packText('1.1.0').replace('"2025-02-18"', '"2025-02-31"');
    const { knowledge, store } = service({ routes: routes(broken) });
    expect(await knowledge.checkNow()).toMatchObject({ outcome: 'refused', reason: 'invalid', message: /problem/, finding: { kind: 'invalid', problems: 1, first: expect.stringMatching(/^\$\.meta\.asOf: /) } });
    expect((await store.current()).info.origin).toBe('bundled');
  });

  it('refuses a pack whose own version is not the announced newer one', async () => {
    const files = routes(packText('1.0.0'));
    const manifest = JSON.parse(files[FEED]!);
    manifest.pack.version = '1.1.0';
    const { knowledge } = service({ routes: { ...files, [FEED]: JSON.stringify(manifest) } });
    expect(await knowledge.checkNow()).toMatchObject({ outcome: 'refused', reason: 'downgrade', finding: { kind: 'not-newer', version: '1.0.0' } });
  });

  it('says when it is up to date, after one request', async () => {
    const { knowledge, requests } = service({ routes: routes(packText('1.0.0')) });
    expect(await knowledge.checkNow()).toMatchObject({ outcome: 'up-to-date', finding: { kind: 'up-to-date', version: '1.0.0' } });
    expect(requests).toEqual([FEED]);
  });
});

describe('the notice about a pack that could not be read', () => {
  it('comes with its data; a notice an earlier version stored as a sentence still shows', async () => {
    const { knowledge, area } = service();
    const unreadable = { version: '1.2.0', problem: 'its stored text is not JSON', instead: { kind: 'bundled' as const, asOf: '2025-02-18' } };
    await area.set({ [PACK_KEYS.notice]: { message: 'The knowledge pack in use (version 1.2.0) could not be read: …', unreadable } });
    expect((await knowledge.status()).notice).toEqual({ message: 'The knowledge pack in use (version 1.2.0) could not be read: …', unreadable });
    await area.set({ [PACK_KEYS.notice]: 'The knowledge pack in use (a stored pack) could not be read: …' });
    expect((await knowledge.status()).notice).toEqual({ message: 'The knowledge pack in use (a stored pack) could not be read: …' });
    await knowledge.dismissNotice();
    expect((await knowledge.status()).notice).toBeNull();
  });
});
