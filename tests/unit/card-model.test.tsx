/** What a card shows under the settings' tracks and parties. */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { buildCardModel } from '../../src/cards/card-model';
import { indexPack } from '../../src/knowledge/pack-index';
import { PARTY_IDS } from '../../src/knowledge/schema';
import { CardBody } from '../../src/ui/CardBody';
import { dateFormatter } from '../../src/ui/dates';
import { bundledPack } from '../helpers/packs';

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
        for (const line of model.stances) {
          expect(partyOfPosition.get(`${line.topic}|${line.stance.date.datetime}|${line.stance.position}`), `${actor.id} with only ${party}`).toBe(party);
          shown++;
        }
      }
    expect(shown).toBeGreaterThan(0);
  });

  it('says the settings hide an actor\'s positions rather than that there are none', () => {
    const everyone = buildCardModel(index, 'putin')!;
    expect(everyone.kind === 'person' && everyone.stances.length).toBeGreaterThan(0);

    const model = buildCardModel(index, 'putin', { parties: PARTY_IDS.filter((p) => p !== 'russia') })!;
    expect(model.kind === 'person' && model.stances).toEqual([]);
    const host = document.createElement('div');
    render(<CardBody model={model} />, host);
    expect(host.querySelector('.no-position')?.textContent).toBe('Your settings hide the positions of this person.');

    const none = buildCardModel(index, 'united-arab-emirates')!;
    expect(none.kind === 'country' && none.stances).toEqual([]);
    render(<CardBody model={none} />, host);
    expect(host.querySelector('.no-position')?.textContent).toBe('No positions of this actor in our sources.');
  });
});

describe('dates on a card', () => {
  const british = dateFormatter('en-GB');
  const times = (host: Element) => [...host.querySelectorAll('time')].map((t) => [t.getAttribute('datetime'), t.textContent]);

  it('a topic card reads its status date, each position\'s date and its events\' dates in words, and keeps each day in datetime', () => {
    const model = buildCardModel(index, 'minerals-deal', {}, british)!;
    if (model.kind !== 'topic') throw new Error('minerals-deal is not a topic');
    expect(model.asOf).toEqual({ datetime: pack.meta.asOf, text: '6 January 2026' });
    expect(model.status.date).toEqual({ datetime: '2025-05-08', text: '8 May 2025' });
    const host = document.createElement('div');
    render(<CardBody model={model} />, host);
    const shown = times(host);
    expect(shown).toContainEqual(['2025-05-08', '8 May 2025']);
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
    const model = buildCardModel(index, 'munich-security-conference-2025', {}, british)!;
    const host = document.createElement('div');
    render(<CardBody model={model} />, host);
    const when = host.querySelector('.event-facts time')!;
    expect(when.getAttribute('datetime')).toBe('2025-02-14');
    expect(when.textContent?.replace(/[\u2009\u202f\u00a0]/g, ' ')).toBe('14 – 15 February 2025');
  });
});

