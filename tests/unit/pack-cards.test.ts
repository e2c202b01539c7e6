/**
 * The cards that matter most, built from the bundled pack as a reader sees them on its "as of" date: for each topic,
 * the newest stance of every party and the date of the status; for each person, the role shown and the newest
 * positions; and the speakers' roles on the dates they spoke. One row per card, written from the pack's content:
 * when the content changes, change the row, and check that the card still says what the sources say.
 */
import { describe, expect, it } from 'vitest';
import { buildCardModel, speakerName, type CardModel } from '../../src/cards/card-model';
import { indexPack } from '../../src/knowledge/pack-index';
import type { PartyId } from '../../src/knowledge/schema';
import { bundledPack } from '../helpers/packs';

const pack = bundledPack();
const index = indexPack(pack);
const AS_OF = '2026-04-12';

type TopicCard = Extract<CardModel, { kind: 'topic' }>;
type ActorCard = Extract<CardModel, { kind: 'person' | 'country' | 'organization' | 'group' }>;

/** The newest stance a row shows: its id and how the speaker is named; null for "no public position". */
type Newest = { id: string; by?: string } | null;

interface TopicRow {
  id: string;
  statusDate: string;
  newest: Partial<Record<PartyId, Newest>>;
}

const TOPICS: TopicRow[] = [
  {
    id: 'security-guarantees',
    statusDate: '2026-02-20',
    newest: {
      us: { id: 'security-guarantees-us-2026-02-13-united-states', by: 'United States' },
      ukraine: { id: 'security-guarantees-ukraine-2026-02-26-zelensky', by: 'Volodymyr Zelensky' },
      russia: { id: 'security-guarantees-russia-2026-01-08-zakharova', by: 'Maria Zakharova' },
      europe: { id: 'security-guarantees-europe-2026-01-07-france', by: 'France' },
    },
  },
  {
    id: 'ceasefire-proposals',
    statusDate: '2026-04-12',
    newest: {
      us: { id: 'ceasefire-proposals-us-2026-03-09-trump', by: 'Donald Trump' },
      ukraine: { id: 'ceasefire-proposals-ukraine-2026-04-10-zelensky', by: 'Volodymyr Zelensky' },
      russia: { id: 'ceasefire-proposals-russia-2026-04-09-putin', by: 'Vladimir Putin' },
      europe: { id: 'ceasefire-proposals-europe-2026-02-23-kallas', by: 'Kaja Kallas' },
      mediators: { id: 'ceasefire-proposals-mediators-2025-03-10-mbs', by: 'Mohammed bin Salman' },
    },
  },
  {
    id: 'minerals-deal',
    statusDate: '2026-02-02',
    newest: {
      us: { id: 'minerals-deal-us-2026-02-02-united-states', by: 'United States' },
      // Shmyhal spoke as Prime Minister; he has held other posts since, so the card names his role then.
      ukraine: { id: 'minerals-deal-ukraine-2025-05-08-shmyhal', by: 'Denys Shmyhal, then Prime Minister of Ukraine' },
      russia: { id: 'minerals-deal-russia-2025-04-03-dmitriev', by: 'Kirill Dmitriev' },
      europe: null,
    },
  },
];

interface ActorRow {
  id: string;
  role: string;
  /** The newest position per topic, newest first, as the card lists them: "topic date". */
  newest: string[];
}

/** A country at the table: where its party stands on each topic, whoever spoke for it. */
interface CountryRow {
  id: string;
  party: PartyId;
  /** The party's newest position per topic, newest first: "topic date". */
  newest: string[];
}

const ACTORS: ActorRow[] = [
  {
    id: 'zelensky',
    role: 'President of Ukraine',
    newest: [
      'ceasefire-proposals 2026-04-10',
      'security-guarantees 2026-02-26',
      'territory 2026-02-20',
      'elections-martial-law 2026-02-11',
      'peace-plans-2025 2026-02-06',
      'frozen-conflict 2025-12-23',
      'minerals-deal 2025-05-01',
      'us-aid 2025-05-01',
      'sanctions 2025-03-27',
      'zaporizhzhia-npp 2025-03-19',
      'black-sea 2025-03-11',
    ],
  },
  {
    id: 'putin',
    role: 'President of Russia',
    newest: [
      'ceasefire-proposals 2026-04-09',
      'territory 2025-11-27',
      'elections-martial-law 2025-11-27',
      'peace-plans-2025 2025-11-21',
      'security-guarantees 2025-09-05',
      'frozen-conflict 2025-08-15',
      'minerals-deal 2025-02-24',
    ],
  },
  {
    id: 'trump',
    role: 'President of the United States',
    newest: [
      'ceasefire-proposals 2026-03-09',
      'sanctions 2026-03-09',
      'peace-plans-2025 2026-01-22',
      'territory 2025-12-28',
      'security-guarantees 2025-12-28',
      'elections-martial-law 2025-12-09',
      'us-aid 2025-06-25',
      'zaporizhzhia-npp 2025-03-19',
      'minerals-deal 2025-02-27',
    ],
  },
  { id: 'svyrydenko', role: 'Prime Minister of Ukraine', newest: [] },
  { id: 'shmyhal', role: 'First Deputy Prime Minister and Energy Minister of Ukraine', newest: ['minerals-deal 2025-05-08'] },
  { id: 'budanov', role: 'Head of the Office of the President of Ukraine', newest: [] },
  { id: 'yermak', role: 'Head of the Office of the President of Ukraine until 2025-11-28', newest: ['ceasefire-proposals 2025-04-23', 'security-guarantees 2025-03-11'] },
];

const COUNTRIES: CountryRow[] = [
  {
    id: 'ukraine',
    party: 'ukraine',
    newest: [
      'ceasefire-proposals 2026-04-10',
      'security-guarantees 2026-02-26',
      'peace-plans-2025 2026-02-26',
      'territory 2026-02-20',
      'elections-martial-law 2026-02-11',
      'frozen-conflict 2025-12-23',
      'minerals-deal 2025-05-08',
      'us-aid 2025-05-01',
      'sanctions 2025-03-27',
      'black-sea 2025-03-25',
      'zaporizhzhia-npp 2025-03-19',
    ],
  },
  {
    id: 'russia',
    party: 'russia',
    newest: [
      'ceasefire-proposals 2026-04-09',
      'sanctions 2026-03-13',
      'peace-plans-2025 2026-02-05',
      'territory 2026-01-23',
      'security-guarantees 2026-01-08',
      'elections-martial-law 2025-11-27',
      'frozen-conflict 2025-08-15',
      'minerals-deal 2025-04-03',
      'black-sea 2025-03-25',
    ],
  },
  {
    id: 'united-states',
    party: 'us',
    newest: [
      'sanctions 2026-03-12',
      'ceasefire-proposals 2026-03-09',
      'security-guarantees 2026-02-13',
      'elections-martial-law 2026-02-11',
      'peace-plans-2025 2026-02-06',
      'minerals-deal 2026-02-02',
      'territory 2025-12-28',
      'zaporizhzhia-npp 2025-11-20',
      'us-aid 2025-06-25',
      'frozen-conflict 2025-04-23',
      'black-sea 2025-03-25',
    ],
  },
];

/** How a speaker is named on a given date, next to a stance of that date. */
const SPEAKERS: [actor: string, date: string, named: string][] = [
  ['svyrydenko', '2025-07-16', 'Yulia Svyrydenko, then First Deputy Prime Minister and Economy Minister of Ukraine'],
  ['svyrydenko', '2025-07-17', 'Yulia Svyrydenko'],
  ['shmyhal', '2025-05-08', 'Denys Shmyhal, then Prime Minister of Ukraine'],
  ['shmyhal', '2025-09-01', 'Denys Shmyhal, then Defence Minister of Ukraine'],
  ['budanov', '2026-01-01', "Kyrylo Budanov, then Head of the Main Intelligence Directorate (HUR) of Ukraine's Defence Ministry"],
  ['budanov', '2026-01-02', 'Kyrylo Budanov'],
  ['yermak', '2025-04-23', 'Andriy Yermak, then Head of the Office of the President of Ukraine'],
];

describe('the cards that matter most, as of the pack\'s date', () => {
  it('the pack is as of the newest date it covers', () => {
    expect(pack.meta.asOf).toBe(AS_OF);
  });

  it.each(TOPICS)('topic $id: the newest stance of each party and the status date', (row) => {
    const model = buildCardModel(index, row.id) as TopicCard;
    expect(model.kind).toBe('topic');
    expect(model.asOf.datetime).toBe(AS_OF);
    expect(model.status.date.datetime).toBe(row.statusDate);
    expect(model.lines.map((r) => r.id)).toEqual(Object.keys(row.newest));
    for (const r of model.lines) {
      const want = row.newest[r.id as PartyId];
      // Every position of the party on the topic, newest first: the card shows the first.
      const all = pack.stances.filter((s) => s.topic === row.id && s.party === r.id);
      expect(r.stances.map((s) => s.date.datetime)).toEqual(all.map((s) => s.date).sort().reverse());
      if (want === null) {
        expect(r.stances, `${row.id} ${r.id}`).toEqual([]);
        continue;
      }
      const stance = pack.stances.find((s) => s.id === want!.id)!;
      expect(stance, want!.id).toBeDefined();
      expect(r.stances[0], `${row.id} ${r.id}`).toMatchObject({ date: { datetime: stance.date }, position: stance.position, by: want!.by });
    }
  });

  it.each(ACTORS)('actor $id: the role shown and the newest positions', (row) => {
    const model = buildCardModel(index, row.id) as ActorCard;
    expect(model.kind).toBe('person');
    expect(model.asOf.datetime).toBe(AS_OF);
    expect(model.role).toBe(row.role);
    expect(model.lines.map((l) => `${l.id} ${l.stances[0]!.date.datetime}`)).toEqual(row.newest);
  });

  it.each(COUNTRIES)('country $id: where its party stands on each topic, not one person\'s words', (row) => {
    const model = buildCardModel(index, row.id) as ActorCard;
    expect(model.kind).toBe('country');
    expect(model.lines.map((l) => `${l.id} ${l.stances[0]!.date.datetime}`)).toEqual(row.newest);
    for (const line of model.lines) {
      const all = pack.stances.filter((s) => s.topic === line.id && s.party === row.party);
      // The line holds every position of the party on the topic, newest first, each dated and sourced.
      expect(line.stances.map((s) => s.date.datetime)).toEqual(all.map((s) => s.date).sort().reverse());
      for (const cell of line.stances) {
        expect(cell.sources.length, `${row.id} ${line.id}`).toBeGreaterThan(0);
        expect(cell.quote).toBeUndefined();
      }
    }
    // Several people speak for it, not one.
    expect(new Set(model.lines.map((l) => l.stances[0]!.by)).size).toBeGreaterThan(1);
  });

  it.each(SPEAKERS)('%s on %s is named "%s"', (actor, date, named) => {
    expect(speakerName(index, actor, date)).toBe(named);
  });
});
