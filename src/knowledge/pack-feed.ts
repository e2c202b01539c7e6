/**
 * The update feed: a small manifest that names the newest pack, its size, its SHA-256 and its detached Ed25519
 * signature. `checkFeed` fetches the manifest and, only when it names a newer pack, the pack and its signature,
 * and verifies them. It never activates anything: the caller validates the pack like an import and activates it.
 *
 * Every way of failing is a refusal with a reason and a sentence for the options page; the active pack is kept.
 * `fetch`, WebCrypto and the timer are passed in, so tests run against fake servers and a fake clock.
 */
import { compareVersions } from './active-pack';
import { sha256Hex, SIGNATURE_PROBLEMS, verifyPackSignature, type Subtle } from './pack-signature';

export const FEED_FORMAT = 1;

/** Limits on what a check downloads: a pack is two copies in `storage.local`, whose quota is 10 MB. */
export const FEED_LIMITS = {
  manifestBytes: 16 * 1024,
  signatureBytes: 1024,
  packBytes: 4 * 1024 * 1024,
  /** Per request. A slow or stalled connection is given up rather than left hanging in the background. */
  timeoutMs: 20_000,
} as const;

export interface FeedManifest {
  format: typeof FEED_FORMAT;
  pack: {
    id: string;
    version: string;
    asOf: string;
    /** Addresses relative to the manifest; they must stay on the feed's origin. */
    url: string;
    signature: string;
    size: number;
    sha256: string;
  };
}

export type FeedRefusal =
  | 'offline'
  | 'timeout'
  | 'http'
  | 'off-origin'
  | 'not-json'
  | 'bad-manifest'
  | 'too-large'
  | 'truncated'
  | 'hash'
  | 'signature'
  | 'downgrade'
  | 'other-pack'
  | 'invalid';

export type FeedCheck =
  | { outcome: 'up-to-date'; version: string }
  | { outcome: 'downloaded'; text: string; manifest: FeedManifest }
  | { outcome: 'refused'; reason: FeedRefusal; message: string };

export interface FeedDeps {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  subtle: Subtle;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (id: unknown) => void;
  limits?: Partial<typeof FEED_LIMITS>;
}

export interface FeedRequest {
  manifestUrl: string;
  publicKey: string;
  current: { id: string; version: string };
}

class Refused extends Error {
  constructor(
    readonly reason: FeedRefusal,
    message: string,
  ) {
    super(message);
  }
}

const refuse = (reason: FeedRefusal, message: string): never => {
  throw new Refused(reason, message);
};

const isHex64 = (value: unknown) => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
const isVersion = (value: unknown) => typeof value === 'string' && /^\d+\.\d+\.\d+$/.test(value);

/** The manifest's shape, checked field by field so the status line can say which one is wrong. */
export function readManifest(data: unknown): FeedManifest {
  const pack = (data as { pack?: Record<string, unknown> } | null)?.pack;
  if (!data || typeof data !== 'object' || (data as { format?: unknown }).format !== FEED_FORMAT) {
    refuse('bad-manifest', `the feed manifest is not format ${FEED_FORMAT}`);
  }
  if (!pack || typeof pack !== 'object') return refuse('bad-manifest', 'the feed manifest has no "pack"');
  const checks: [string, boolean][] = [
    ['id', typeof pack.id === 'string' && pack.id.length > 0],
    ['version', isVersion(pack.version)],
    ['asOf', typeof pack.asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(pack.asOf)],
    ['url', typeof pack.url === 'string' && pack.url.length > 0],
    ['signature', typeof pack.signature === 'string' && pack.signature.length > 0],
    ['size', Number.isInteger(pack.size) && (pack.size as number) > 0],
    ['sha256', isHex64(pack.sha256)],
  ];
  const wrong = checks.filter(([, ok]) => !ok).map(([name]) => `pack.${name}`);
  if (wrong.length) refuse('bad-manifest', `the feed manifest has a missing or malformed ${wrong.join(', ')}`);
  return data as FeedManifest;
}

export async function checkFeed(request: FeedRequest, deps: FeedDeps): Promise<FeedCheck> {
  const limits = { ...FEED_LIMITS, ...deps.limits };
  try {
    const feedOrigin = new URL(request.manifestUrl).origin;
    const get = (url: string, limit: number, what: string) => download(url, feedOrigin, limit, what, limits.timeoutMs, deps);

    const manifestBytes = await get(request.manifestUrl, limits.manifestBytes, 'the feed manifest');
    let data: unknown;
    try {
      data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
    } catch {
      refuse('not-json', 'the feed manifest is not JSON');
    }
    const manifest = readManifest(data);
    const offered = manifest.pack;
    if (offered.id !== request.current.id) refuse('other-pack', `the feed offers another pack ("${offered.id}")`);
    const order = compareVersions(offered.version, request.current.version);
    if (order === 0) return { outcome: 'up-to-date', version: offered.version };
    if (order < 0) refuse('downgrade', `the feed offers version ${offered.version}, older than ${request.current.version} in use`);
    if (offered.size > limits.packBytes) refuse('too-large', `the pack is ${offered.size} bytes, more than the ${limits.packBytes} allowed`);

    const packUrl = sameOrigin(offered.url, request.manifestUrl, feedOrigin);
    const signatureUrl = sameOrigin(offered.signature, request.manifestUrl, feedOrigin);
    const bytes = await get(packUrl, Math.min(offered.size, limits.packBytes), 'the pack');
    if (bytes.length < offered.size) refuse('truncated', `the pack download stopped after ${bytes.length} of ${offered.size} bytes`);
    if ((await sha256Hex(deps.subtle, bytes)) !== offered.sha256) refuse('hash', "the pack's SHA-256 does not match the feed manifest");

    const signature = new TextDecoder().decode(await get(signatureUrl, limits.signatureBytes, 'the signature'));
    const check = await verifyPackSignature(deps.subtle, bytes, signature, request.publicKey);
    if (!check.valid) refuse('signature', `refused: ${SIGNATURE_PROBLEMS[check.reason]}`);

    let text = '';
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      refuse('not-json', 'the pack is not UTF-8 text');
    }
    return { outcome: 'downloaded', text, manifest };
  } catch (error) {
    if (error instanceof Refused) return { outcome: 'refused', reason: error.reason, message: error.message };
    throw error;
  }
}

function sameOrigin(address: string, base: string, origin: string): string {
  let url: URL;
  try {
    url = new URL(address, base);
  } catch {
    return refuse('bad-manifest', `the feed manifest names an address that is not valid ("${address}")`);
  }
  if (url.origin !== origin) refuse('off-origin', `the feed manifest points away from the feed's own address (${url.origin})`);
  return url.href;
}

/** Fetches one file of the feed. A body longer than `limit` is refused, never cut short and used. */
async function download(url: string, origin: string, limit: number, what: string, timeoutMs: number, deps: FeedDeps): Promise<Uint8Array> {
  const abort = new AbortController();
  let timedOut = false;
  const timer = deps.setTimer(() => {
    timedOut = true;
    abort.abort();
  }, timeoutMs);
  try {
    let response: Response;
    try {
      // No cookies, no referrer, nothing about the reader or the page: the request names only the file.
      response = await deps.fetch(url, { signal: abort.signal, credentials: 'omit', cache: 'no-store', redirect: 'follow', referrerPolicy: 'no-referrer' });
    } catch {
      return timedOut ? refuse('timeout', `${what} did not arrive within ${Math.round(timeoutMs / 1000)} s`) : refuse('offline', `could not reach the feed (offline, or the address is wrong)`);
    }
    if (response.url && new URL(response.url).origin !== origin) refuse('off-origin', `${what} was redirected away from the feed's address`);
    if (!response.ok) refuse('http', `${what}: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > limit) refuse('too-large', `${what} is larger than the ${limit} bytes allowed`);
    if (!response.body) return new Uint8Array(await response.arrayBuffer());
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch {
        return timedOut ? refuse('timeout', `${what} did not arrive within ${Math.round(timeoutMs / 1000)} s`) : refuse('truncated', `the download of ${what} broke off`);
      }
      if (step.done) break;
      total += step.value.length;
      if (total > limit) {
        await reader.cancel().catch(() => undefined);
        refuse('too-large', `${what} is larger than the ${limit} bytes allowed`);
      }
      chunks.push(step.value);
    }
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    return bytes;
  } finally {
    deps.clearTimer(timer);
  }
}
