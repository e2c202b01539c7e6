/**
 * Content rules for the bundled knowledge pack (data/pack.json), on top of what the schema and `validatePack` check.
 * These are the neutrality and sourcing rules of docs/knowledge.md that a machine can check. Each failure lists
 * every offending item with its JSON path and id, so a pack author can go straight to it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formsOf } from '../../src/knowledge/inflection';
import { indexPack } from '../../src/knowledge/pack-index';
import { CORE_PARTY_IDS, PARTY_IDS, TRACK_IDS, type Pack, type PartyId } from '../../src/knowledge/schema';
import { COMMON_WORDS, validatePack } from '../../src/knowledge/validate';
import { aliasKey } from '../../src/matcher/normalize';
import { bundledPack, repoPath } from '../helpers/packs';

const pack: Pack = bundledPack();
const index = indexPack(pack);
const sourceById = new Map(pack.sources.map((s) => [s.id, s]));

/** Walks every value of the pack with its JSON path, like `$.events[3].summary`. */
function walk(value: unknown, visit: (value: unknown, path: string, key: string | number | null) => void, path = '$', key: string | number | null = null): void {
  visit(value, path, key);
  if (Array.isArray(value)) value.forEach((item, i) => walk(item, visit, `${path}[${i}]`, i));
  else if (value && typeof value === 'object') for (const [k, item] of Object.entries(value)) walk(item, visit, `${path}.${k}`, k);
}

/** The item a JSON path belongs to, for messages: `$.stances[16] (minerals-deal-russia-…)`. */
function owner(path: string): string {
  const m = /^\$\.(tracks|actors|topics|events|stances|agreements|sources)\[(\d+)\]/.exec(path);
  if (!m) return path;
  const item = (pack[m[1] as keyof Pack] as { id: string }[])[Number(m[2])];
  return `${m[0]} (${item?.id ?? '?'})`;
}

/** `$.stances[16].position` → `$.stances[16] (minerals-deal-russia-2025-02-17-lavrov).position`. */
const where = (path: string) => {
  const head = owner(path);
  const m = /^\$\.\w+\[\d+\]/.exec(path);
  return m ? head + path.slice(m[0].length) : head;
};

const expectNone = (problems: string[]) => expect(problems, `\n${problems.join('\n')}\n`).toEqual([]);

// ————————————————————————————————————————————————————————————————————————————————————————————————
// Data for the checks
// ————————————————————————————————————————————————————————————————————————————————————————————————

/**
 * Frequent English words of news writing, and names that are also ordinary words. As an alias, each must have case
 * "proper" or "exact", or be marked generic: otherwise it would be marked in stories that use it in its everyday sense.
 * Larger than validate.ts's COMMON_WORDS, which the pack checker uses; that list is included.
 */
const NEWS_COMMON_WORDS = new Set([
  ...COMMON_WORDS,
  // talks and diplomacy
  'deal', 'deals', 'talks', 'talk', 'peace', 'peace talks', 'peace plan', 'peace deal', 'peace process', 'peace framework',
  'plan', 'plans', 'call', 'calls', 'phone call', 'meeting', 'meetings', 'summit', 'summits', 'agreement', 'agreements',
  'accord', 'pact', 'treaty', 'framework', 'proposal', 'proposals', 'offer', 'final offer', 'terms', 'conditions', 'demands',
  'negotiations', 'negotiation', 'negotiator', 'negotiators', 'envoy', 'envoys', 'delegation', 'delegations', 'mediator',
  'mediators', 'mediation', 'diplomat', 'diplomats', 'diplomacy', 'embassy', 'embassies', 'statement', 'joint statement',
  'declaration', 'memorandum', 'readout', 'visit', 'trip', 'interview', 'speech', 'press conference',
  // people and institutions
  'president', 'vice president', 'minister', 'prime minister', 'foreign minister', 'chancellor', 'secretary', 'adviser',
  'spokesman', 'spokeswoman', 'leader', 'leaders', 'official', 'officials', 'government', 'administration', 'state', 'states',
  'people', 'union', 'council', 'commission', 'parliament', 'congress', 'court', 'party', 'parties', 'office', 'white house',
  'house', 'capital', 'country', 'countries', 'nation', 'nations', 'alliance', 'coalition', 'general',
  // war and security
  'war', 'wars', 'army', 'armies', 'troops', 'forces', 'force', 'military', 'defence', 'defense', 'weapons', 'missiles',
  'drones', 'attack', 'attacks', 'strike', 'strikes', 'invasion', 'occupation', 'offensive', 'front', 'front line', 'border',
  'borders', 'line', 'lines', 'line of contact', 'buffer zone', 'land', 'territory', 'territories', 'occupied territories',
  'new territories', 'four regions', 'region', 'regions', 'land swap', 'land swaps', 'victory', 'defeat', 'crisis',
  'conflict', 'frozen conflict', 'truce', 'ceasefire', 'cease-fire', 'armistice', 'security', 'guarantee', 'guarantees',
  'security guarantee', 'security guarantees', 'peacekeepers', 'backstop', 'aid', 'military aid', 'intelligence',
  'intelligence sharing', 'legitimacy', 'martial law', 'mobilisation', 'mobilization',
  // money and trade
  'fund', 'funds', 'bank', 'banks', 'assets', 'frozen assets', 'loan', 'loans', 'debt', 'budget', 'money', 'investment',
  'revenue', 'resources', 'minerals', 'mineral', 'rare earths', 'rare earth', 'critical minerals', 'oil', 'gas', 'energy',
  'power', 'plant', 'plants', 'power plant', 'nuclear', 'grain', 'sea', 'black sea', 'port', 'ports', 'ships', 'fleet',
  'shadow fleet', 'trade', 'tariff', 'tariffs', 'market', 'markets', 'economy', 'sanction', 'sanctions', 'sanctions relief',
  'package', 'sanctions package',
  // politics
  'election', 'elections', 'vote', 'votes', 'poll', 'polls', 'referendum', 'campaign', 'constitution', 'law', 'rights',
  'order', 'dictator',
  // everyday words
  'news', 'report', 'reports', 'media', 'press', 'world', 'west', 'east', 'north', 'south', 'new', 'great', 'big', 'black',
  'white', 'red', 'day', 'week', 'month', 'year', 'today', 'time', 'home', 'us', 'will', 'may',
  'mark', 'bill', 'grant', 'hope', 'rich', 'chase', 'bush', 'kremlin', 'oval office', 'oval office meeting',
  // names that are also ordinary words
  'trump', 'waltz', 'tusk', 'kellogg', 'vance', 'rubio', 'hegseth', 'costa', 'turkey', 'china', 'jordan', 'georgia',
]);

/**
 * Domains the project's research notes ("Sources to avoid citing", kept with the shared research next to the fact
 * sheet) list as link farms, content scrapers, anonymous aggregators or part of a propaganda network. Copied here as
 * data so that the repository stands alone; keep the two lists in step.
 */
const AVOIDED_DOMAINS = [
  'freedomisbackinstyle.com', 'squidsite02.com', 'redcensor.com', 'dlyviralnews.com', 'beget.tech', 'todaynews247.com',
  'todayheadline.co', 'lucorg.com', 'bharatuntold.com', 'overviewpress.com', 'allthe.news', 'vividvoicenews.com',
  'thethinkingconservative.com', 'news-247.top', 'quotedbusiness.com', 'supremacy.info', 'am1.news', 'avia-pro.net',
  'dsnews.org', 'capitaldailynews.com', 'dailywrap.uk', 'britbrief.co.uk', 'evrimagaci.org', 'tvitoday.com',
  'kitchenerdailynews.com', 'zambianobserver.com', 'snackydog.com', 'saluranwarta.com', 'mexc.com', 'kunstjagd.com',
  'readnow.cc', 'machinadev.com', 'analyze.news', 'alexa.ng', 'abnewsinternational.com', 'reopen.media',
  'principlecivics.com', 'prokurorska-pravda.today', 'thealabamareport.com', 'lnginnorthernbc.ca', 'mydosti.com',
  'globalnewsx.com', 'glob-news.com', 'centinel2012.com', 'actualnewsmagazine.com', 'newszop.com', 'newsreadonline.com',
  'worldchronicle.online', 'wikipedianews.com', 'washingtoninsider.us', 'thevaultznews.com', 'tottanews.com', 'tid.news',
  'subnewsenglish.com', 'rigth.news', 'pulsenews.network', 'deepnewz.com', 'owiki.org', 'onlytrustedinfo.com',
  'newsworldmedia.news', 'bdtype.com', 'allianceglobal.org', 'mchunguzi.com', 'macrosfera.com', 'informedclearly.com',
  'hilfssheriff.de', 'ebiztoday.news', 'atlantisthemes.com', 'amigonews.net', 'news-pravda.com', 'europeannewstoday.com',
  'delhinewsdaily.com', 'bangladeshbeyond.com', 'social-ambassador.com', 'indianwitness.com', 'theasialive.com',
  'theindianawaaz.com', 'thefinance360.com',
];

/** Russian state media: kind "state-media" with state "Russia" (cards label them "Russian state media"). */
const RUSSIAN_STATE_MEDIA_DOMAINS = ['tass.com', 'tass.ru', 'ria.ru', 'sputnikglobe.com', 'sputniknews.com', 'rt.com', 'pravda.ru', 'rg.ru', '1tv.ru', 'vesti.ru'];

/** State outlets of other countries: kind "state-media" naming their state, which makes them weak sources. */
const OTHER_STATE_MEDIA_DOMAINS: Readonly<Record<string, string>> = {
  'irna.ir': 'Iran', 'presstv.ir': 'Iran', 'tehrantimes.com': 'Iran', 'news.by': 'Belarus', 'belta.by': 'Belarus',
  'trtworld.com': 'Turkey', 'people.cn': 'China', 'xinhuanet.com': 'China', 'cgtn.com': 'China',
  'alqaheranews.net': 'Egypt', 'kuna.net.kw': 'Kuwait',
};

/** Words that pass judgement. The pack reports; it does not characterise. Allowed inside quotations only. */
const JUDGEMENT_WORDS = [
  'shocking', 'disastrous', 'historic', 'humiliating', 'humiliated', 'brilliant', 'controversial', 'notorious', 'so-called',
  'regime', 'stunning', 'dramatic', 'bombshell', 'outrageous', 'absurd', 'infamous', 'heroic', 'brutal', 'barbaric',
  'shameful', 'disgraceful', 'appalling', 'catastrophic', 'landmark', 'tirade', 'rant', 'debacle', 'fiasco', 'blunder',
  'sham', 'puppet', 'junta', 'thug', 'propaganda', 'terrorist', 'aggressor', 'unprovoked', 'mocked', 'ridiculed',
  'slammed', 'blasted', 'lashed out', 'boasted', 'claimed', 'admitted', 'caved', 'capitulated', 'betrayal', 'sellout',
];

/** The eleven topics the fact sheet describes. */
const NAMED_TOPICS = [
  'minerals-deal', 'ceasefire-proposals', 'territory', 'sanctions', 'frozen-conflict', 'security-guarantees',
  'elections-martial-law', 'black-sea', 'zaporizhzhia-npp', 'us-aid', 'peace-plans-2025',
];

const hostOf = (url: string) => new URL(url).hostname.toLowerCase().replace(/^www\./, '');
const onDomain = (url: string, domains: readonly string[]) => {
  const host = hostOf(url);
  return domains.find((d) => host === d || host.endsWith(`.${d}`));
};

/** Text with its quotations removed: what the pack says in its own voice. */
const ownVoice = (text: string) => text.replace(/"[^"]*"/g, ' ').replace(/“[^”]*”/g, ' ');

/** Fields written by the pack's authors (not ids, URLs, aliases, source titles or quotes). */
const PROSE_KEYS = new Set(['name', 'title', 'description', 'role', 'definition', 'summary', 'outcome', 'position', 'text', 'about', 'place', 'note']);

function proseFields(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  walk(pack, (value, path, key) => {
    if (typeof value !== 'string' || typeof key !== 'string' || !PROSE_KEYS.has(key)) return;
    if (/\.aliases\[\d+\]\.text$/.test(path) || /\.quote\.text$/.test(path) || /^\$\.sources\[\d+\]\.title$/.test(path)) return;
    out.push({ path, text: value });
  });
  return out;
}

// ————————————————————————————————————————————————————————————————————————————————————————————————

describe('bundled pack: structure', () => {
  it('passes the pack checker: every reference resolves, no duplicate ids, no alias collisions', () => {
    const result = validatePack(JSON.parse(readFileSync(repoPath('data/pack.json'), 'utf8')));
    expectNone(result.ok ? [] : result.problems.map((p) => `${where(p.path)}: ${p.message}`));
  });

  it('every stance has a date and at least one source that exists', () => {
    const problems: string[] = [];
    pack.stances.forEach((s, i) => {
      const path = `$.stances[${i}] (${s.id})`;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s.date)) problems.push(`${path}.date: "${s.date}" is not a date`);
      if (s.sources.length === 0) problems.push(`${path}.sources: no source`);
      s.sources.forEach((ref, j) => {
        if (!sourceById.has(ref)) problems.push(`${path}.sources[${j}]: unknown source "${ref}"`);
      });
    });
    expectNone(problems);
  });

  it('every topic has a row for each of its parties: a stance, or an explicit "no public position"', () => {
    const problems: string[] = [];
    pack.topics.forEach((t, i) => {
      const parties: readonly PartyId[] = t.parties ?? CORE_PARTY_IDS;
      const withStance = new Set(pack.stances.filter((s) => s.topic === t.id).map((s) => s.party));
      const without = new Set(t.noPublicPosition ?? []);
      for (const party of CORE_PARTY_IDS)
        if (!parties.includes(party)) problems.push(`$.topics[${i}] (${t.id}).parties: the core party "${party}" is missing`);
      for (const party of parties) {
        if (!withStance.has(party) && !without.has(party)) problems.push(`$.topics[${i}] (${t.id}): no stance of "${party}" and "${party}" not in noPublicPosition`);
        if (withStance.has(party) && without.has(party)) problems.push(`$.topics[${i}] (${t.id}).noPublicPosition: lists "${party}", which has a stance`);
      }
      for (const party of without)
        if (!parties.includes(party)) problems.push(`$.topics[${i}] (${t.id}).noPublicPosition: lists "${party}", which is not one of the topic's parties`);
    });
    expectNone(problems);
  });

  it('every stance belongs to a party the topic shows, and its actor speaks for that party', () => {
    const problems: string[] = [];
    pack.stances.forEach((s, i) => {
      const path = `$.stances[${i}] (${s.id})`;
      const topic = pack.topics.find((t) => t.id === s.topic);
      if (topic && !(topic.parties ?? (CORE_PARTY_IDS as readonly PartyId[])).includes(s.party)) problems.push(`${path}.party: "${s.party}" is not shown in the table of topic "${topic.id}"`);
      if (s.actor) {
        const party = index.partyOf(s.actor);
        if (party && party !== s.party) problems.push(`${path}.actor: "${s.actor}" speaks for "${party}", but the stance is filed under "${s.party}"`);
      }
    });
    expectNone(problems);
  });

  it('every source has an http(s) URL and a publisher', () => {
    const problems: string[] = [];
    pack.sources.forEach((s, i) => {
      const path = `$.sources[${i}] (${s.id})`;
      let ok = false;
      try {
        ok = /^https?:$/.test(new URL(s.url).protocol);
      } catch {
        ok = false;
      }
      if (!ok) problems.push(`${path}.url: "${s.url}" is not an http(s) URL`);
      if (!s.publisher.trim()) problems.push(`${path}.publisher: empty`);
    });
    expectNone(problems);
  });

  it('every source is cited at least once', () => {
    const cited = new Set<string>();
    walk(pack, (value, path) => {
      if (/\.sources\[\d+\]$/.test(path) && !path.startsWith('$.sources') && typeof value === 'string') cited.add(value);
    });
    expectNone(pack.sources.flatMap((s, i) => (cited.has(s.id) ? [] : [`$.sources[${i}] (${s.id}): cited nowhere; cite it or remove it`])));
  });

  it('has no date after the pack\'s "as of" date', () => {
    const asOf = pack.meta.asOf;
    const problems: string[] = [];
    walk(pack, (value, path, key) => {
      if (typeof value === 'string' && (key === 'date' || key === 'start' || key === 'end') && value > asOf)
        problems.push(`${where(path)}: ${value} is after "as of" (${asOf})`);
    });
    expectNone(problems);
  });

  it('every event names at least one participant', () => {
    expectNone(pack.events.flatMap((e, i) => (e.participants.length ? [] : [`$.events[${i}] (${e.id}).participants: empty`])));
  });

  it('covers the negotiations: events, actors, topics and the six tracks', () => {
    const problems: string[] = [];
    const inWindow = pack.events.filter((e) => {
      const start = typeof e.date === 'string' ? e.date : e.date.start;
      return start >= '2024-11-01' && start <= '2026-01-31';
    });
    if (inWindow.length < 40) problems.push(`$.events: ${inWindow.length} events between 2024-11-01 and 2026-01-31; at least 40 expected`);
    if (pack.actors.length < 25) problems.push(`$.actors: ${pack.actors.length} actors; at least 25 expected`);
    if (pack.topics.length < 10) problems.push(`$.topics: ${pack.topics.length} topics; at least 10 expected`);
    const topicIds = new Set(pack.topics.map((t) => t.id));
    for (const id of NAMED_TOPICS) if (!topicIds.has(id)) problems.push(`$.topics: the topic "${id}" is missing`);
    for (const id of TRACK_IDS) {
      const i = pack.tracks.findIndex((t) => t.id === id);
      if (i < 0) problems.push(`$.tracks: the summary of track "${id}" is missing`);
      else if (!pack.tracks[i]!.summary.trim()) problems.push(`$.tracks[${i}] (${id}).summary: empty`);
    }
    expectNone(problems);
  });
});

describe('bundled pack: aliases', () => {
  const aliases = (['actors', 'topics', 'events'] as const).flatMap((collection) =>
    pack[collection].flatMap((item, i) => item.aliases.map((alias, j) => ({ alias, owner: item.id, path: `$.${collection}[${i}] (${item.id}).aliases[${j}]` }))),
  );

  it('no alias names two things, in any spelling the matcher treats as the same, nor any form of it', () => {
    const seen = new Map<string, (typeof aliases)[number] & { form: string }>();
    const problems: string[] = [];
    for (const a of aliases) {
      for (const form of formsOf(a.alias)) {
        const key = aliasKey(form);
        const earlier = seen.get(key);
        if (earlier && earlier.owner !== a.owner) problems.push(`${a.path}: "${form}" also names "${earlier.owner}" at ${earlier.path} ("${earlier.form}")`);
        // One word in two languages ("Трамп" in Ukrainian and Russian) is listed once per language.
        else if (earlier && form === a.alias.text && earlier.form === earlier.alias.text && (earlier.alias.lang ?? 'en') === (a.alias.lang ?? 'en'))
          problems.push(`${a.path}: "${a.alias.text}" is listed twice (also at ${earlier.path})`);
        else if (!earlier) seen.set(key, { ...a, form });
      }
    }
    expectNone(problems);
  });

  it('no alias is a common English word without a case rule or the generic flag', () => {
    const problems = aliases
      .filter((a) => a.alias.case === 'any' && !a.alias.generic && NEWS_COMMON_WORDS.has(aliasKey(a.alias.text)))
      .map((a) => `${a.path}: "${a.alias.text}" is a common word: give it case "proper" or "exact", or mark it generic`);
    expectNone(problems);
  });
});

describe('bundled pack: sources', () => {
  it('cites no domain from the list of sources to avoid', () => {
    expectNone(pack.sources.flatMap((s, i) => {
      const domain = onDomain(s.url, AVOIDED_DOMAINS);
      return domain ? [`$.sources[${i}] (${s.id}).url: ${domain} is on the list of sources to avoid`] : [];
    }));
  });

  it('labels copies with the original outlet, and only copies', () => {
    const problems: string[] = [];
    pack.sources.forEach((s, i) => {
      if (s.kind === 'copy' && !s.copyOf?.trim()) problems.push(`$.sources[${i}] (${s.id}).copyOf: a copy must name the original outlet`);
      if (s.kind !== 'copy' && s.copyOf !== undefined) problems.push(`$.sources[${i}] (${s.id}).copyOf: set, but kind is "${s.kind}", not "copy"`);
    });
    expectNone(problems);
  });

  it('gives state outlets kind "state-media" and the right state, and only them', () => {
    const problems: string[] = [];
    pack.sources.forEach((s, i) => {
      const path = `$.sources[${i}] (${s.id})`;
      const russian = onDomain(s.url, RUSSIAN_STATE_MEDIA_DOMAINS);
      const other = onDomain(s.url, Object.keys(OTHER_STATE_MEDIA_DOMAINS));
      const state = russian ? 'Russia' : other ? OTHER_STATE_MEDIA_DOMAINS[other] : undefined;
      if (state && (s.kind !== 'state-media' || s.state !== state))
        problems.push(`${path}.kind: ${hostOf(s.url)} is ${state}'s state media: kind must be "state-media" with state "${state}"`);
      if (!state && s.kind === 'state-media')
        problems.push(`${path}.kind: ${hostOf(s.url)} is not on this test's lists of state outlets; add it there if it is one`);
    });
    expectNone(problems);
  });

  it('cites Russian state media only for what Moscow said', () => {
    const stateMedia = new Set(pack.sources.filter((s) => s.kind === 'state-media' && s.state === 'Russia').map((s) => s.id));
    const russianNames = pack.actors
      .filter((a) => index.partyOf(a.id) === 'russia')
      .flatMap((a) => [a.name, ...a.aliases.map((alias) => alias.text)]);
    const attribution = new RegExp(`\\b(${['Moscow', 'Kremlin', 'Russia', 'Russian', 'TASS', ...russianNames].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`);
    const problems: string[] = [];
    // Stances: only Russia's own.
    pack.stances.forEach((s, i) => {
      s.sources.forEach((ref, j) => {
        if (stateMedia.has(ref) && s.party !== 'russia')
          problems.push(`$.stances[${i}] (${s.id}).sources[${j}]: "${ref}" is Russian state media, cited for a stance of "${s.party}"; only Russia's stances may cite it`);
      });
    });
    // Everything else: the text the source supports must be about what Moscow or a Russian official said or did.
    walk(pack, (value, path) => {
      if (path.startsWith('$.stances') || path.startsWith('$.sources') || !value || typeof value !== 'object' || Array.isArray(value)) return;
      const item = value as { sources?: unknown; summary?: string; outcome?: string; text?: string; description?: string; definition?: string };
      if (!Array.isArray(item.sources)) return;
      const cited = (item.sources as string[]).filter((ref) => stateMedia.has(ref));
      if (!cited.length) return;
      // A role is backed by its actor's sources: its text is the actor's description.
      const role = /^\$\.actors\[(\d+)\]\.roles\[\d+\]$/.exec(path);
      const text = role
        ? (pack.actors[Number(role[1])]?.description ?? '')
        : [item.summary, item.outcome, item.text, item.description, item.definition].filter(Boolean).join(' ');
      if (!attribution.test(text)) problems.push(`${where(path)}: cites Russian state media (${cited.join(', ')}) for a text that does not report what Moscow said: "${text.slice(0, 80)}"`);
    });
    expectNone(problems);
  });
});

describe('bundled pack: neutrality', () => {
  it('uses no words of judgement in its own voice (quotations excepted)', () => {
    const patterns = JUDGEMENT_WORDS.map((w) => [w, new RegExp(`(?<![\\p{L}-])${w.replace(/[-]/g, '[-\\u2010\\u2011]')}(?![\\p{L}-])`, 'iu')] as const);
    const problems: string[] = [];
    for (const { path, text } of proseFields()) {
      const own = ownVoice(text);
      for (const [word, re] of patterns) {
        const at = own.search(re);
        if (at >= 0) problems.push(`${where(path)}: "${word}" passes judgement; report instead, or quote the speaker: "…${own.slice(Math.max(0, at - 40), at + 60).trim()}…"`);
      }
    }
    expectNone(problems);
  });

  it('keeps quotes short and attributed', () => {
    const problems: string[] = [];
    pack.stances.forEach((s, i) => {
      if (!s.quote) return;
      const path = `$.stances[${i}] (${s.id}).quote`;
      if (s.quote.text.length > 300) problems.push(`${path}.text: ${s.quote.text.length} characters; quote at most 300`);
      if (!s.quote.by?.trim()) problems.push(`${path}.by: a quote must say who said it`);
      else if (!index.actor(s.quote.by)) problems.push(`${path}.by: "${s.quote.by}" is not an actor of the pack`);
      else if (index.partyOf(s.quote.by) && index.partyOf(s.quote.by) !== s.party)
        problems.push(`${path}.by: "${s.quote.by}" speaks for "${index.partyOf(s.quote.by)}", but the stance is "${s.party}"'s`);
    });
    expectNone(problems);
  });

  it('every stance party is one of the fixed columns, so every party gets the same fields in the same order', () => {
    expectNone(pack.stances.flatMap((s, i) => ((PARTY_IDS as readonly string[]).includes(s.party) ? [] : [`$.stances[${i}] (${s.id}).party: "${s.party}"`])));
  });

  it('shows the seed summary\'s "France and Finland" summit only as unverified', () => {
    // The claim: France and Finland named together (in one sentence) in a text that speaks of a summit.
    const claim = (text: string) =>
      /summit/i.test(text) && /\b(France|French)\b[^.;]{0,60}\bFinland\b|\bFinland\b[^.;]{0,60}\b(France|French)\b/.test(text);
    const problems: string[] = [];
    walk(pack, (value, path) => {
      if (typeof value !== 'string' || !claim(value)) return;
      const m = /^\$\.(events|stances)\[(\d+)\]/.exec(path);
      const item = m ? (m[1] === 'events' ? pack.events : pack.stances)[Number(m[2])] : undefined;
      if (item?.verification?.status !== 'unverified')
        problems.push(`${where(path)}: mentions the France–Finland summit claim outside an item marked verification.status "unverified"`);
    });
    expectNone(problems);
  });
});
