/** Lookups over a validated pack, built once. */
import { PARTY_IDS, type Actor, type NewsEvent, type Pack, type PartyId, type Source, type Stance, type Topic, type TrackId } from './schema';

export const PARTY_NAMES: Readonly<Record<PartyId, string>> = {
  us: 'United States',
  ukraine: 'Ukraine',
  russia: 'Russia',
  europe: 'Europe',
  mediators: 'Mediators',
};

export const TRACK_NAMES: Readonly<Record<TrackId, string>> = {
  minerals: 'Minerals deal',
  ceasefire: 'Ceasefire',
  territory: 'Territory',
  sanctions: 'Sanctions',
  security: 'Security guarantees and a European force',
  elections: 'Ukrainian elections',
};

export type Entity = { kind: 'actor'; item: Actor } | { kind: 'topic'; item: Topic } | { kind: 'event'; item: NewsEvent };

export interface PackIndex {
  pack: Pack;
  entity(id: string): Entity | undefined;
  actor(id: string): Actor | undefined;
  source(id: string): Source | undefined;
  stancesByTopic(topicId: string): Stance[];
  stancesByActor(actorId: string): Stance[];
  stancesByParty(party: PartyId): Stance[];
  /** Events, newest first. */
  eventsNewestFirst: NewsEvent[];
  /** The party an actor speaks for: its own, or its affiliation's. */
  partyOf(actorId: string): PartyId | undefined;
}

export const eventStart = (event: NewsEvent) => (typeof event.date === 'string' ? event.date : event.date.start);
export const eventEnd = (event: NewsEvent) => (typeof event.date === 'string' ? event.date : event.date.end);

export function indexPack(pack: Pack): PackIndex {
  const entities = new Map<string, Entity>();
  for (const item of pack.actors) entities.set(item.id, { kind: 'actor', item });
  for (const item of pack.topics) entities.set(item.id, { kind: 'topic', item });
  for (const item of pack.events) entities.set(item.id, { kind: 'event', item });
  const actors = new Map(pack.actors.map((a) => [a.id, a]));
  const sources = new Map(pack.sources.map((s) => [s.id, s]));
  const group = (key: (s: Stance) => string | undefined) => {
    const map = new Map<string, Stance[]>();
    for (const stance of pack.stances) {
      const k = key(stance);
      if (k === undefined) continue;
      const list = map.get(k) ?? [];
      list.push(stance);
      map.set(k, list);
    }
    for (const list of map.values()) list.sort((a, b) => b.date.localeCompare(a.date));
    return map;
  };
  const byTopic = group((s) => s.topic);
  const byActor = group((s) => s.actor);
  const byParty = group((s) => s.party);
  const partyOf = (actorId: string): PartyId | undefined => {
    const actor = actors.get(actorId);
    if (!actor) return undefined;
    if (actor.party) return actor.party;
    return actor.affiliation ? actors.get(actor.affiliation)?.party : undefined;
  };
  return {
    pack,
    entity: (id) => entities.get(id),
    actor: (id) => actors.get(id),
    source: (id) => sources.get(id),
    stancesByTopic: (id) => byTopic.get(id) ?? [],
    stancesByActor: (id) => byActor.get(id) ?? [],
    stancesByParty: (party) => byParty.get(party) ?? [],
    eventsNewestFirst: [...pack.events].sort((a, b) => eventStart(b).localeCompare(eventStart(a))),
    partyOf,
  };
}

export const partyOrder = (party: PartyId) => PARTY_IDS.indexOf(party);
