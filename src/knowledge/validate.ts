/**
 * Validates a knowledge pack: a version-1 pack is upgraded first, then the shape is checked (the schema), then
 * everything that needs the whole pack at once. Every problem names its JSON path in the pack as written and says
 * what is wrong in a pack author's words.
 */
import * as v from 'valibot';
import { aliasKey } from '../matcher/normalize';
import { isCalendarDay } from '../vocabulary/calendar-day';
import { formsOf, INFLECTION_RULES, inflectionRule, LANGUAGE_NAMES, ruleNames, UNCHANGED, type Language } from './inflection';
import { CORE_PARTY_IDS, PackSchema, type Pack, type PartyId, type Source } from './schema';
import { upgradePack } from './upgrade';
import { weakReason } from './weak-sources';

export interface PackProblem {
  /** A JSON path, like `$.events[3].date`. */
  path: string;
  message: string;
}

export type PackResult = { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] };

export interface ValidateOptions {
  /**
   * Fail when more than this share (0–1) of stances, or of topic key facts, rests on a single independent source.
   * Off by default: an imported or older pack is still readable; the pack checker turns it on for the bundled pack.
   */
  maxSingleSourceShare?: number;
}

/** What `semanticProblems` needs to know about the input besides the upgraded pack. */
interface InputFacts {
  /** The format the input was written in; rules new in format 2 apply only to packs written in it. */
  writtenIn: number;
}

/** Limits that keep a hostile or broken pack from costing the content script its speed. */
export const PACK_LIMITS = { aliases: 5000, aliasesPerEntity: 40, entities: 3000 } as const;

/**
 * Words a reader uses every day. As an alias they need a case rule (`proper`/`exact`) or the `generic` flag,
 * otherwise "deal" or "trump" would be marked in every story.
 */
export const COMMON_WORDS = new Set([
  'us', 'trump', 'deal', 'fund', 'army', 'plan', 'talks', 'peace', 'war', 'truce', 'ceasefire', 'cease-fire',
  'sanctions', 'minerals', 'elections', 'election', 'summit', 'call', 'border', 'land', 'aid', 'guarantees',
  'security', 'coalition', 'union', 'general', 'black sea', 'frozen conflict', 'rare earths', 'martial law',
  'turkey', 'china', 'may', 'will', 'mark', 'rubio', 'vance', 'hegseth',
]);

/**
 * Everyday words of the other languages a pack names things in. A name that is one of them, in any language,
 * needs a case rule or the generic flag like an English common word: "Rada" is a parliament's name in Ukrainian
 * transliteration and "council" in Polish; "мир" is peace in Russian and Ukrainian.
 */
export const COMMON_WORDS_BY_LANGUAGE: Readonly<Partial<Record<Language, ReadonlySet<string>>>> = {
  uk: new Set(['мир', 'війна', 'план', 'угода', 'рада', 'саміт', 'санкції', 'земля', 'союз', 'переговори']),
  ru: new Set(['мир', 'война', 'план', 'сделка', 'совет', 'саммит', 'санкции', 'земля', 'союз', 'переговоры']),
  de: new Set(['krieg', 'frieden', 'plan', 'rat', 'gipfel', 'union', 'land', 'abkommen', 'hilfe', 'wahl']),
  fr: new Set(['paix', 'guerre', 'plan', 'sommet', 'union', 'accord', 'aide', 'terre', 'conseil', 'trêve']),
  pl: new Set(['pokój', 'wojna', 'plan', 'rada', 'szczyt', 'unia', 'umowa', 'pomoc', 'ziemia', 'rozejm']),
};

/** The languages in which this lower-case word is an everyday word (English first). */
function commonIn(key: string): string[] {
  const languages = COMMON_WORDS.has(key) ? ['English'] : [];
  for (const [language, words] of Object.entries(COMMON_WORDS_BY_LANGUAGE)) if (words.has(key)) languages.push(LANGUAGE_NAMES[language as Language]);
  return languages;
}

function jsonPath(parts: readonly (string | number)[]): string {
  return '$' + parts.map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_]\w*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join('');
}

function schemaProblems(issues: readonly v.BaseIssue<unknown>[]): PackProblem[] {
  return issues.map((issue) => {
    const parts = (issue.path ?? []).map((item) => item.key as string | number);
    const last = issue.path?.[issue.path.length - 1];
    let message = issue.message;
    if (issue.kind === 'schema' && issue.expected && issue.received === 'undefined') message = 'is missing';
    else if (issue.type === 'strict_object' && last) message = `is not a field of this object (check the spelling)`;
    else if (issue.type === 'picklist' || issue.type === 'literal') message = `${message} (found ${issue.received})`;
    else if (issue.kind === 'schema' && /^Invalid type/.test(message)) message = `should be ${issue.expected}, found ${issue.received}`;
    return { path: jsonPath(parts), message };
  });
}

/** Semantic checks over a pack whose shape is already right. Exported for tests. */
export function packProblems(pack: Pack, input: InputFacts = { writtenIn: 2 }): PackProblem[] {
  const problems: PackProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const asOf = pack.meta.asOf;

  // Dates: real days, none after "as of". Walk the whole pack so no date field is forgotten.
  const walkDates = (value: unknown, path: string, key: string | number | null): void => {
    if (typeof value === 'string') {
      if ((key === 'date' || key === 'start' || key === 'end' || key === 'asOf') && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
        if (!isCalendarDay(value)) add(path, `"${value}" is not a real calendar day`);
        else if (key !== 'asOf' && value > asOf) add(path, `${value} is after the pack's "as of" date (${asOf})`);
      }
    } else if (Array.isArray(value)) value.forEach((item, i) => walkDates(item, `${path}[${i}]`, i));
    else if (value && typeof value === 'object') {
      for (const [k, item] of Object.entries(value)) walkDates(item, `${path}.${k}`, k);
    }
  };
  walkDates(pack, '$', null);
  pack.events.forEach((event, i) => {
    if (typeof event.date === 'object' && event.date.start > event.date.end)
      add(`$.events[${i}].date`, `starts (${event.date.start}) after it ends (${event.date.end})`);
  });

  // Ids: unique, also when they differ only in case or Unicode form. Actors, topics and events share one
  // namespace because a mention refers to any of them by id.
  const entityIds = new Map<string, string>();
  const checkIds = (items: readonly { id: string }[], collection: string, seen: Map<string, string>) => {
    items.forEach((item, i) => {
      const path = `$.${collection}[${i}].id`;
      const norm = item.id.normalize('NFKC').toLowerCase();
      const earlier = seen.get(norm);
      if (earlier) add(path, `duplicate id "${item.id}": already used at ${earlier}`);
      else seen.set(norm, path);
    });
  };
  checkIds(pack.actors, 'actors', entityIds);
  checkIds(pack.topics, 'topics', entityIds);
  checkIds(pack.events, 'events', entityIds);
  checkIds(pack.sources, 'sources', new Map());
  checkIds(pack.stances, 'stances', new Map());
  checkIds(pack.agreements, 'agreements', new Map());
  const trackSeen = new Map<string, string>();
  checkIds(pack.tracks, 'tracks', trackSeen);

  const actorIds = new Set(pack.actors.map((a) => a.id));
  const topicIds = new Set(pack.topics.map((t) => t.id));
  const sourceIds = new Set(pack.sources.map((s) => s.id));
  const refTo = (ids: Set<string>, what: string) => (id: string | undefined, path: string) => {
    if (id !== undefined && !ids.has(id)) add(path, `refers to ${what} "${id}", which is not in the pack`);
  };
  const actorRef = refTo(actorIds, 'an actor');
  const topicRef = refTo(topicIds, 'a topic');
  const sourceRefs = (refs: readonly string[], path: string) =>
    refs.forEach((ref, i) => {
      if (!sourceIds.has(ref)) add(`${path}[${i}]`, `refers to source "${ref}", which is not in $.sources`);
    });

  pack.tracks.forEach((t, i) => {
    t.topics.forEach((ref, j) => topicRef(ref, `$.tracks[${i}].topics[${j}]`));
    sourceRefs(t.sources, `$.tracks[${i}].sources`);
  });
  pack.actors.forEach((a, i) => {
    actorRef(a.affiliation, `$.actors[${i}].affiliation`);
    if (a.affiliation === a.id) add(`$.actors[${i}].affiliation`, 'an actor cannot be affiliated with itself');
    sourceRefs(a.sources, `$.actors[${i}].sources`);
    a.roles.forEach((role, j) => sourceRefs(role.sources, `$.actors[${i}].roles[${j}].sources`));
    roleProblems(a.roles, `$.actors[${i}].roles`, add);
  });
  const conflictRefs = (conflicts: Pack['topics'][number]['conflicts'], path: string) =>
    conflicts?.forEach((c, i) => c.versions.forEach((version, j) => sourceRefs(version.sources, `${path}.conflicts[${i}].versions[${j}].sources`)));
  pack.topics.forEach((t, i) => {
    sourceRefs(t.sources, `$.topics[${i}].sources`);
    sourceRefs(t.status.sources, `$.topics[${i}].status.sources`);
    t.keyFacts.forEach((f, j) => sourceRefs(f.sources, `$.topics[${i}].keyFacts[${j}].sources`));
    conflictRefs(t.conflicts, `$.topics[${i}]`);
  });
  pack.events.forEach((e, i) => {
    e.participants.forEach((ref, j) => actorRef(ref, `$.events[${i}].participants[${j}]`));
    sourceRefs(e.sources, `$.events[${i}].sources`);
    conflictRefs(e.conflicts, `$.events[${i}]`);
  });
  pack.stances.forEach((s, i) => {
    topicRef(s.topic, `$.stances[${i}].topic`);
    actorRef(s.actor, `$.stances[${i}].actor`);
    actorRef(s.quote?.by, `$.stances[${i}].quote.by`);
    sourceRefs(s.sources, `$.stances[${i}].sources`);
  });
  pack.agreements.forEach((a, i) => {
    topicRef(a.topic, `$.agreements[${i}].topic`);
    a.history.forEach((h, j) => sourceRefs(h.sources, `$.agreements[${i}].history[${j}].sources`));
  });

  // Source kinds. A version-1 pack could not say these, so its upgrade is exempt (the upgrade's rules decide).
  pack.sources.forEach((s, i) => {
    const path = `$.sources[${i}]`;
    if (input.writtenIn >= 2) {
      if (s.kind === 'copy' && s.copyOf === undefined) add(`${path}.copyOf`, 'is missing: a copy must name the outlet it copies, e.g. "Reuters"');
      if (s.kind === 'state-media' && s.state === undefined) add(`${path}.state`, 'is missing: state media must name its state, e.g. "Russia"');
    }
    if (s.kind !== 'copy' && s.copyOf !== undefined) add(`${path}.copyOf`, `is only for kind "copy" (this source is "${s.kind}")`);
    if (s.kind !== 'state-media' && s.state !== undefined) add(`${path}.state`, `is only for kind "state-media" (this source is "${s.kind}")`);
  });

  // No claim rests only on weak sources unless it is visibly labelled unverified.
  const sourceById = new Map(pack.sources.map((s) => [s.id, s]));
  for (const claim of packClaims(pack)) {
    if (claim.verification?.status === 'unverified') continue;
    const reasons = weakOnlyReasons(claim.sources, sourceById);
    if (reasons)
      add(
        claim.path,
        `rests only on weak sources (${reasons.join('; ')}): add a source that is not weak, or label it with verification {"status": "unverified", "note": …}`,
      );
  }

  // Every topic covers each of its parties: with a stance, or with an explicit "no public position".
  pack.topics.forEach((t, i) => {
    const parties: readonly PartyId[] = t.parties ?? CORE_PARTY_IDS;
    const withStance = new Set(pack.stances.filter((s) => s.topic === t.id).map((s) => s.party));
    const without = new Set(t.noPublicPosition ?? []);
    for (const party of parties) {
      if (!withStance.has(party) && !without.has(party))
        add(`$.topics[${i}]`, `has no stance for the party "${party}": add one, or list "${party}" in noPublicPosition`);
      if (withStance.has(party) && without.has(party))
        add(`$.topics[${i}].noPublicPosition`, `lists "${party}", but the pack has a stance of "${party}" on this topic`);
    }
    for (const party of CORE_PARTY_IDS)
      if (!parties.includes(party)) add(`$.topics[${i}].parties`, `must include the core party "${party}"`);
  });

  // Aliases: every form (the base form, the forms its rule generates and those listed) names one thing only, no
  // unprotected everyday word in any language, rules that exist and fit, bounded in number.
  const aliasOwner = new Map<string, { entity: string; path: string; base: boolean; lang: string }>();
  let aliasCount = 0;
  const collections = [
    ['actors', pack.actors],
    ['topics', pack.topics],
    ['events', pack.events],
  ] as const;
  for (const [collection, items] of collections) {
    items.forEach((item, i) => {
      if (item.aliases.length > PACK_LIMITS.aliasesPerEntity)
        add(`$.${collection}[${i}].aliases`, `has ${item.aliases.length} aliases; at most ${PACK_LIMITS.aliasesPerEntity} are allowed`);
      item.aliases.forEach((alias, j) => {
        const path = `$.${collection}[${i}].aliases[${j}]`;
        const lang = alias.lang ?? 'en';
        if (alias.inflect !== undefined) {
          const known = Object.keys(INFLECTION_RULES[lang] ?? {});
          const words = alias.text.split(' ');
          const names = ruleNames(alias.inflect);
          if (known.length === 0) add(`${path}.inflect`, `${LANGUAGE_NAMES[lang]} has no inflection rules`);
          else if (names.length !== words.length)
            add(`${path}.inflect`, `names ${names.length} rule${names.length > 1 ? 's' : ''} for the ${words.length} word${words.length > 1 ? 's' : ''} of "${alias.text}": one per word ("-" for a word that does not change)`);
          else
            names.forEach((name, w) => {
              if (name === UNCHANGED) return;
              const rule = inflectionRule(lang, name);
              if (!rule) add(`${path}.inflect`, `"${name}" is not a rule of ${LANGUAGE_NAMES[lang]}: the rules are ${known.join(', ')}`);
              else if (!words[w]!.endsWith(rule.strip)) add(`${path}.inflect`, `"${words[w]}" does not end with "${rule.strip}", as the rule "${name}" needs (${rule.example})`);
            });
        }
        formsOf(alias).forEach((form, f) => {
          aliasCount++;
          const base = f === 0;
          const listed = (alias.forms ?? []).indexOf(form);
          const where = base ? `${path}.text` : listed >= 0 ? `${path}.forms[${listed}]` : `${path}.inflect`;
          const shown = base ? `"${form}"` : `"${form}" (a form of "${alias.text}")`;
          const nfkc = form.normalize('NFKC');
          // The matcher compares keys without Unicode normalisation (it is slow on first use in a page), so alias
          // text must already be in the form NFKC gives.
          if (nfkc !== form) add(where, `${shown} is not in Unicode NFKC form: write it as "${nfkc}"`);
          const key = aliasKey(nfkc);
          if (key.length < 2) add(where, `${shown} is too short to match reliably (2 characters at least)`);
          const owner = aliasOwner.get(key);
          if (owner && owner.entity !== item.id)
            add(where, `${shown} collides with an alias of "${owner.entity}" at ${owner.path}: one text can name only one thing`);
          // The same word in two languages ("Трамп" in Ukrainian and Russian) may be listed once per language.
          else if (owner && base && owner.base && owner.lang === lang) add(where, `${shown} is listed twice for "${item.id}" (also at ${owner.path})`);
          else if (!owner) aliasOwner.set(key, { entity: item.id, path, base, lang });
          const common = alias.case === 'any' && !alias.generic ? commonIn(key) : [];
          if (common.length > 0) {
            const words = common.length === 1 && common[0] === 'English' ? 'a common word' : `a common word in ${common.join(' and ')}`;
            add(base ? path : where, `${shown} is ${words}: give it case "proper" or "exact", or mark it generic`);
          }
        });
      });
    });
  }
  if (aliasCount > PACK_LIMITS.aliases) add('$', `has ${aliasCount} aliases; at most ${PACK_LIMITS.aliases} are allowed`);
  const entityCount = pack.actors.length + pack.topics.length + pack.events.length;
  if (entityCount > PACK_LIMITS.entities) add('$', `has ${entityCount} actors, topics and events; at most ${PACK_LIMITS.entities} are allowed`);

  return problems;
}

/**
 * Reads a pack of any readable format (see `READABLE_PACK_FORMATS`) and returns it in the current one, or every
 * problem, with paths into the input as written.
 */
export function validatePack(input: unknown, options: ValidateOptions = {}): PackResult {
  const upgraded = upgradePack(input);
  const facts: InputFacts = { writtenIn: upgraded.fromFormat ?? 2 };
  const parsed = v.safeParse(PackSchema, upgraded.data);
  const problems: PackProblem[] = [];
  if (!parsed.success) problems.push(...schemaProblems(parsed.issues));
  // "Typed" means only value checks failed (a bad URL, an empty string): the shape is right, so the whole-pack
  // checks can run too, and the author sees every problem at once.
  if (parsed.success || parsed.typed) {
    const pack = parsed.output as Pack;
    problems.push(...packProblems(pack, facts));
    if (options.maxSingleSourceShare !== undefined) problems.push(...singleSourceProblems(packReport(pack), options.maxSingleSourceShare));
  }
  if (parsed.success && problems.length === 0) return { ok: true, pack: parsed.output };
  return { ok: false, problems: inOriginalPaths(problems, upgraded.originalPath) };
}

/** Problems at the paths of the input as written; two problems that land on one path with one message are one. */
function inOriginalPaths(problems: readonly PackProblem[], originalPath: (path: string) => string): PackProblem[] {
  const seen = new Set<string>();
  return problems.flatMap((problem) => {
    const path = originalPath(problem.path);
    const key = `${path}\n${problem.message}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ path, message: problem.message }];
  });
}

/** Parses JSON text and validates it; a syntax error becomes a problem at `$` with the position. */
export function validatePackText(json: string, options: ValidateOptions = {}): PackResult {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, problems: [{ path: '$', message: `is not valid JSON: ${(error as Error).message}` }] };
  }
  return validatePack(data, options);
}

// ————————————————————————————————————————————————————————————————————————————————————————————————
// Roles
// ————————————————————————————————————————————————————————————————————————————————————————————————

/**
 * Roles are oldest first and do not overlap: each starts on or after the day the one before ended (a handover day
 * belongs to both). Only the first may leave out its start, and only the last its end.
 */
function roleProblems(roles: Pack['actors'][number]['roles'], path: string, add: (path: string, message: string) => void): void {
  roles.forEach((role, j) => {
    const at = `${path}[${j}]`;
    if (role.start !== undefined && role.end !== undefined && role.start > role.end) add(at, `starts (${role.start}) after it ends (${role.end})`);
    if (j === 0) return;
    const before = roles[j - 1]!;
    if (role.start === undefined) {
      add(`${at}.start`, 'is missing: only the first role may leave out its start (held since before the pack\'s window)');
      return;
    }
    if (before.start !== undefined && role.start < before.start)
      add(`${at}.start`, `${role.start} is before the start of the role listed before it (${before.start}): list roles oldest first`);
    else if (before.end === undefined)
      add(`${path}[${j - 1}].end`, `is missing, so "${before.title}" is still held when "${role.title}" starts (${role.start}): give it an end, or only the last role may be current`);
    else if (role.start < before.end)
      add(`${at}.start`, `${role.start} overlaps "${before.title}", which ended ${before.end}: a role may start only on or after the day the one before ended`);
  });
}

// ————————————————————————————————————————————————————————————————————————————————————————————————
// Claims and their sources
// ————————————————————————————————————————————————————————————————————————————————————————————————

/** A statement the pack makes on the strength of its sources: what a reader may want to check. */
export interface PackClaim {
  kind: 'stance' | 'key fact' | 'topic status' | 'event' | 'track summary' | 'agreement status';
  path: string;
  /** The id of the item it belongs to. */
  id: string;
  sources: readonly string[];
  verification?: { status: 'unverified'; note: string };
}

export function packClaims(pack: Pack): PackClaim[] {
  const claims: PackClaim[] = [];
  pack.stances.forEach((s, i) => claims.push({ kind: 'stance', path: `$.stances[${i}]`, id: s.id, sources: s.sources, verification: s.verification }));
  pack.topics.forEach((t, i) => {
    claims.push({ kind: 'topic status', path: `$.topics[${i}].status`, id: t.id, sources: t.status.sources, verification: t.status.verification });
    t.keyFacts.forEach((f, j) =>
      claims.push({ kind: 'key fact', path: `$.topics[${i}].keyFacts[${j}]`, id: t.id, sources: f.sources, verification: f.verification }),
    );
  });
  pack.events.forEach((e, i) => claims.push({ kind: 'event', path: `$.events[${i}]`, id: e.id, sources: e.sources, verification: e.verification }));
  pack.tracks.forEach((t, i) => claims.push({ kind: 'track summary', path: `$.tracks[${i}]`, id: t.id, sources: t.sources, verification: t.verification }));
  pack.agreements.forEach((a, i) =>
    a.history.forEach((h, j) =>
      claims.push({ kind: 'agreement status', path: `$.agreements[${i}].history[${j}]`, id: a.id, sources: h.sources, verification: h.verification }),
    ),
  );
  return claims;
}

/** Why each source of a claim is weak, when all of them are; undefined when one is not (or none is known). */
function weakOnlyReasons(ids: readonly string[], sourceById: ReadonlyMap<string, Source>): string[] | undefined {
  const known = ids.flatMap((id) => sourceById.get(id) ?? []);
  if (known.length === 0) return undefined;
  const reasons = known.map((s) => weakReason(s));
  if (reasons.some((r) => r === undefined)) return undefined;
  return known.map((s, k) => `"${s.id}": ${reasons[k]}`);
}

/**
 * How many independent sources back a claim. Copies of one original count once, and so do several articles of one
 * publisher: a second source should be a second newsroom.
 */
export function independentSources(ids: readonly string[], sourceById: ReadonlyMap<string, Source>): number {
  const origins = new Set(ids.flatMap((id) => {
    const s = sourceById.get(id);
    return s ? [(s.copyOf ?? s.publisher).trim().toLowerCase()] : [];
  }));
  return origins.size;
}

export interface ShareCount {
  total: number;
  /** How many rest on one independent source. */
  singleSource: number;
  /** `singleSource / total`, 0 when there are none. */
  share: number;
}

/** What `npm run pack:check` reports about the sourcing of a pack, so the figures cannot regress unnoticed. */
export interface PackReport {
  stances: ShareCount;
  keyFacts: ShareCount;
  sources: number;
  primarySources: number;
  /** Claims whose every source is weak, labelled unverified or not. */
  weakOnlyClaims: (PackClaim & { labelled: boolean })[];
}

export function packReport(pack: Pack): PackReport {
  const sourceById = new Map(pack.sources.map((s) => [s.id, s]));
  const claims = packClaims(pack);
  const share = (kind: PackClaim['kind']): ShareCount => {
    const of = claims.filter((c) => c.kind === kind);
    const singleSource = of.filter((c) => independentSources(c.sources, sourceById) <= 1).length;
    return { total: of.length, singleSource, share: of.length ? singleSource / of.length : 0 };
  };
  return {
    stances: share('stance'),
    keyFacts: share('key fact'),
    sources: pack.sources.length,
    primarySources: pack.sources.filter((s) => s.kind === 'primary').length,
    weakOnlyClaims: claims
      .filter((c) => weakOnlyReasons(c.sources, sourceById))
      .map((c) => ({ ...c, labelled: c.verification?.status === 'unverified' })),
  };
}

export const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The `maxSingleSourceShare` rule as problems, one for stances and one for key facts. */
export function singleSourceProblems(report: PackReport, maxShare: number): PackProblem[] {
  const over = (count: ShareCount, path: string, what: string): PackProblem[] =>
    count.share > maxShare
      ? [{ path, message: `${count.singleSource} of ${count.total} ${what} (${percent(count.share)}) rest on a single independent source; at most ${percent(maxShare)} may` }]
      : [];
  return [...over(report.stances, '$.stances', 'stances'), ...over(report.keyFacts, '$.topics', 'topic key facts')];
}
