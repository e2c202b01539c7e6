/**
 * What the background tells extension pages about knowledge packs: the pack in use, the last update check, the
 * preview of a pack file. Plain types and one storage key, shared by the background, the messages and the pages.
 */
import type { PackInfo, PackNotice } from './active-pack';
import type { PackDiff } from './pack-diff';
import type { FeedRefusal } from './pack-feed';
import type { PackProblem } from './validate';

/** Storage key (local) of the last update check's result, shown on the options page. */
export const UPDATE_STATUS_KEY = 'pack:update-status';

export type UpdateOutcome = 'updated' | 'up-to-date' | 'refused' | 'no-permission';

export interface UpdateStatus {
  at: string;
  outcome: UpdateOutcome;
  /** One sentence for the options page's status line, in English. */
  message: string;
  reason?: FeedRefusal;
  /** The same as data, for the options page to say in the reader's language; absent where an earlier version stored the status. */
  finding?: UpdateFinding;
}

/** What a check found. `detail` and `first` are technical (the feed's or the validator's words), in English. */
export type UpdateFinding =
  | { kind: 'bad-address'; address: string }
  | { kind: 'no-permission'; origin: string }
  | { kind: 'up-to-date'; version: string }
  | { kind: 'feed-refused'; detail: string }
  | { kind: 'invalid'; problems: number; first: string }
  | { kind: 'not-newer'; version: string }
  | { kind: 'not-activated' }
  | { kind: 'updated'; version: string; asOf: string };

/** Who signed a pack, as far as this extension can tell. */
export type Signer = 'project' | 'feed-key' | 'unknown-key' | 'unsigned';

export interface PackStatus {
  active: PackInfo;
  bundled: PackInfo;
  /** A pack that could not be used, said once; null when all is well. */
  notice: PackNotice | null;
  lastCheck: UpdateStatus | null;
  feed: { url: string; defaultUrl: string; usesProjectKey: boolean };
}

export type PackPreview =
  | { ok: false; problems: PackProblem[] }
  | { ok: true; info: PackInfo; diff: PackDiff; signer: Signer; signatureProblem: string | null };

/** A refusal's `message` is in English; `reason` lets a page say it in the reader's language. */
export type ActivationReply =
  | { ok: true; info: PackInfo }
  | { ok: false; reason: 'unconfirmed' | 'invalid'; message: string; problems?: PackProblem[] };

