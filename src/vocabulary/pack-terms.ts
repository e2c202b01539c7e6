/**
 * The ids and enums of the knowledge pack, as plain constants. The pack schema (src/knowledge/schema.ts) validates
 * against them with valibot; code that must not carry a validator, like the matcher and the content script's
 * settings, imports them from here. It imports nothing, so the matcher depends on it without depending on
 * src/knowledge, which itself depends on the matcher.
 */

/** The parties every stance table shows, in this order, always. */
export const PARTY_IDS = ['us', 'ukraine', 'russia', 'europe', 'mediators'] as const;
/** The parties every topic must cover: with a stance, or with an explicit "no public position". */
export const CORE_PARTY_IDS = ['us', 'ukraine', 'russia', 'europe'] as const;
export const TRACK_IDS = ['minerals', 'ceasefire', 'territory', 'sanctions', 'security', 'elections'] as const;
export const ACTOR_KINDS = ['country', 'organization', 'person', 'group'] as const;
export const STANCE_STATUSES = ['stated', 'reported', 'disputed'] as const;
export const AGREEMENT_STATUSES = ['proposed', 'agreed', 'signed', 'ratified', 'in-force', 'rejected', 'stalled', 'superseded'] as const;
/**
 * - `primary`: an official document or readout;
 * - `outlet`: a news outlet of record, its own newsroom's work;
 * - `copy`: a republication of another outlet's story (`copyOf` names it);
 * - `state-media`: an outlet run by a state (`state` names it);
 * - `other`: anything else (background, analysis, reference works).
 */
export const SOURCE_KINDS = ['primary', 'outlet', 'copy', 'state-media', 'other'] as const;
/** Why a source is weak although its kind is not: see `isWeakSource` in `src/knowledge/weak-sources.ts`. */
export const WEAK_FLAGS = ['partisan', 'aggregator'] as const;
/**
 * How an alias may match:
 * - `any`: in any letter case ("ceasefire", "Ceasefire", "CEASEFIRE");
 * - `proper`: exactly as written, or in ALL CAPS ("Trump", "TRUMP", never "trump");
 * - `exact`: exactly as written only ("US", never "us" or "Us").
 */
export const CASE_RULES = ['any', 'proper', 'exact'] as const;

export type PartyId = (typeof PARTY_IDS)[number];
export type TrackId = (typeof TRACK_IDS)[number];
export type CaseRule = (typeof CASE_RULES)[number];
