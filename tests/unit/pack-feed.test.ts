import { describe, expect, it } from 'vitest';
import { checkFeed, type FeedDeps } from '../../src/knowledge/pack-feed';
import { feedFiles, subtle, testKeys } from '../helpers/signing';
import { miniPack } from '../helpers/packs';

const FEED = 'https://feed.example/packs/feed.json';
const project = testKeys();
const foreign = testKeys();
const current = { id: 'mini', version: '1.0.0' };

function packText(version: string) {
  const pack = miniPack();
  pack.meta.version = version;
  return JSON.stringify(pack, null, 2);
}

type Route = () => Response | Promise<Response>;
const json = (value: unknown) => () => new Response(JSON.stringify(value), { status: 200 });
const text = (value: string) => () => new Response(value, { status: 200 });

/** A fake feed server: each address answers with its route; every request is recorded. */
function server(routes: Record<string, Route>) {
  const requests: string[] = [];
  const timers: (() => void)[] = [];
  const deps: FeedDeps = {
    subtle,
    fetch: async (url, init) => {
      requests.push(url);
      const route = routes[url];
      if (!route) throw new TypeError('Failed to fetch');
      if (init.signal?.aborted) throw new DOMException('aborted', 'AbortError');
      return route();
    },
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => undefined,
  };
  return { deps, requests, fireTimers: () => timers.splice(0).forEach((fn) => fn()) };
}

function routesFor(files: ReturnType<typeof feedFiles>, base = 'https://feed.example/packs/') {
  return {
    [FEED]: json(files.manifest),
    [`${base}${files.manifest.pack.url}`]: text(files.packText),
    [`${base}${files.manifest.pack.signature}`]: text(files.signature),
  };
}

const check = (deps: FeedDeps, publicKey = project.publicKey) => checkFeed({ manifestUrl: FEED, publicKey, current }, deps);

describe('the update feed', () => {
  it('downloads a newer pack whose hash and signature are right', async () => {
    const files = feedFiles(packText('1.1.0'), project.privatePem);
    const result = await check(server(routesFor(files)).deps);
    expect(result.outcome).toBe('downloaded');
    if (result.outcome === 'downloaded') expect(result.text).toBe(files.packText);
  });

  it('stops after the manifest when the version is the one in use', async () => {
    const files = feedFiles(packText('1.0.0'), project.privatePem);
    const { deps, requests } = server(routesFor(files));
    expect(await check(deps)).toEqual({ outcome: 'up-to-date', version: '1.0.0' });
    expect(requests).toEqual([FEED]);
  });

  // Each refusal: what is wrong with the feed, the reason, and words the status line must contain.
  it.each<[string, (files: ReturnType<typeof feedFiles>) => Record<string, Route>, string, RegExp]>([
    ['a foreign signature', (f) => ({ ...routesFor(f), [`https://feed.example/packs/${f.manifest.pack.signature}`]: text(feedFiles(f.packText, foreign.privatePem).signature) }), 'signature', /signature does not match/],
    ['a wrong hash', (f) => ({ ...routesFor(f), [FEED]: json({ ...f.manifest, pack: { ...f.manifest.pack, sha256: '0'.repeat(64) } }) }), 'hash', /SHA-256 does not match/],
    ['an older version', (f) => ({ ...routesFor(f), [FEED]: json({ ...f.manifest, pack: { ...f.manifest.pack, version: '0.9.0' } }) }), 'downgrade', /older than 1\.0\.0/],
    ['a size over the limit', (f) => ({ ...routesFor(f), [FEED]: json({ ...f.manifest, pack: { ...f.manifest.pack, size: 5 * 1024 * 1024 } }) }), 'too-large', /more than the/],
    ['a body longer than declared', (f) => ({ ...routesFor(f), [FEED]: json({ ...f.manifest, pack: { ...f.manifest.pack, size: f.manifest.pack.size - 10 } }) }), 'too-large', /larger than/],
    ['a truncated download', (f) => ({ ...routesFor(f), ['https://feed.example/packs/' + f.manifest.pack.url]: text(f.packText.slice(0, 100)) }), 'truncated', /stopped after 100 of/],
    ['a manifest that is not JSON', (f) => ({ ...routesFor(f), [FEED]: text('<html>captive portal</html>') }), 'not-json', /not JSON/],
    ['a manifest without a hash', (f) => ({ ...routesFor(f), [FEED]: json({ format: 1, pack: { ...f.manifest.pack, sha256: undefined } }) }), 'bad-manifest', /pack\.sha256/],
    ['an HTTP error', (f) => ({ ...routesFor(f), [FEED]: () => new Response('gone', { status: 404, statusText: 'Not Found' }) }), 'http', /answered 404 Not Found/],
    ['a pack address on another origin', (f) => ({ ...routesFor(f), [FEED]: json({ ...f.manifest, pack: { ...f.manifest.pack, url: 'https://elsewhere.example/p.json' } }) }), 'off-origin', /away from the feed/],
    ['a redirect off the origin', (f) => ({ ...routesFor(f), [FEED]: () => Object.defineProperty(new Response(JSON.stringify(f.manifest)), 'url', { value: 'https://elsewhere.example/feed.json' }) }), 'off-origin', /redirected away/],
    ['another pack id', (f) => ({ ...routesFor(f), [FEED]: json({ ...f.manifest, pack: { ...f.manifest.pack, id: 'other' } }) }), 'other-pack', /another pack/],
    ['no network', () => ({}), 'offline', /could not reach the feed/],
  ])('refuses %s, and says why', async (_name, routes, reason, message) => {
    const files = feedFiles(packText('1.1.0'), project.privatePem);
    const result = await check(server(routes(files)).deps);
    expect(result).toMatchObject({ outcome: 'refused', reason });
    if (result.outcome === 'refused') expect(result.message).toMatch(message);
  });

  it('refuses a pack signed with the project key when the feed is set to another key', async () => {
    const files = feedFiles(packText('1.1.0'), project.privatePem);
    expect(await check(server(routesFor(files)).deps, foreign.publicKey)).toMatchObject({ outcome: 'refused', reason: 'signature' });
  });

  it('gives up on a request that does not answer in time', async () => {
    const files = feedFiles(packText('1.1.0'), project.privatePem);
    let release: () => void = () => undefined;
    const { deps, fireTimers } = server({
      ...routesFor(files),
      [FEED]: () => new Promise<Response>((_resolve, reject) => (release = () => reject(new DOMException('aborted', 'AbortError')))),
    });
    const pending = check(deps);
    await Promise.resolve();
    fireTimers();
    release();
    expect(await pending).toMatchObject({ outcome: 'refused', reason: 'timeout' });
  });
});
