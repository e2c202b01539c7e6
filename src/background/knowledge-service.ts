/**
 * The background's knowledge: which pack is active, importing a pack from a file, and updates from the feed.
 * Every dependency is passed in (storage, fetch, WebCrypto, permissions, the clock), so tests drive it directly.
 *
 * Order of trust for a new pack: its signature (the project's key makes it official), then the same checks as
 * `npm run pack:check`, then the reader's confirmation (imports) or "newer than the active one" (the feed).
 */
import { PROJECT_PUBLIC_KEY, DEFAULT_FEED_URL } from '../build-config';
import { ActivePackStore, compareVersions, infoOf, PACK_KEYS, type PackInfo, type PackNotice } from '../knowledge/active-pack';

export { UPDATE_STATUS_KEY };
export type { ActivationReply, PackPreview, PackStatus, UpdateStatus };
import { diffPacks } from '../knowledge/pack-diff';
import { checkFeed, type FeedDeps } from '../knowledge/pack-feed';
import { SIGNATURE_PROBLEMS, verifyPackSignature, type Subtle } from '../knowledge/pack-signature';
import { UPDATE_STATUS_KEY, type ActivationReply, type PackPreview, type PackStatus, type Signer, type UpdateStatus } from '../knowledge/pack-status';
import type { PackResult } from '../knowledge/validate';
import type { Settings } from '../settings/settings';

export interface KnowledgeDeps {
  store: ActivePackStore;
  area: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void>; remove(key: string): Promise<void> };
  validate: (text: string) => PackResult;
  readSettings: () => Promise<Settings>;
  subtle: Subtle;
  fetch: FeedDeps['fetch'];
  setTimer: FeedDeps['setTimer'];
  clearTimer: FeedDeps['clearTimer'];
  /** Whether the browser lets the extension reach this origin (the optional host permission the reader granted). */
  canReach: (origin: string) => Promise<boolean>;
  now: () => Date;
  projectKey?: string;
  defaultFeedUrl?: string;
}

const encoder = new TextEncoder();

export class KnowledgeService {
  readonly #deps: KnowledgeDeps;
  readonly #projectKey: string;
  readonly #defaultFeedUrl: string;
  #checking: Promise<UpdateStatus> | null = null;

  constructor(deps: KnowledgeDeps) {
    this.#deps = deps;
    this.#projectKey = deps.projectKey ?? PROJECT_PUBLIC_KEY;
    this.#defaultFeedUrl = deps.defaultFeedUrl ?? DEFAULT_FEED_URL;
  }

  feedOf(settings: Pick<Settings, 'feedUrl' | 'feedKey'>): { url: string; key: string } {
    return { url: settings.feedUrl || this.#defaultFeedUrl, key: settings.feedKey || this.#projectKey };
  }

  async status(): Promise<PackStatus> {
    const [active, settings, stored] = await Promise.all([this.#deps.store.current(), this.#deps.readSettings(), this.#deps.area.get(UPDATE_STATUS_KEY)]);
    const notice = (await this.#deps.area.get(PACK_KEYS.notice))[PACK_KEYS.notice];
    const feed = this.feedOf(settings);
    return {
      active: active.info,
      bundled: this.#deps.store.bundledInfo(),
      notice: noticeOf(notice),
      lastCheck: (stored[UPDATE_STATUS_KEY] as UpdateStatus | undefined) ?? null,
      feed: { url: feed.url, defaultUrl: this.#defaultFeedUrl, usesProjectKey: feed.key === this.#projectKey },
    };
  }

  async dismissNotice(): Promise<void> {
    await this.#deps.area.remove(PACK_KEYS.notice);
  }

  /** Who signed these bytes: the project, the reader's own feed key, an unknown key, or nobody. */
  async #signer(text: string, signature: string | null): Promise<{ signer: Signer; problem: string | null }> {
    if (!signature) return { signer: 'unsigned', problem: null };
    const bytes = encoder.encode(text);
    const project = await verifyPackSignature(this.#deps.subtle, bytes, signature, this.#projectKey);
    if (project.valid) return { signer: 'project', problem: null };
    if (project.reason !== 'mismatch') return { signer: 'unknown-key', problem: SIGNATURE_PROBLEMS[project.reason] };
    const { feedKey } = await this.#deps.readSettings();
    if (feedKey && feedKey !== this.#projectKey && (await verifyPackSignature(this.#deps.subtle, bytes, signature, feedKey)).valid) return { signer: 'feed-key', problem: null };
    return { signer: 'unknown-key', problem: "the signature was not made with the project's key" };
  }

  /** Checks a pack the reader chose, and says what it would change. Changes nothing. */
  async preview(text: string, signature: string | null): Promise<PackPreview> {
    const result = this.#deps.validate(text);
    if (!result.ok) return { ok: false, problems: result.problems };
    const [active, signed] = await Promise.all([this.#deps.store.current(), this.#signer(text, signature)]);
    return {
      ok: true,
      info: infoOf(result.pack, 'import', signed.signer === 'project'),
      diff: diffPacks(active.pack, result.pack),
      signer: signed.signer,
      signatureProblem: signed.problem,
    };
  }

  /** Activates an imported pack. An unofficial one needs the reader's explicit confirmation. */
  async activateImport(text: string, signature: string | null, acceptUnofficial: boolean): Promise<ActivationReply> {
    const signed = await this.#signer(text, signature);
    const official = signed.signer === 'project';
    if (!official && !acceptUnofficial)
      return { ok: false, reason: 'unconfirmed', message: 'This pack is not signed with the project\'s key: confirm that you want to use an unofficial pack.' };
    const result = await this.#deps.store.activate(text, 'import', official);
    return result.ok ? { ok: true, info: result.active.info } : { ok: false, reason: 'invalid', message: 'The pack has problems; nothing was changed.', problems: result.problems };
  }

  async useBundled(): Promise<PackInfo> {
    return (await this.#deps.store.useBundled()).info;
  }

  /** One check of the feed; concurrent calls (the alarm and "Check now") share it. */
  checkNow(): Promise<UpdateStatus> {
    this.#checking ??= this.#check().finally(() => (this.#checking = null));
    return this.#checking;
  }

  async #check(): Promise<UpdateStatus> {
    const settings = await this.#deps.readSettings();
    const feed = this.feedOf(settings);
    const at = this.#deps.now().toISOString();
    const record = async (status: Omit<UpdateStatus, 'at'>) => {
      const full = { at, ...status };
      await this.#deps.area.set({ [UPDATE_STATUS_KEY]: full });
      return full;
    };
    let origin: string;
    try {
      origin = new URL(feed.url).origin;
    } catch {
      return record({
        outcome: 'refused',
        reason: 'bad-manifest',
        message: `The feed address "${feed.url}" is not a valid address.`,
        finding: { kind: 'bad-address', address: feed.url },
      });
    }
    if (!(await this.#deps.canReach(origin))) {
      return record({
        outcome: 'no-permission',
        message: `The browser does not let the extension reach ${origin}. Turn updates off and on again to allow it.`,
        finding: { kind: 'no-permission', origin },
      });
    }
    const active = await this.#deps.store.current();
    const result = await checkFeed(
      { manifestUrl: feed.url, publicKey: feed.key, current: { id: active.info.id, version: active.info.version } },
      { fetch: this.#deps.fetch, subtle: this.#deps.subtle, setTimer: this.#deps.setTimer, clearTimer: this.#deps.clearTimer },
    );
    if (result.outcome === 'up-to-date')
      return record({
        outcome: 'up-to-date',
        message: `Up to date: version ${result.version} is the newest the feed offers.`,
        finding: { kind: 'up-to-date', version: result.version },
      });
    if (result.outcome === 'refused')
      return record({
        outcome: 'refused',
        reason: result.reason,
        message: `Update refused: ${result.message}. The pack in use was kept.`,
        finding: { kind: 'feed-refused', detail: result.message },
      });
    const checked = this.#deps.validate(result.text);
    if (!checked.ok) {
      const first = checked.problems[0];
      const where = `${first?.path}: ${first?.message}`;
      return record({
        outcome: 'refused',
        reason: 'invalid',
        message: `Update refused: the pack has ${checked.problems.length} problem(s), first ${where}. The pack in use was kept.`,
        finding: { kind: 'invalid', problems: checked.problems.length, first: where },
      });
    }
    // The manifest could name one version and the pack carry another: the pack's own version decides.
    const { version } = checked.pack.meta;
    if (version !== result.manifest.pack.version || compareVersions(version, active.info.version) <= 0) {
      return record({
        outcome: 'refused',
        reason: 'downgrade',
        message: `Update refused: the pack's version (${version}) is not the newer one the feed announced. The pack in use was kept.`,
        finding: { kind: 'not-newer', version },
      });
    }
    const activated = await this.#deps.store.activate(result.text, 'feed', feed.key === this.#projectKey);
    if (!activated.ok)
      return record({
        outcome: 'refused',
        reason: 'invalid',
        message: 'Update refused: the pack did not pass the checks. The pack in use was kept.',
        finding: { kind: 'not-activated' },
      });
    const { info } = activated.active;
    return record({
      outcome: 'updated',
      message: `Updated to version ${info.version}, as of ${info.asOf}.`,
      finding: { kind: 'updated', version: info.version, asOf: info.asOf },
    });
  }
}

/** The stored notice: an earlier version stored the sentence alone. */
function noticeOf(stored: unknown): PackNotice | null {
  if (typeof stored === 'string') return { message: stored };
  if (stored && typeof stored === 'object' && typeof (stored as PackNotice).message === 'string') return stored as PackNotice;
  return null;
}
