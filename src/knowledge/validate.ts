/**
 * Validates a knowledge pack: shape first (the schema), then everything that needs the whole pack at once.
 * Every problem names its JSON path and says what is wrong in a pack author's words.
 */
import * as v from 'valibot';
import { aliasKey } from '../matcher/normalize';
import { CORE_PARTY_IDS, PackSchema, type Pack, type PartyId } from './schema';

export interface PackProblem {
  /** A JSON path, like `$.events[3].date`. */
  path: string;
  message: string;
}

export type PackResult = { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] };

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

function isRealDay(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** Semantic checks over a pack whose shape is already right. Exported for tests. */
export function packProblems(pack: Pack): PackProblem[] {
  const problems: PackProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const asOf = pack.meta.asOf;

  // Dates: real days, none after "as of". Walk the whole pack so no date field is forgotten.
  const walkDates = (value: unknown, path: string, key: string | number | null): void => {
    if (typeof value === 'string') {
      if ((key === 'date' || key === 'start' || key === 'end' || key === 'asOf') && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
        if (!isRealDay(value)) add(path, `"${value}" is not a real calendar day`);
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

  // Aliases: no collisions between entities, no unprotected common words, bounded in number.
  const aliasOwner = new Map<string, { entity: string; path: string }>();
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
        aliasCount++;
        const path = `$.${collection}[${i}].aliases[${j}]`;
        const nfkc = alias.text.normalize('NFKC');
        // The matcher compares keys without Unicode normalisation (it is slow on first use in a page), so alias
        // text must already be in the form NFKC gives.
        if (nfkc !== alias.text) add(`${path}.text`, `"${alias.text}" is not in Unicode NFKC form: write it as "${nfkc}"`);
        const key = aliasKey(nfkc);
        if (key.length < 2) add(`${path}.text`, `"${alias.text}" is too short to match reliably (2 characters at least)`);
        const owner = aliasOwner.get(key);
        if (owner && owner.entity !== item.id)
          add(`${path}.text`, `"${alias.text}" collides with an alias of "${owner.entity}" at ${owner.path}: one text can name only one thing`);
        else if (owner) add(`${path}.text`, `"${alias.text}" is listed twice for "${item.id}" (also at ${owner.path})`);
        else aliasOwner.set(key, { entity: item.id, path });
        if (alias.case === 'any' && !alias.generic && COMMON_WORDS.has(key))
          add(`${path}`, `"${alias.text}" is a common word: give it case "proper" or "exact", or mark it generic`);
      });
    });
  }
  if (aliasCount > PACK_LIMITS.aliases) add('$', `has ${aliasCount} aliases; at most ${PACK_LIMITS.aliases} are allowed`);
  const entityCount = pack.actors.length + pack.topics.length + pack.events.length;
  if (entityCount > PACK_LIMITS.entities) add('$', `has ${entityCount} actors, topics and events; at most ${PACK_LIMITS.entities} are allowed`);

  return problems;
}

export function validatePack(input: unknown): PackResult {
  const parsed = v.safeParse(PackSchema, input);
  if (!parsed.success) {
    const problems = schemaProblems(parsed.issues);
    // "Typed" means only value checks failed (a bad URL, an empty string): the shape is right, so the
    // whole-pack checks can run too, and the author sees every problem at once.
    if (parsed.typed) problems.push(...packProblems(parsed.output as Pack));
    return { ok: false, problems };
  }
  const problems = packProblems(parsed.output);
  return problems.length ? { ok: false, problems } : { ok: true, pack: parsed.output };
}

/** Parses JSON text and validates it; a syntax error becomes a problem at `$` with the position. */
export function validatePackText(json: string): PackResult {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, problems: [{ path: '$', message: `is not valid JSON: ${(error as Error).message}` }] };
  }
  return validatePack(data);
}
