/**
 * Search over everything the pack knows: actors, topics, events, stances and aliases. Typo-tolerant (fuse.js).
 * A name typed as it is written comes first, whatever fuse.js makes of the rest: see `nameMatch`.
 * The index is built once, on the first query, and reused for every keystroke after.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import { PARTY_NAMES } from '../knowledge/pack-index';
import { roleLine } from '../knowledge/roles';
import type { Alias, Pack } from '../knowledge/schema';
import type { PartyId } from '../vocabulary/pack-terms';
import { formsOf } from '../knowledge/inflection';
import { fold } from './fold';

/** Results past this many are noise. */
export const MAX_RESULTS = 25;

export interface SearchDoc {
  /** The item to open: an actor, topic or event id (a stance opens its topic). */
  target: string;
  kind: 'person' | 'country' | 'organization' | 'group' | 'topic' | 'event' | 'stance';
  /** What the search matches on; a stance's ("United States on Sanctions on Russia") is shown from `stance`. */
  title: string;
  /** The aliases as the pack writes them, in every language: what fuse.js searches, typos and all. */
  aliases: string[];
  /**
   * Every form of those aliases ("Зеленського", "Selenskyjs"), which the name matches below look up. Not given to
   * fuse.js: four thousand forms made each query about three times slower, and a typo in a form is close to its
   * alias anyway.
   */
  forms: string[];
  text: string;
  /** Short context under the title: a date and place, a role; none for a topic, whose kind says enough. */
  detail: string;
  /** A stance's party and topic name, for the title shown in the reader's language. */
  stance?: { party: PartyId; topic: string };
}

/**
 * How a result matches the query, best first: it is a name or alias of the item (`exact`), one starts with it
 * (`prefix`), a word of one does (`word`), each word of the query is a name's word with a typo or two (`close`),
 * or fuse.js found it somewhere, the description included (`fuzzy`). Stances have no name: they are only `fuzzy`.
 */
export type Match = 'exact' | 'prefix' | 'word' | 'close' | 'fuzzy';
const MATCH_ORDER: readonly Match[] = ['exact', 'prefix', 'word', 'close', 'fuzzy'];

export interface SearchHit {
  doc: SearchDoc;
  match: Match;
  /** fuse.js's score, 0 (perfect) to 1; it orders results that match alike. */
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
  ignoreDiacritics: true,
  minMatchCharLength: 2,
};

const namesOfItem = (aliases: readonly Alias[]) => ({ aliases: aliases.map((a) => a.text), forms: aliases.flatMap(formsOf) });

export function searchDocs(pack: Pack): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const a of pack.actors) {
    // Every role the actor held is searchable ("prime minister" finds a former one); the detail line is today's.
    const roles = [...new Set(a.roles.map((r) => r.title))].join('. ');
    docs.push({ target: a.id, kind: a.kind, title: a.name, ...namesOfItem(a.aliases), text: `${roles}. ${a.description}`, detail: roleLine(a, pack.meta.asOf) });
  }
  for (const t of pack.topics)
    docs.push({ target: t.id, kind: 'topic', title: t.name, ...namesOfItem(t.aliases), text: t.definition, detail: '' });
  for (const e of pack.events) {
    const date = typeof e.date === 'string' ? e.date : `${e.date.start} – ${e.date.end}`;
    docs.push({ target: e.id, kind: 'event', title: e.name, ...namesOfItem(e.aliases), text: `${e.place}. ${e.summary}`, detail: `${date} · ${e.place}` });
  }
  const topicNames = new Map(pack.topics.map((t) => [t.id, t.name]));
  for (const s of pack.stances) {
    const topic = topicNames.get(s.topic) ?? s.topic;
    docs.push({
      target: s.topic,
      kind: 'stance',
      title: `${PARTY_NAMES[s.party]} on ${topic}`,
      aliases: [],
      forms: [],
      text: s.position,
      detail: `${s.date} · ${s.status}`,
      stance: { party: s.party, topic },
    });
  }
  return docs;
}

/** A document's names (title and aliases) and their words, folded; none for a stance. */
interface Names {
  names: string[];
  words: string[];
}

function namesOf(doc: SearchDoc): Names {
  if (doc.kind === 'stance') return { names: [], words: [] };
  const names = [...new Set([doc.title, ...doc.forms].map(fold))].filter(Boolean);
  return { names, words: [...new Set(names.flatMap((n) => n.split(' ')))] };
}

/**
 * Edit distance, counting a swap of two neighbouring letters as one edit ("zelenksy" is one from "zelensky").
 * Only ever run on single words, so the quadratic table stays small.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  return rows[a.length]![b.length]!;
}

// "riad" is 0.67 like "riyadh" and 0.5 like "rada": a typo or two in a name, not another word.
const CLOSE_ENOUGH = 0.6;

/**
 * How alike two words are, 0 to 1: one minus the edits per letter of the longer. Words too far apart in length to
 * be close enough are 0 without counting edits: most of the pack's words, for any one query.
 */
export function likeness(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (Math.abs(a.length - b.length) > longer * (1 - CLOSE_ENOUGH)) return 0;
  return 1 - editDistance(a, b) / longer;
}

/** `likeness`, remembered for one query: the documents share most of their words. */
function rememberedLikeness(): typeof likeness {
  const known = new Map<string, number>();
  return (a, b) => {
    const key = `${a} ${b}`;
    let value = known.get(key);
    if (value === undefined) known.set(key, (value = likeness(a, b)));
    return value;
  };
}

/**
 * How a document's names match a folded query, or null when they do not (fuse.js may still find it). `closeness`
 * orders `close` matches: the mean likeness of the query's words to the name's words they stand for.
 */
export function nameMatch({ names, words }: Names, query: string, alike = likeness): { match: Match; closeness: number } | null {
  if (names.includes(query)) return { match: 'exact', closeness: 1 };
  if (names.some((n) => n.startsWith(query))) return { match: 'prefix', closeness: 1 };
  if (names.some((n) => ` ${n}`.includes(` ${query}`))) return { match: 'word', closeness: 1 };
  let total = 0;
  const typed = query.split(' ');
  for (const [i, word] of typed.entries()) {
    // The word being typed may be the start of a name's word ("riyadh tal").
    const last = i === typed.length - 1;
    const best = Math.max(0, ...words.map((w) => (last && w.startsWith(word) ? 1 : alike(word, w))));
    if (best < CLOSE_ENOUGH) return null;
    total += best;
  }
  return { match: 'close', closeness: total / typed.length };
}

export function createSearch(pack: Pack) {
  let index: { fuse: Fuse<SearchDoc>; docs: { doc: SearchDoc; names: Names }[] } | null = null;
  let builds = 0;
  return {
    search(query: string, limit = MAX_RESULTS): SearchHit[] {
      const q = fold(query);
      if (q.length < 2) return [];
      if (!index) {
        const docs = searchDocs(pack);
        index = { fuse: new Fuse(docs, SEARCH_OPTIONS, Fuse.createIndex(SEARCH_OPTIONS.keys!, docs)), docs: docs.map((doc) => ({ doc, names: namesOf(doc) })) };
        builds++;
      }
      const fuzzy = new Map(index.fuse.search(query.trim()).map((r) => [r.item, r.score ?? 1]));
      const hits: (SearchHit & { closeness: number })[] = [];
      const alike = rememberedLikeness();
      for (const { doc, names } of index.docs) {
        const named = nameMatch(names, q, alike);
        const score = fuzzy.get(doc);
        if (named) hits.push({ doc, match: named.match, closeness: named.closeness, score: score ?? 1 });
        else if (score !== undefined) hits.push({ doc, match: 'fuzzy', closeness: 0, score });
      }
      hits.sort((a, b) => MATCH_ORDER.indexOf(a.match) - MATCH_ORDER.indexOf(b.match) || b.closeness - a.closeness || a.score - b.score);
      return hits.slice(0, limit).map(({ doc, match, score }) => ({ doc, match, score }));
    },
    /** How many times the index was built: once, whatever the number of queries (tested). */
    get indexBuilds() {
      return builds;
    },
  };
}
