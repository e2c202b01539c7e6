/** What a card shows under the settings' tracks and parties. */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { buildCardModel, sourceKindNote, toSourceLink } from '../../src/cards/card-model';
import { indexPack } from '../../src/knowledge/pack-index';
import { PARTY_IDS, type Source } from '../../src/knowledge/schema';
import { CardBody } from '../../src/ui/CardBody';
import { dateFormatter } from '../../src/cards/dates';
import { Sources } from '../../src/ui/facts';
import { bundledPack, miniPack } from '../helpers/packs';
import { ENGLISH } from '../../src/i18n/messages';

const pack = bundledPack();
const index = indexPack(pack);

describe('the parties setting', () => {
  it('person and country cards show only the positions of the chosen parties', () => {
    const partyOfPosition = new Map(pack.stances.map((s) => [`${s.topic}|${s.date}|${s.position}`, s.party]));
    let shown = 0;
    for (const party of PARTY_IDS)
      for (const actor of pack.actors) {
        const model = buildCardModel(index, actor.id, { parties: [party] })!;
        if (model.kind === 'topic' || model.kind === 'event') throw new Error(`${actor.id} is not an actor`);
        for (const line of model.lines)
          for (const stance of line.stances) {
            expect(partyOfPosition.get(`${line.id}|${stance.date.datetime}|${stance.position}`), `${actor.id} with only ${party}`).toBe(party);
            shown++;
          }
      }
    expect(shown).toBeGreaterThan(0);
  });

  it('says the settings hide an actor\'s positions rather than that there are none', () => {
    const everyone = buildCardModel(index, 'putin')!;
    expect(everyone.kind === 'person' && everyone.lines.length).toBeGreaterThan(0);

    const model = buildCardModel(index, 'putin', { parties: PARTY_IDS.filter((p) => p !== 'russia') })!;
    expect(model.kind === 'person' && model.lines).toEqual([]);
    const host = document.createElement('div');
    render(<CardBody t={ENGLISH} model={model} onShowEarlier={() => undefined} earlierWhere="popup" />, host);
    expect(host.querySelector('.no-position')?.textContent).toBe('Your settings hide the positions of this person.');

    const none = buildCardModel(index, 'united-arab-emirates')!;
    expect(none.kind === 'country' && none.lines).toEqual([]);
    render(<CardBody t={ENGLISH} model={none} onShowEarlier={() => undefined} earlierWhere="popup" />, host);
    expect(host.querySelector('.no-position')?.textContent).toBe('No positions of this actor in our sources.');
  });
});

describe('roles by date', () => {
  // The mini pack is current to 2025-02-18; Lavrov gets a role that changed on 2025-02-01.
  const dated = () => {
    const mini = miniPack();
    mini.actors.find((a) => a.id === 'lavrov')!.roles = [
      { title: 'Foreign Minister of Russia', end: '2025-02-01', sources: ['tass-lavrov'] },
      { title: 'Special envoy', start: '2025-02-01', sources: ['tass-lavrov'] },
    ];
    mini.stances.push(
      { ...mini.stances[2]!, id: 'ceasefire-russia-2025-01-10-lavrov', actor: 'lavrov', date: '2025-01-10', sources: ['tass-lavrov'] },
      { ...mini.stances[2]!, id: 'minerals-russia-2025-02-10-lavrov', topic: 'minerals-deal', actor: 'lavrov', date: '2025-02-10', sources: ['tass-lavrov'] },
    );
    return indexPack(mini);
  };

  it('a person\'s card shows the role at the pack\'s as-of date', () => {
    const model = buildCardModel(dated(), 'lavrov')!;
    expect(model.kind === 'person' && model.role).toBe('Special envoy');
  });

  it.each([
    ['a stance from before the change names the role then', 'ceasefire', 'Sergei Lavrov, then Foreign Minister of Russia'],
    ['a stance after the change names the speaker only', 'minerals-deal', 'Sergei Lavrov'],
  ])('%s', (_name, topic, by) => {
    const model = buildCardModel(dated(), 'lavrov')!;
    const line = model.kind === 'person' ? model.lines.find((l) => l.id === topic) : undefined;
    expect(line?.stances[0]?.by).toBe(by);
  });

  it('the bundled pack\'s cards show the role held "as of" the pack, or the last one with its end', () => {
    for (const actor of pack.actors) {
      const model = buildCardModel(index, actor.id)!;
      const last = actor.roles.at(-1)!;
      const expected = last.end === undefined ? last.title : `${last.title} until ${last.end}`;
      expect(model.kind !== 'topic' && model.kind !== 'event' && model.role, actor.id).toBe(expected);
    }
  });
});

describe('source kinds a reader can see', () => {
  const base = { id: 's', publisher: 'Publisher', title: 'T', url: 'https://example.org/', date: '2025-01-01' } as const;
  it.each<[string, Source, string | undefined]>([
    ['an official readout', { ...base, kind: 'primary' }, 'official'],
    ['a news outlet\'s own story: no label', { ...base, kind: 'outlet' }, undefined],
    ['a wire copy', { ...base, kind: 'copy', copyOf: 'Reuters' }, 'copy of Reuters'],
    ['a copy of an unnamed original (read from version 1)', { ...base, kind: 'copy' }, 'copy'],
    ['state media of a party', { ...base, kind: 'state-media', state: 'Russia' }, 'Russian state media'],
    ['state media of a third country', { ...base, kind: 'state-media', state: 'China' }, 'Chinese state media'],
    ['state media of a state without an adjective here', { ...base, kind: 'state-media', state: 'Ruritania' }, 'state media of Ruritania'],
    ['state media of an unknown state', { ...base, kind: 'state-media' }, 'state media'],
    ['another kind of source', { ...base, kind: 'other' }, 'other source'],
    ['an aggregator', { ...base, kind: 'outlet', weak: 'aggregator' }, 'aggregator'],
    ['a partisan site\'s copy', { ...base, kind: 'copy', copyOf: 'AP', weak: 'partisan' }, 'copy of AP, partisan site'],
  ])('%s', (_name, source, note) => {
    expect(sourceKindNote(source)).toBe(note);
    expect(toSourceLink(source).note).toBe(note);
  });

  it('each source of a list shows its kind after its publisher', () => {
    const host = document.createElement('div');
    const sources = [
      toSourceLink({ ...base, publisher: 'Kremlin', kind: 'primary' }),
      toSourceLink({ ...base, publisher: 'Kyiv Independent', kind: 'outlet' }),
      toSourceLink({ ...base, publisher: 'TASS', kind: 'state-media', state: 'Russia' }),
    ];
    render(<Sources t={ENGLISH} sources={sources} />, host);
    expect(host.textContent).toBe('Sources: Kremlin (official); Kyiv Independent; TASS (Russian state media)');
  });
});
describe('dates on a card', () => {
  const british = dateFormatter('en-GB');
  const times = (host: Element) => [...host.querySelectorAll('time')].map((t) => [t.getAttribute('datetime'), t.textContent]);

  it('a topic card reads its status date, each position\'s date and its events\' dates in words, and keeps each day in datetime', () => {
    const model = buildCardModel(index, 'minerals-deal', {}, { t: ENGLISH, showDate: british })!;
    if (model.kind !== 'topic') throw new Error('minerals-deal is not a topic');
    expect(model.asOf).toEqual({ datetime: pack.meta.asOf, text: british(pack.meta.asOf).text });
    expect(british('2026-01-06').text).toBe('6 January 2026');
    const statusDay = pack.topics.find((t) => t.id === 'minerals-deal')!.status.date;
    expect(model.status.date).toEqual({ datetime: statusDay, text: british(statusDay).text });
    const host = document.createElement('div');
    render(<CardBody t={ENGLISH} model={model} onShowEarlier={() => undefined} earlierWhere="popup" />, host);
    const shown = times(host);
    expect(shown).toContainEqual([statusDay, british(statusDay).text]);
    expect(shown.length).toBeGreaterThan(2);
    for (const [datetime, text] of shown) {
      expect(datetime).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(text).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$|–/);
    }
    // Source dates appear in the links' titles, in the same words.
    const titles = [...host.querySelectorAll('.sources a')].map((a) => a.getAttribute('title') ?? '');
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('an event card writes a span of days once, with the first day in datetime', () => {
    const model = buildCardModel(index, 'munich-security-conference-2025', {}, { t: ENGLISH, showDate: british })!;
    const host = document.createElement('div');
    render(<CardBody t={ENGLISH} model={model} onShowEarlier={() => undefined} earlierWhere="popup" />, host);
    const when = host.querySelector('.event-facts time')!;
    expect(when.getAttribute('datetime')).toBe('2025-02-14');
    expect(when.textContent?.replace(/[\u2009\u202f\u00a0]/g, ' ')).toBe('14 – 15 February 2025');
  });
});

