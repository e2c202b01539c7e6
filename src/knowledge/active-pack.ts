/**
 * The active knowledge pack: the bundled one, or a newer valid pack the reader imported or the update feed
 * delivered. The background owns it; this module is its storage and its rules, with storage, WebCrypto, the
 * validator and the clock passed in.
 *
 * Rules (docs/knowledge.md, "Living knowledge"):
 * - A stored pack is kept as its exact text with its SHA-256. Reading it back checks the digest; a mismatch,
 *   unreadable JSON or a pack this version of the extension cannot validate is corrupt: the last good pack takes
 *   over, else the bundled one, and the reader is told once (`PACK_NOTICE_KEY`). Nothing is lost silently.
 * - Activating a pack validates it again (never trusting an earlier preview), keeps the previous stored pack as the
 *   last good one, and writes the matcher table the content script reads.
 * - The bundled pack takes over when it is newer than the stored one: an extension update that ships newer
 *   knowledge is never hidden behind an older download.
 * - A pack is data only. Nothing in it is ever run; its text is shown as text.
 */
import { aliasTableFromPack } from './alias-table-from-pack';
import { diffPacks, type DiffItem, type PackDiff } from './pack-diff';
import { sha256Hex, type Subtle } from './pack-signature';
import type { Pack } from './schema';
import type { PackProblem, PackResult } from './validate';
import { packAliasTable } from '../matcher/alias-table';
import { MATCHER_TABLE_KEY, type MatcherTableRecord } from './matcher-table';

/** Storage keys in `storage.local` (never synced: packs are large, and each browser checks its own). */
export const PACK_KEYS = {
  active: 'pack:active',
  lastGood: 'pack:last-good',
  /** The alias table of the active pack, as the content script reads it (see matcher-table.ts). */
  matcher: MATCHER_TABLE_KEY,
  /** A `PackNotice` for the reader about a pack that could not be used; removed once shown in the options page. */
  notice: 'pack:notice',
  /** What the last change of active pack added or changed, for "What's new" in the popup. */
  changes: 'pack:changes',
} as const;

export type PackOrigin = 'bundled' | 'import' | 'feed';

export interface PackInfo {
  id: string;
  title: string;
  version: string;
  asOf: string;
  origin: PackOrigin;
  /** Signed with the project's key (the bundled pack always is). Unofficial packs are labelled wherever "as of" shows. */
  official: boolean;
  /** When it became active (ISO time); absent for the bundled pack. */
  activatedAt?: string;
}

interface StoredPack {
  text: string;
  sha256: string;
  info: PackInfo;
  /** The extension version that last validated this text; another version validates it again. */
  checkedBy: string;
}

export type { MatcherTableRecord };

/**
 * Said once about a stored pack that could not be read: `message` in English (all that an earlier version stored),
 * and the same as data, for the options page to say in the reader's language.
 */
export interface PackNotice {
  message: string;
  unreadable?: {
    /** The version of the pack that could not be read, when its record still names one. */
    version: string | null;
    /** What was wrong with it: technical detail, in English. */
    problem: string;
    /** The pack in use instead: the last good one, or the one that comes with the extension. */
    instead: { kind: 'previous'; version: string; asOf: string } | { kind: 'bundled'; asOf: string };
  };
}

export interface PackChanges {
  at: string;
  from: PackDiff['from'];
  to: PackDiff['to'];
  /** Added and changed events and stances, newest first. */
  items: (DiffItem & { change: 'added' | 'changed' })[];
}

export interface ActivePack {
  pack: Pack;
  info: PackInfo;
  /** Names this pack's text: card requests carry it so that answers never mix two packs. */
  revision: string;
}

export interface ActivePackDeps {
  area: {
    get(keys: string | string[] | null): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
    remove(keys: string | string[]): Promise<void>;
  };
  bundled: Pack;
  subtle: Subtle;
  validate: (text: string) => PackResult;
  now: () => Date;
  /** The extension's version: a stored pack validated by another version is validated again. */
  appVersion: string;
  /**
   * Told how long each activation took, in milliseconds: the whole of it and its stages. The background records it
   * as a performance measure (`PACK_ACTIVATED_MEASURE`), which `npm run bench` reads in the service worker.
   */
  timed?: (stages: ActivationTimes) => void;
  /** A monotonic clock in milliseconds, for `timed`. */
  clock?: () => number;
}

/** The name of the performance measure the background records around each activation. */
export const PACK_ACTIVATED_MEASURE = 'negotiation-lens:pack-activated';

export interface ActivationTimes {
  /** From the call to the matcher table being written. */
  totalMs: number;
  /** Schema and whole-pack checks of the text. */
  validateMs: number;
  /** What the pack changes against the previous one. */
  diffMs: number;
  /** Deriving the alias table for content scripts and writing it to storage. */
  matcherTableMs: number;
}

const encoder = new TextEncoder();

/** Compares dotted versions numerically: 1.10.0 is newer than 1.9.2. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

export const infoOf = (pack: Pack, origin: PackOrigin, official: boolean, activatedAt?: string): PackInfo => ({
  id: pack.meta.id,
  title: pack.meta.title,
  version: pack.meta.version,
  asOf: pack.meta.asOf,
  origin,
  official,
  ...(activatedAt ? { activatedAt } : {}),
});

export type Activation = { ok: true; active: ActivePack; diff: PackDiff } | { ok: false; problems: PackProblem[] };

/**
 * The active pack as an extension page reads it for itself, without waking the background: the stored pack when
 * its checksum holds and this version of the extension has validated it, else null (then ask the background,
 * which owns the pack and repairs what is broken). No stored pack, or a bundled one newer than it: the bundled pack.
 */
export async function readActivePack(
  area: Pick<ActivePackDeps['area'], 'get'>,
  bundled: Pack,
  subtle: Subtle,
  appVersion: string,
): Promise<ActivePack | null> {
  const raw = (await area.get(PACK_KEYS.active))[PACK_KEYS.active];
  if (raw === undefined) return { pack: bundled, info: infoOf(bundled, 'bundled', true), revision: 'bundled' };
  const checked = await checkStoredRecord(raw, subtle);
  if ('problem' in checked || checked.stored.checkedBy !== appVersion) return null;
  if (compareVersions(bundled.meta.version, checked.stored.info.version) > 0) return null;
  try {
    return { pack: JSON.parse(checked.stored.text) as Pack, info: checked.stored.info, revision: checked.revision };
  } catch {
    return null;
  }
}

/** The shape and checksum of a stored record: the checks every reader of a stored pack makes first. */
async function checkStoredRecord(raw: unknown, subtle: Subtle): Promise<{ stored: StoredPack; revision: string } | { problem: string }> {
  const stored = raw as Partial<StoredPack> | null;
  if (!stored || typeof stored.text !== 'string' || typeof stored.sha256 !== 'string' || !stored.info || typeof stored.info.version !== 'string') {
    return { problem: 'its stored record is incomplete' };
  }
  const digest = await sha256Hex(subtle, encoder.encode(stored.text));
  if (digest !== stored.sha256) return { problem: 'its stored text no longer matches its checksum' };
  return { stored: stored as StoredPack, revision: `stored-${digest.slice(0, 16)}` };
}

export class ActivePackStore {
  readonly #deps: ActivePackDeps;
  #current: Promise<ActivePack> | null = null;
  #bundledRevision: Promise<string> | null = null;

  constructor(deps: ActivePackDeps) {
    this.#deps = deps;
  }

  /** The active pack, read once and kept until it changes. */
  current(): Promise<ActivePack> {
    this.#current ??= this.#load();
    return this.#current;
  }

  bundledInfo(): PackInfo {
    return infoOf(this.#deps.bundled, 'bundled', true);
  }

  /** Forget what is in memory: another part of the extension changed the stored pack. */
  reload(): Promise<ActivePack> {
    this.#current = null;
    return this.current();
  }

  async #bundled(): Promise<ActivePack> {
    this.#bundledRevision ??= sha256Hex(this.#deps.subtle, encoder.encode(JSON.stringify(this.#deps.bundled))).then((hash) => `bundled-${hash.slice(0, 16)}`);
    return { pack: this.#deps.bundled, info: infoOf(this.#deps.bundled, 'bundled', true), revision: await this.#bundledRevision };
  }

  /** Reads a stored pack back; null with a reason when it cannot be used. */
  async #readStored(key: string): Promise<{ active: ActivePack; stored: StoredPack } | { problem: string } | null> {
    const raw = (await this.#deps.area.get(key))[key];
    if (raw === undefined) return null;
    const checked = await checkStoredRecord(raw, this.#deps.subtle);
    if ('problem' in checked) return checked;
    const { stored, revision } = checked;
    let pack: Pack;
    if (stored.checkedBy === this.#deps.appVersion) {
      try {
        pack = JSON.parse(stored.text) as Pack;
      } catch {
        return { problem: 'its stored text is not JSON' };
      }
    } else {
      const result = this.#deps.validate(stored.text);
      if (!result.ok) return { problem: `this version of the extension cannot read it (${result.problems[0]?.path}: ${result.problems[0]?.message})` };
      pack = result.pack;
      await this.#deps.area.set({ [key]: { ...stored, checkedBy: this.#deps.appVersion } });
    }
    return { active: { pack, info: stored.info, revision }, stored };
  }

  async #load(): Promise<ActivePack> {
    const bundled = await this.#bundled();
    const versionOf = (stored: unknown) => (stored as { info?: Partial<PackInfo> } | undefined)?.info?.version || null;
    const describe = (version: string | null) => (version ? `version ${version}` : 'a stored pack');
    const active = await this.#readStored(PACK_KEYS.active);
    if (active === null) return bundled;
    if ('active' in active) {
      if (compareVersions(bundled.info.version, active.active.info.version) > 0) {
        // The extension was updated with newer knowledge than the stored pack: the bundled one takes over.
        await this.#deps.area.set({ [PACK_KEYS.lastGood]: active.stored });
        await this.#deps.area.remove(PACK_KEYS.active);
        return bundled;
      }
      return active.active;
    }
    const unreadable = versionOf((await this.#deps.area.get(PACK_KEYS.active))[PACK_KEYS.active]);
    await this.#deps.area.remove(PACK_KEYS.active);
    const lastGood = await this.#readStored(PACK_KEYS.lastGood);
    if (lastGood && 'active' in lastGood && compareVersions(bundled.info.version, lastGood.active.info.version) <= 0) {
      const { version, asOf } = lastGood.active.info;
      const notice: PackNotice = {
        message: `The knowledge pack in use (${describe(unreadable)}) could not be read: ${active.problem}. The previous pack (version ${version}, as of ${asOf}) is in use again.`,
        unreadable: { version: unreadable, problem: active.problem, instead: { kind: 'previous', version, asOf } },
      };
      await this.#deps.area.set({ [PACK_KEYS.active]: lastGood.stored, [PACK_KEYS.notice]: notice });
      return lastGood.active;
    }
    const notice: PackNotice = {
      message: `The knowledge pack in use (${describe(unreadable)}) could not be read: ${active.problem}. The pack that comes with the extension (as of ${bundled.info.asOf}) is in use.`,
      unreadable: { version: unreadable, problem: active.problem, instead: { kind: 'bundled', asOf: bundled.info.asOf } },
    };
    await this.#deps.area.set({ [PACK_KEYS.notice]: notice });
    return bundled;
  }

  /** Validates, stores and activates a pack. The previous stored pack becomes the last good one. */
  async activate(text: string, origin: Exclude<PackOrigin, 'bundled'>, official: boolean): Promise<Activation> {
    const clock = this.#deps.clock ?? (() => 0);
    const started = clock();
    const result = this.#deps.validate(text);
    const validated = clock();
    if (!result.ok) return { ok: false, problems: result.problems };
    const previous = await this.current();
    const sha256 = await sha256Hex(this.#deps.subtle, encoder.encode(text));
    const info = infoOf(result.pack, origin, official, this.#deps.now().toISOString());
    const stored: StoredPack = { text, sha256, info, checkedBy: this.#deps.appVersion };
    const previousStored = (await this.#deps.area.get(PACK_KEYS.active))[PACK_KEYS.active];
    const active: ActivePack = { pack: result.pack, info, revision: `stored-${sha256.slice(0, 16)}` };
    const diffStarted = clock();
    const diff = diffPacks(previous.pack, result.pack);
    const diffMs = clock() - diffStarted;
    // In memory first: pages that hear of the change in storage and ask at once get the new pack.
    this.#current = Promise.resolve(active);
    await this.#deps.area.set({
      [PACK_KEYS.active]: stored,
      ...(previousStored !== undefined ? { [PACK_KEYS.lastGood]: previousStored } : {}),
      [PACK_KEYS.changes]: this.#changes(diff),
    });
    const tableStarted = clock();
    await this.writeMatcherTable();
    const ended = clock();
    this.#deps.timed?.({ totalMs: ended - started, validateMs: validated - started, diffMs, matcherTableMs: ended - tableStarted });
    return { ok: true, active, diff };
  }

  /** "Use the bundled pack again": one step; the stored pack stays as the last good one. */
  async useBundled(): Promise<ActivePack> {
    const previous = await this.current();
    const previousStored = (await this.#deps.area.get(PACK_KEYS.active))[PACK_KEYS.active];
    const bundled = await this.#bundled();
    this.#current = Promise.resolve(bundled);
    if (previousStored !== undefined) await this.#deps.area.set({ [PACK_KEYS.lastGood]: previousStored });
    if (previous.revision !== bundled.revision) await this.#deps.area.set({ [PACK_KEYS.changes]: this.#changes(diffPacks(previous.pack, bundled.pack)) });
    await this.#deps.area.remove(PACK_KEYS.active);
    await this.writeMatcherTable();
    return bundled;
  }

  /** Writes the active pack's alias table where content scripts read it, unless it is there already. */
  async writeMatcherTable(): Promise<MatcherTableRecord> {
    const active = await this.current();
    const existing = (await this.#deps.area.get(PACK_KEYS.matcher))[PACK_KEYS.matcher] as MatcherTableRecord | undefined;
    if (existing?.revision === active.revision && typeof existing.table === 'string') return existing;
    const record: MatcherTableRecord = { revision: active.revision, table: packAliasTable(aliasTableFromPack(active.pack)) };
    await this.#deps.area.set({ [PACK_KEYS.matcher]: record });
    return record;
  }

  #changes(diff: PackDiff): PackChanges {
    const pick = (items: DiffItem[], change: 'added' | 'changed') =>
      items.filter((item) => item.section === 'events' || item.section === 'stances').map((item) => ({ ...item, change }));
    const items = [...pick(diff.added, 'added'), ...pick(diff.changed, 'changed')].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    return { at: this.#deps.now().toISOString(), from: diff.from, to: diff.to, items };
  }
}
