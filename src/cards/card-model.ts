/**
 * Turns a pack entry into the ready-made model a card renders. Pure, and the only place that decides what a
 * card says: the components only lay it out. Every fact carries its date and sources.
 */
import type { SinceArticle } from './article-time';
import type { Language } from '../knowledge/inflection';
import type { Freshness } from './freshness';
import { eventStart, type PackIndex } from '../knowledge/pack-index';
import { roleLine, speakerOn } from '../knowledge/roles';
import { PARTY_STATES } from '../knowledge/weak-sources';
import { CORE_PARTY_IDS, type Conflict, type NewsEvent, type PartyId, type Source, type Stance, type TrackId } from '../knowledge/schema';
import type { ShownDate } from '../cards/dates';
import { ENGLISH_CARD_WORDS, type CardWords } from './card-words';
import type { Messages, MessageKey } from '../i18n/messages';
import { PARTY_MESSAGE } from '../i18n/vocabulary';

export interface SourceLink {
  publisher: string;
  title: string;
  url: string;
  date: ShownDate;
  /** Its kind in plain words ("official", "copy of Reuters", "Russian state media"); none for a news outlet's own story. */
  note?: string;
}

export interface StanceCell {
  position: string;
  status: Stance['status'];
  date: ShownDate;
  /** Who took the position, when it is one person's or state's; with their role then, where it differs from now. */
  by?: string;
  quote?: { text: string; by: string };
  unverified?: string;
  sources: SourceLink[];
}

/**
 * One line of a card: a party on a topic's card, a topic on a person's or a country's card. Every line has the
 * same fields in the same order. `stances` holds the line's positions, newest first, each with its date and
 * sources: a card shows the first (none: no public position found), and the older ones are there for views that
 * pick a position by its date.
 */
export interface StanceLine {
  /** The party's id on a topic's card, the topic's id on an actor's card. */
  id: string;
  name: string;
  stances: StanceCell[];
}

export interface EventLine {
  id: string;
  name: string;
  date: ShownDate;
}

export interface ConflictModel {
  about: string;
  versions: { text: string; sources: SourceLink[] }[];
}

interface CardBase {
  id: string;
  name: string;
  asOf: ShownDate;
  packTitle: string;
  conflicts: ConflictModel[];
  sources: SourceLink[];
  relatedEvents: EventLine[];
  /** How fresh the card is; added by the background when it answers (see freshness.ts). */
  freshness?: Freshness;
  /** Read beside an article older than the card's newest entry: what came after its day (article-time.ts). */
  sinceArticle?: SinceArticle;
  /** Read beside an article newer than the pack: the one sentence that says so (article-time.ts). */
  newerThanPack?: string;
  /** Opened from a mark in another language: `name` is written in it, and this is the English name (name-language.ts). */
  nameInEnglish?: string;
  nameLanguage?: Language;
  /** The language of the item's own text where the pack translates it into the card's language; English otherwise. */
  textLanguage?: Language;
}

export type CardModel =
  | (CardBase & {
      kind: 'topic';
      definition: string;
      status: { text: string; date: ShownDate; sources: SourceLink[] };
      /** One line per party, in the pack's order of parties. */
      lines: StanceLine[];
      linesTitle: string;
    })
  | (CardBase & {
      kind: 'person' | 'country' | 'organization' | 'group';
      /** The role at the pack's "as of" date. */
      role: string;
      description: string;
      affiliation?: string;
      party?: string;
      /** One line per topic, the topic with the newest position first. */
      lines: StanceLine[];
      linesTitle: string;
      /** How many of the actor's positions the tracks and parties in the settings leave out. */
      hiddenStances: number;
      /** What the card says when it has no line: the settings hide them all, or the sources have none. */
      noPositions: string;
    })
  | (CardBase & {
      kind: 'event';
      date: ShownDate;
      place: string;
      participants: string[];
      summary: string;
      outcome: string;
      unverified?: string;
    });

export interface CardFilters {
  tracks?: readonly TrackId[];
  parties?: readonly PartyId[];
}

const RELATED_EVENTS = 4;

/** "Russian state media": in English, the adjective of each state whose media the pack is likely to cite. */
const STATE_ADJECTIVES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(PARTY_STATES).map(([state, { adjective }]) => [state, adjective])),
  China: 'Chinese', Belarus: 'Belarusian', Iran: 'Iranian', Turkey: 'Turkish', Qatar: 'Qatari', 'Saudi Arabia': 'Saudi',
  'United Arab Emirates': 'Emirati', 'North Korea': 'North Korean',
};

/** The same states' region codes, so that other languages name them in their own words (`Intl.DisplayNames`). */
const STATE_REGIONS: Readonly<Record<string, string>> = {
  'United States': 'US', Ukraine: 'UA', Russia: 'RU', China: 'CN', Belarus: 'BY', Iran: 'IR', Turkey: 'TR', Qatar: 'QA',
  'Saudi Arabia': 'SA', 'United Arab Emirates': 'AE', 'North Korea': 'KP',
};

/**
 * English says "Russian state media", with the adjective; other languages, and English for a state it has no
 * adjective for, name the country in their own words ("державні ЗМІ, Росія", "state media of Ruritania").
 */
function stateMedia(state: string, t: Messages): string {
  const adjective = t.language === 'en' ? STATE_ADJECTIVES[state] : undefined;
  if (adjective) return t.text('sourceStateMediaOf', adjective);
  const region = STATE_REGIONS[state];
  return t.text('sourceStateMediaOfCountry', (region && new Intl.DisplayNames(t.language, { type: 'region' }).of(region)) || state);
}

const WEAK_MESSAGE: Readonly<Record<NonNullable<Source['weak']>, MessageKey>> = { partisan: 'sourcePartisan', aggregator: 'sourceAggregator' };

function kindWords(s: Source, { t }: CardWords): string | undefined {
  switch (s.kind) {
    case 'primary':
      return t.text('sourceOfficial');
    case 'copy':
      return s.copyOf ? t.text('sourceCopyOf', s.copyOf) : t.text('sourceCopy');
    case 'state-media':
      return s.state === undefined ? t.text('sourceStateMedia') : stateMedia(s.state, t);
    case 'other':
      return t.text('sourceOther');
    case 'outlet':
      return undefined;
  }
}

/**
 * What kind of source this is, in the words a reader sees next to it: "official", "copy of Reuters", "Russian state
 * media", "aggregator". A news outlet's own story is the ordinary case and carries no label, which keeps cards short.
 */
export function sourceKindNote(s: Source, words: CardWords = ENGLISH_CARD_WORDS): string | undefined {
  const parts = [kindWords(s, words), s.weak ? words.t.text(WEAK_MESSAGE[s.weak]) : undefined].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}

/** A source as a reader sees it: where it comes from, and what kind of source it is. */
export function toSourceLink(s: Source, words: CardWords = ENGLISH_CARD_WORDS): SourceLink {
  const note = sourceKindNote(s, words);
  return { publisher: s.publisher, title: s.title, url: s.url, date: words.showDate(s.date), ...(note ? { note } : {}) };
}

/** The sources with these ids, in order; unknown ids are skipped (a validated pack has none). */
export function sourceLinks(index: PackIndex, ids: readonly string[], words: CardWords = ENGLISH_CARD_WORDS): SourceLink[] {
  return ids.flatMap((id) => {
    const s = index.source(id);
    return s ? [toSourceLink(s, words)] : [];
  });
}

/** A stance's speaker, named with the role they held on `date` where it differs from their role "as of" now. */
export function speakerName(index: PackIndex, actorId: string, date: string): string {
  const actor = index.actor(actorId);
  return actor ? speakerOn(actor, date, index.pack.meta.asOf) : actorId;
}

/**
 * `words`: the card's language. Every date and label in the model is written here, so the card shows it as it is
 * (see src/cards/dates.ts and card-words.ts).
 */
export function buildCardModel(index: PackIndex, id: string, filters: CardFilters = {}, words: CardWords = ENGLISH_CARD_WORDS): CardModel | null {
  const entity = index.entity(id);
  if (!entity) return null;
  const { pack } = index;
  const { t, showDate } = words;
  const links = (ids: readonly string[]) => sourceLinks(index, ids, words);
  // The pack's text in the card's language where a translation has it (schema.ts, `translations`), else English.
  const say = (item: { translations?: object }, field: string, english: string): string =>
    (item.translations as Partial<Record<string, Partial<Record<string, string>>>> | undefined)?.[t.language]?.[field] ?? english;
  const translated = (item: { translations?: object }) => t.language !== 'en' && Object.hasOwn(item.translations ?? {}, t.language);
  const cell = (s: Stance, withQuote = true): StanceCell => ({
    position: say(s, 'position', s.position),
    status: s.status,
    date: showDate(s.date),
    ...(s.actor ? { by: speakerName(index, s.actor, s.date) } : {}),
    ...(withQuote && s.quote ? { quote: { text: s.quote.text, by: index.actor(s.quote.by)?.name ?? s.quote.by } } : {}),
    ...(s.verification ? { unverified: s.verification.note } : {}),
    sources: links(s.sources),
  });
  const conflicts = (list: readonly Conflict[] | undefined): ConflictModel[] =>
    (list ?? []).map((c) => ({ about: c.about, versions: c.versions.map((v) => ({ text: v.text, sources: links(v.sources) })) }));
  const trackAllowed = (tracks: readonly TrackId[]) => !filters.tracks || tracks.length === 0 || tracks.some((t) => filters.tracks!.includes(t));
  const partyAllowed = (party: PartyId) => !filters.parties || filters.parties.includes(party);
  const eventLine = (e: NewsEvent): EventLine => ({ id: e.id, name: e.name, date: showDate(e.date) });
  const base = { id, asOf: showDate(pack.meta.asOf), packTitle: pack.meta.title, ...(translated(entity.item) ? { textLanguage: t.language as Language } : {}) };

  if (entity.kind === 'topic') {
    const topic = entity.item;
    const parties = (topic.parties ?? CORE_PARTY_IDS).filter(partyAllowed);
    const stances = index.stancesByTopic(topic.id);
    const lines: StanceLine[] = parties.map((party) => ({ id: party, name: t.text(PARTY_MESSAGE[party]), stances: stances.filter((s) => s.party === party).map((s) => cell(s)) }));
    const related = index.eventsNewestFirst.filter((e) => (topic.track ? e.tracks.includes(topic.track) : false)).slice(0, RELATED_EVENTS);
    return {
      ...base,
      kind: 'topic',
      name: say(topic, 'name', topic.name),
      definition: say(topic, 'definition', topic.definition),
      status: { text: say(topic, 'status', topic.status.text), date: showDate(topic.status.date), sources: links(topic.status.sources) },
      lines,
      linesTitle: t.text('cardPartiesTitle'),
      conflicts: conflicts(topic.conflicts),
      sources: links(topic.sources),
      relatedEvents: related.map(eventLine),
    };
  }
  if (entity.kind === 'actor') {
    const actor = entity.item;
    // A state at the table speaks for its party: its card says where the party stands on each topic, whoever
    // spoke for it. Other states and organisations show what they and their people said; a person, their own.
    const partyState = actor.party && PARTY_STATES[actor.name]?.party === actor.party ? actor.party : undefined;
    const people = new Set([actor.id, ...index.pack.actors.filter((a) => a.affiliation === actor.id).map((a) => a.id)]);
    const all = partyState ? index.stancesByParty(partyState) : index.pack.stances.filter((s) => s.actor !== undefined && people.has(s.actor));
    // The settings' parties apply here as on topic cards: "parties whose positions cards show".
    const own = all
      .filter((s) => {
        const topic = index.entity(s.topic);
        return topic?.kind !== 'topic' || !topic.item.track || trackAllowed([topic.item.track]);
      })
      .filter((s) => partyAllowed(s.party))
      .sort((a, b) => b.date.localeCompare(a.date));
    // One line per topic, the newest position first. A country's or an organisation's line is its position, not
    // one person's words: quotes stay on people's cards.
    const lines = new Map<string, StanceLine>();
    for (const s of own) {
      const line = lines.get(s.topic) ?? { id: s.topic, name: index.entity(s.topic)?.item.name ?? s.topic, stances: [] };
      line.stances.push(cell(s, actor.kind === 'person'));
      lines.set(s.topic, line);
    }
    const party = index.partyOf(actor.id);
    const topics = t.count('cardTopics', lines.size);
    const person = actor.kind === 'person';
    return {
      ...base,
      kind: actor.kind,
      name: say(actor, 'name', actor.name),
      role: roleLine(actor, pack.meta.asOf),
      description: say(actor, 'description', actor.description),
      ...(actor.affiliation ? { affiliation: index.actor(actor.affiliation)?.name ?? actor.affiliation } : {}),
      ...(party ? { party: t.text(PARTY_MESSAGE[party]) } : {}),
      lines: [...lines.values()],
      linesTitle: t.text(partyState ? 'cardPartyStandsTitle' : 'cardPositionsTitle', topics),
      hiddenStances: all.length - own.length,
      noPositions: t.text(all.length > own.length ? (person ? 'cardHiddenPerson' : 'cardHiddenActor') : person ? 'cardNoPositionsPerson' : 'cardNoPositionsActor'),
      conflicts: [],
      sources: links(actor.sources),
      relatedEvents: index.eventsNewestFirst.filter((e) => e.participants.some((p) => people.has(p))).slice(0, RELATED_EVENTS).map(eventLine),
    };
  }
  const event = entity.item;
  return {
    ...base,
    kind: 'event',
    name: say(event, 'name', event.name),
    date: showDate(event.date),
    place: say(event, 'place', event.place),
    participants: event.participants.map((p) => index.actor(p)?.name ?? p),
    summary: say(event, 'summary', event.summary),
    outcome: say(event, 'outcome', event.outcome),
    ...(event.verification ? { unverified: event.verification.note } : {}),
    conflicts: conflicts(event.conflicts),
    sources: links(event.sources),
    relatedEvents: index.eventsNewestFirst
      .filter((e) => e.id !== event.id && e.tracks.some((t) => event.tracks.includes(t)) && eventStart(e) <= eventStart(event))
      .slice(0, RELATED_EVENTS - 1)
      .map(eventLine),
  };
}
