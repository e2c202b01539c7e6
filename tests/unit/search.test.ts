import { describe, expect, it } from 'vitest';
import { createSearch } from '../../src/popup/search';
import { bundledPack, miniPack } from '../helpers/packs';

describe('popup search', () => {
  const search = createSearch(bundledPack());

  it.each([
    ['zelenski', 'zelensky'],
    ['zelenskyy', 'zelensky'],
    ['puttin', 'putin'],
    ['lavrow', 'lavrov'],
    ['witkof', 'witkoff'],
  ])('ranks the intended person first for the misspelling %j', (query, target) => {
    expect(search.search(query)[0]?.doc.target).toBe(target);
  });

  it.each([
    ['riad talks', /riyadh/],
    ['minerals fund', /minerals/],
    ['coalition of the wiling', /security|coalition/],
    ['black see', /black-sea/],
  ])('finds %j among the first three results', (query, target) => {
    const top = search.search(query).slice(0, 3).map((h) => h.doc.target);
    expect(top.some((t) => target.test(t))).toBe(true);
  });

  it('searches stances too, and a stance opens its topic', () => {
    const stance = bundledPack().stances.find((s) => s.position.split(' ').length > 8)!;
    const phrase = stance.position.split(' ').slice(0, 8).join(' ');
    const hit = search.search(phrase).find((h) => h.doc.kind === 'stance' && h.doc.text === stance.position);
    expect(hit?.doc.target).toBe(stance.topic);
  });

  it('finds a person by a role they held before, and shows the role they hold as of the pack\'s date', () => {
    const pack = miniPack();
    pack.actors.find((a) => a.id === 'lavrov')!.roles = [
      { title: 'Ambassador to the United Nations', end: '2004-03-09', sources: ['tass-lavrov'] },
      { title: 'Foreign Minister of Russia', start: '2004-03-09', sources: ['tass-lavrov'] },
    ];
    const hit = createSearch(pack).search('ambassador to the united nations')[0];
    expect(hit?.doc).toMatchObject({ target: 'lavrov', detail: 'Foreign Minister of Russia' });
  });

  it('builds the index once, however many queries', () => {
    const fresh = createSearch(miniPack());
    expect(fresh.indexBuilds).toBe(0);
    for (const q of ['z', 'ze', 'zel', 'zele', 'zelen', 'zelens']) fresh.search(q);
    expect(fresh.indexBuilds).toBe(1);
  });

  it('ignores queries shorter than two characters', () => {
    expect(createSearch(miniPack()).search('z')).toEqual([]);
  });
});
