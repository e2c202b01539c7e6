import { describe, expect, it } from 'vitest';
import { fold } from '../../src/popup/fold';
import { createSearch, editDistance } from '../../src/popup/search';
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

describe('popup search in every language the pack names things in', () => {
  const search = createSearch(bundledPack());
  it.each([
    ['Зеленський', 'zelensky'],
    ['Зеленського', 'zelensky'],
    ['зеленский', 'zelensky'],
    // Typos in Cyrillic: a letter missing, two swapped.
    ['Зеленскй', 'zelensky'],
    ['Путни', 'putin'],
    ['Путіна', 'putin'],
    ['Лавровым', 'lavrov'],
    ['Уиткофф', 'witkoff'],
    ['Selenskyj', 'zelensky'],
    ['Selenskyjs', 'zelensky'],
    ['Poutine', 'putin'],
    ['Zełenskiego', 'zelensky'],
    ['Україна', 'ukraine'],
    ['Росії', 'russia'],
    ['перемирʼя', 'ceasefire-proposals'],
    ['Waffenstillstand', 'ceasefire-proposals'],
    ['cessez-le-feu', 'ceasefire-proposals'],
  ])('%j finds %s first', (query, target) => {
    expect(search.search(query)[0]?.doc.target).toBe(target);
  });
});

describe('popup search ranking: a name typed as written comes first', () => {
  const pack = bundledPack();
  const search = createSearch(pack);
  const top = (query: string, n: number) => search.search(query).slice(0, n).map((h) => h.doc.target);

  it.each([
    // A city as German writes it ("Riad", a name of Saudi Arabia since 1.3.0), then the talks named for it; not
    // people whose names hold a similar run of letters.
    ['riad', ['saudi-arabia', 'riyadh-talks-2025-02-18']],
    ['Riad', ['saudi-arabia', 'riyadh-talks-2025-02-18']],
    ['riad talks', ['riyadh-talks-2025-02-18', 'riyadh-technical-talks-2025-03-23']],
    ['zelenksy', ['zelensky']],
    // Exact aliases.
    ['UK', ['united-kingdom']],
    ['MBS', ['mbs']],
    ['Diriyah talks', ['riyadh-talks-2025-02-18']],
    ['Black Sea talks', ['riyadh-technical-talks-2025-03-23']],
    ['merz', ['merz']],
    // Accents and case do not count, in the query or in the name.
    ['TÜRKIYE', ['turkey']],
    ['riyádh', ['saudi-arabia']],
    ['ÉLYSÉE', ['france']],
    ['antonio costa', ['costa']],
    // The start of a name, as it is being typed.
    ['svyr', ['svyrydenko']],
    ['zelen', ['zelensky']],
    ['riyadh tal', ['riyadh-talks-2025-02-18']],
  ])('%j puts %j first', (query, expected) => {
    expect(top(query, expected.length)).toEqual(expected);
  });

  it('ranks an exact name above names that start with the query, those above a word inside a name, and those above fuzzy matches', () => {
    const hits = search.search('putin');
    expect(hits[0]).toMatchObject({ match: 'exact', doc: { target: 'putin' } });
    const order = ['exact', 'prefix', 'word', 'close', 'fuzzy'];
    const ranks = hits.map((h) => order.indexOf(h.match));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(hits.some((h) => h.match === 'prefix' && h.doc.title.startsWith("Putin's"))).toBe(true);
    expect(hits.some((h) => h.match === 'word' && h.doc.title === 'Trump–Putin summit in Alaska')).toBe(true);
  });

  // Each search runs fuse.js over the whole pack: the people and states, whom readers look up by name, are searched
  // one by one; for the rest, no two items share a name once folded, so an exact name has one item to put first.
  it('finds every person and state by each of their names and aliases, that one first', () => {
    const missed: string[] = [];
    for (const actor of pack.actors)
      for (const name of new Set([actor.name, ...actor.aliases.map((a) => a.text)])) {
        const first = search.search(name)[0]?.doc.target;
        if (first !== actor.id) missed.push(`${name} → ${first}`);
      }
    expect(missed).toEqual([]);
  }, 60_000);

  it('gives no two items the same name once folded', () => {
    const owners = new Map<string, Set<string>>();
    for (const item of [...pack.actors, ...pack.topics, ...pack.events])
      for (const name of [item.name, ...item.aliases.map((a) => a.text)]) owners.set(fold(name), (owners.get(fold(name)) ?? new Set()).add(item.id));
    expect([...owners].filter(([, ids]) => ids.size > 1)).toEqual([]);
  });

  it('matches a name written only with accents, however the query is written', () => {
    const mini = miniPack();
    mini.actors.find((a) => a.id === 'lavrov')!.aliases.push({ text: 'Łavróv Çırağan', case: 'proper' });
    const accents = createSearch(mini);
    for (const query of ['lavrov ciragan', 'LAVROV CIRAGAN', 'Łavróv Çırağan'])
      expect(accents.search(query)[0], query).toMatchObject({ match: 'exact', doc: { target: 'lavrov' } });
  });

  it('leaves out what is neither a name nor near one: stances have no name and only match fuzzily', () => {
    for (const hit of search.search('russia')) if (hit.doc.kind === 'stance') expect(hit.match).toBe('fuzzy');
    expect(search.search('qqqqxz')).toEqual([]);
  });

  it('gives at most 25 results, however many match', () => {
    expect(search.search('talks').length).toBe(25);
    expect(search.search('talks', 5).length).toBe(5);
  });
});

describe('folding and edit distance', () => {
  it.each([
    ['Türkiye', 'turkiye'],
    ['Çırağan Palace', 'ciragan palace'],
    ["Putin's Easter truce", 'putins easter truce'],
    ['US–Russia talks in Riyadh', 'us russia talks in riyadh'],
    ['  Zelenskyy’s   "plan"  ', 'zelenskyys plan'],
    ['Łódź, Straße', 'lodz strasse'],
  ])('folds %j to %j', (text, folded) => expect(fold(text)).toBe(folded));

  it.each([
    ['zelenksy', 'zelensky', 1],
    ['riad', 'riyadh', 2],
    ['riad', 'rada', 2],
    ['lavrow', 'lavrov', 1],
    ['', 'abc', 3],
    ['same', 'same', 0],
  ])('%j and %j are %i edits apart', (a, b, edits) => {
    expect(editDistance(a, b)).toBe(edits);
    expect(editDistance(b, a)).toBe(edits);
  });
});
