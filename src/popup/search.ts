/**
 * Search over everything the pack knows: actors, topics, events, stances and aliases. Typo-tolerant (fuse.js).
 * The index is built once, on the first query, and reused for every keystroke after.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import { PARTY_NAMES } from '../knowledge/pack-index';
import { roleLine } from '../knowledge/roles';
import type { Pack } from '../knowledge/schema';

export interface SearchDoc {
  /** The item to open: an actor, topic or event id (a stance opens its topic). */
  target: string;
  kind: 'person' | 'country' | 'organization' | 'group' | 'topic' | 'event' | 'stance';
  title: string;
  aliases: string[];
  text: string;
  /** Short context under the title: a date, a role, the party of a stance. */
  detail: string;
}

export interface SearchHit {
  doc: SearchDoc;
  score: number;
}

export const SEARCH_OPTIONS: IFuseOptions<SearchDoc> = {
  keys: [
    { name: 'title', weight: 3 },
    { name: 'aliases', weight: 2.5 },
    { name: 'text', weight: 1 },
  ],
  includeScore: true,
  // Names are short: a looser threshold lets "zelenski" and "riad talks" through; ignoreLocation lets a word
  // match anywhere in a long summary.
  threshold: 0.38,
  ignoreLocation: true,
  minMatchCharLength: 2,
};

export function searchDocs(pack: Pack): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const a of pack.actors) {
    // Every role the actor held is searchable ("prime minister" finds a former one); the detail line is today's.
    const roles = [...new Set(a.roles.map((r) => r.title))].join('. ');
    docs.push({ target: a.id, kind: a.kind, title: a.name, aliases: a.aliases.map((x) => x.text), text: `${roles}. ${a.description}`, detail: roleLine(a, pack.meta.asOf) });
  }
  for (const t of pack.topics)
    docs.push({ target: t.id, kind: 'topic', title: t.name, aliases: t.aliases.map((x) => x.text), text: t.definition, detail: 'Topic' });
  for (const e of pack.events) {
    const date = typeof e.date === 'string' ? e.date : `${e.date.start} – ${e.date.end}`;
    docs.push({ target: e.id, kind: 'event', title: e.name, aliases: e.aliases.map((x) => x.text), text: `${e.place}. ${e.summary}`, detail: `${date} · ${e.place}` });
  }
  const topicNames = new Map(pack.topics.map((t) => [t.id, t.name]));
  for (const s of pack.stances)
    docs.push({
      target: s.topic,
      kind: 'stance',
      title: `${PARTY_NAMES[s.party]} on ${topicNames.get(s.topic) ?? s.topic}`,
      aliases: [],
      text: s.position,
      detail: `${s.date} · ${s.status}`,
    });
  return docs;
}

export function createSearch(pack: Pack) {
  let fuse: Fuse<SearchDoc> | null = null;
  let builds = 0;
  return {
    search(query: string, limit = 20): SearchHit[] {
      const q = query.trim();
      if (q.length < 2) return [];
      if (!fuse) {
        const docs = searchDocs(pack);
        fuse = new Fuse(docs, SEARCH_OPTIONS, Fuse.createIndex(SEARCH_OPTIONS.keys!, docs));
        builds++;
      }
      return fuse.search(q, { limit }).map((r) => ({ doc: r.item, score: r.score ?? 1 }));
    },
    /** How many times the index was built: once, whatever the number of queries (tested). */
    get indexBuilds() {
      return builds;
    },
  };
}
