/**
 * The knowledge pack format, version 2. Version-1 packs are upgraded on the way in (`upgrade.ts`), so `Pack` is
 * always format 2.
 *
 * The schema checks shape only (types, required fields, enums, date and URL syntax). Everything that needs
 * the whole pack at once — references, duplicate ids, alias collisions, dates after "as of" — lives in
 * `validate.ts`, so that each problem can be reported with its JSON path in words a pack author understands.
 *
 * Valibot rather than zod: it is modular, so only the validators we use are bundled, and its issues carry
 * a path we can turn into `$.events[3].date`. Only the background and the tools load it, never the content script.
 */
import * as v from 'valibot';
import { LANGUAGES } from './inflection';
import { ACTOR_KINDS, AGREEMENT_STATUSES, CASE_RULES, PARTY_IDS, SOURCE_KINDS, STANCE_STATUSES, TRACK_IDS, WEAK_FLAGS } from '../vocabulary/pack-terms';

export const PACK_FORMAT = 2;
/** Every format `validatePack` reads; older ones are upgraded to `PACK_FORMAT` first. */
export const READABLE_PACK_FORMATS = [1, 2] as const;

// The ids and enums live in a module without valibot, for the matcher and the content script; re-exported here
// so that the pack's format reads in one place.
export * from '../vocabulary/pack-terms';

const text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'), v.maxLength(2000, 'is longer than 2,000 characters'));
const shortText = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'), v.maxLength(200, 'is longer than 200 characters'));
const id = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens, like "riyadh-talks"'),
  v.maxLength(80, 'is longer than 80 characters'),
);
/** A calendar date, YYYY-MM-DD; checked for being a real day in `validate.ts`. */
const isoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'));
const sourceRefs = v.pipe(v.array(id), v.minLength(1, 'needs at least one source'));

// "|" and line breaks separate aliases in the content script's packed table (src/matcher/alias-table.ts).
const aliasText = v.pipe(shortText, v.maxLength(80, 'is longer than 80 characters'), v.regex(/^[^|\r\n]+$/, 'must not contain "|" or line breaks'));

/**
 * Translations of an item's own text, by language: `{"uk": {"name": "…", "description": "…"}}`. The pack is written
 * in English; a translation lists only the fields it translates, and any other is shown in English. Quotes and
 * source titles are never translated: they are what was said and what was published (docs/knowledge.md).
 */
function translations<const E extends v.ObjectEntries>(fields: E) {
  const one = v.optional(v.strictObject(fields));
  return v.optional(v.strictObject({ uk: one, ru: one, de: one, fr: one, pl: one }));
}

export const AliasSchema = v.strictObject({
  text: aliasText,
  case: v.picklist(CASE_RULES, 'must be one of: any, proper, exact'),
  /**
   * A generic alias ("ceasefire", "sanctions") is marked only on pages that are about the negotiations,
   * and never counts toward deciding that a page is.
   */
  generic: v.optional(v.boolean()),
  /** The language the alias is written in; English when absent. Its rules of inflection apply (`inflection.ts`). */
  lang: v.optional(v.picklist(LANGUAGES, `must be one of: ${LANGUAGES.join(', ')}`)),
  /** The language's rules that generate the other forms, one per word ("-" for a word that does not change). */
  inflect: v.optional(
    v.pipe(v.string(), v.regex(/^(?:[a-z]+(?:-[a-z]+)*|-)(?: (?:[a-z]+(?:-[a-z]+)*|-))*$/, 'must name an inflection rule per word, like "hard-masculine" or "o-masculine -"')),
  ),
  /** Forms no rule gives, written out: irregular ones, or a full name's other cases. */
  forms: v.optional(v.pipe(v.array(aliasText), v.maxLength(12, 'lists more than 12 forms'))),
});

/** Where sources disagree: every version, each with its sources. Cards show them all under "sources differ". */
export const ConflictSchema = v.strictObject({
  about: shortText,
  versions: v.pipe(
    v.array(v.strictObject({ text, sources: sourceRefs })),
    v.minLength(2, 'a conflict needs at least two versions'),
  ),
});

/** A visible label on a claim nobody confirmed, or one that rests only on weak sources: cards show "Unverified:" and the note. */
const verification = v.optional(v.strictObject({ status: v.literal('unverified'), note: text }));

export const SourceSchema = v.strictObject({
  id,
  publisher: shortText,
  title: text,
  url: v.pipe(v.string(), v.url('must be a full URL'), v.regex(/^https?:\/\//i, 'must start with http:// or https://')),
  date: isoDate,
  kind: v.picklist(SOURCE_KINDS),
  /** For a copy: the outlet that wrote the original, e.g. "Reuters". Required for kind "copy" (checked in validate.ts). */
  copyOf: v.optional(shortText),
  /** For state media: the state that runs it, by its short English name, e.g. "Russia", "China". Required (validate.ts). */
  state: v.optional(shortText),
  /** Weak whatever its kind: a partisan site, or an aggregator that adds no reporting of its own. */
  weak: v.optional(v.picklist(WEAK_FLAGS)),
});

/**
 * A title an actor held. `start` omitted: held since before the pack's window; `end` omitted: held now. On the day
 * one role ends the next may start (a handover), so `end` is the day it ended, inclusive.
 */
export const RoleSchema = v.strictObject({
  title: shortText,
  start: v.optional(isoDate),
  end: v.optional(isoDate),
  sources: sourceRefs,
});

export const ActorSchema = v.strictObject({
  id,
  name: shortText,
  kind: v.picklist(ACTOR_KINDS),
  /** Oldest first, not overlapping (validate.ts). A state or organisation has one role with no dates. */
  roles: v.pipe(v.array(RoleSchema), v.minLength(1, 'needs at least one role')),
  description: text,
  /** Which column of a stance table this actor speaks for, if any. */
  party: v.optional(v.picklist(PARTY_IDS)),
  /** People: the state or organisation they act for, e.g. Rubio → united-states. */
  affiliation: v.optional(id),
  aliases: v.array(AliasSchema),
  translations: translations({ name: v.optional(shortText), description: v.optional(text) }),
  sources: sourceRefs,
});

export const FactSchema = v.strictObject({ text, date: isoDate, verification, sources: sourceRefs });

export const TopicSchema = v.strictObject({
  id,
  name: shortText,
  track: v.optional(v.picklist(TRACK_IDS)),
  definition: text,
  status: FactSchema,
  keyFacts: v.array(FactSchema),
  aliases: v.array(AliasSchema),
  /** The parties this topic's table shows; defaults to the four core parties. Add "mediators" where relevant. */
  parties: v.optional(v.array(v.picklist(PARTY_IDS))),
  /** Parties for which our sources hold no public position: shown as such, never left blank. */
  noPublicPosition: v.optional(v.array(v.picklist(PARTY_IDS))),
  conflicts: v.optional(v.array(ConflictSchema)),
  translations: translations({ name: v.optional(shortText), definition: v.optional(text), status: v.optional(text) }),
  sources: sourceRefs,
});

const dateOrRange = v.union(
  [isoDate, v.strictObject({ start: isoDate, end: isoDate })],
  'must be a date "YYYY-MM-DD" or a range {"start", "end"}',
);

export const EventSchema = v.strictObject({
  id,
  name: shortText,
  date: dateOrRange,
  place: shortText,
  participants: v.array(id),
  tracks: v.array(v.picklist(TRACK_IDS)),
  summary: text,
  outcome: text,
  aliases: v.array(AliasSchema),
  conflicts: v.optional(v.array(ConflictSchema)),
  verification,
  translations: translations({ name: v.optional(shortText), place: v.optional(shortText), summary: v.optional(text), outcome: v.optional(text) }),
  sources: sourceRefs,
});

export const StanceSchema = v.strictObject({
  id,
  topic: id,
  party: v.picklist(PARTY_IDS),
  /** The person or state who took the position, when it is one actor's. */
  actor: v.optional(id),
  position: text,
  status: v.picklist(STANCE_STATUSES),
  date: isoDate,
  quote: v.optional(v.strictObject({ text: v.pipe(shortText, v.maxLength(300, 'is longer than 300 characters: quote briefly')), by: id })),
  verification,
  translations: translations({ position: v.optional(text) }),
  sources: sourceRefs,
});

export const TrackSummarySchema = v.strictObject({
  id: v.picklist(TRACK_IDS),
  name: shortText,
  summary: text,
  date: isoDate,
  topics: v.array(id),
  verification,
  sources: sourceRefs,
});

export const AgreementSchema = v.strictObject({
  id,
  name: shortText,
  track: v.picklist(TRACK_IDS),
  topic: v.optional(id),
  history: v.pipe(
    v.array(v.strictObject({ status: v.picklist(AGREEMENT_STATUSES), date: isoDate, text, verification, sources: sourceRefs })),
    v.minLength(1, 'needs at least one status'),
  ),
});

export const PackSchema = v.strictObject({
  format: v.literal(PACK_FORMAT, `must be ${PACK_FORMAT} (format 1 is upgraded on reading): this version of the extension reads formats ${READABLE_PACK_FORMATS.join(' and ')}`),
  meta: v.strictObject({
    id,
    title: shortText,
    version: v.pipe(v.string(), v.regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.2.0')),
    asOf: isoDate,
    licence: shortText,
    description: v.optional(text),
  }),
  tracks: v.array(TrackSummarySchema),
  actors: v.array(ActorSchema),
  topics: v.array(TopicSchema),
  events: v.array(EventSchema),
  stances: v.array(StanceSchema),
  agreements: v.array(AgreementSchema),
  sources: v.array(SourceSchema),
});

export type Pack = v.InferOutput<typeof PackSchema>;
export type Actor = v.InferOutput<typeof ActorSchema>;
export type Role = v.InferOutput<typeof RoleSchema>;
export type Topic = v.InferOutput<typeof TopicSchema>;
export type NewsEvent = v.InferOutput<typeof EventSchema>;
export type Stance = v.InferOutput<typeof StanceSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type Alias = v.InferOutput<typeof AliasSchema>;
export type Conflict = v.InferOutput<typeof ConflictSchema>;
export type Fact = v.InferOutput<typeof FactSchema>;
export type TrackSummary = v.InferOutput<typeof TrackSummarySchema>;
export type Agreement = v.InferOutput<typeof AgreementSchema>;
export type EntityKind = Actor['kind'] | 'topic' | 'event';
