/** What a card shows under the settings' tracks and parties. */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { buildCardModel } from '../../src/cards/card-model';
import { indexPack } from '../../src/knowledge/pack-index';
import { PARTY_IDS } from '../../src/knowledge/schema';
import { CardBody } from '../../src/ui/CardBody';
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
          expect(partyOfPosition.get(`${line.topic}|${line.stance.date}|${line.stance.position}`), `${actor.id} with only ${party}`).toBe(party);
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
