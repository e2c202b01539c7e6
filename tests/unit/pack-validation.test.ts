import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Pack } from '../../src/knowledge/schema';
import { upgradePack } from '../../src/knowledge/upgrade';
import { packReport, validatePack, validatePackText, PACK_LIMITS } from '../../src/knowledge/validate';
import { weakReason } from '../../src/knowledge/weak-sources';
import { fixturePath, miniPack } from '../helpers/packs';

const problemsOf = (mutate: (pack: Pack) => void) => {
  const pack = miniPack();
  mutate(pack);
  const result = validatePack(pack);
  return result.ok ? [] : result.problems;
};

/** The mini pack's actor "lavrov" (index 6), whose roles the role cases replace. */
const lavrov = (p: Pack) => p.actors.find((a) => a.id === 'lavrov')!;
const role = (title: string, start?: string, end?: string) => ({ title, sources: ['tass-lavrov'], ...(start ? { start } : {}), ...(end ? { end } : {}) });
const source = (p: Pack, id: string) => p.sources.find((s) => s.id === id)!;

describe('pack validation', () => {
  it('accepts the mini test pack', () => {
    expect(validatePack(miniPack()).ok).toBe(true);
  });

  // Each broken fixture: how it is broken, the JSON path expected, and words the message must contain.
  it.each<[string, (p: Pack) => void, string, RegExp]>([
    ['unknown reference', (p) => (p.stances[0]!.topic = 'no-such-topic'), '$.stances[0].topic', /topic "no-such-topic", which is not in the pack/],
    ['unknown actor in an event', (p) => (p.events[0]!.participants = ['nobody']), '$.events[0].participants[0]', /actor "nobody"/],
    ['duplicate id', (p) => (p.actors[1]!.id = 'united-states'), '$.actors[1].id', /duplicate id "united-states"/],
    ['duplicate id differing in case only', (p) => (p.topics[0]!.id = 'zelensky'), '$.topics[0].id', /duplicate id/],
    // Reported at the later of the two, naming the earlier one.
    ['alias collision', (p) => p.actors[0]!.aliases.push({ text: 'Kyiv', case: 'proper' }), '$.actors[1].aliases[1].text', /collides with an alias of "united-states" at \$\.actors\[0\]\.aliases\[4\]/],
    ['alias collision through curly apostrophe', (p) => {
      p.actors[3]!.aliases.push({ text: "Trump's team", case: 'proper' });
      p.actors[0]!.aliases.push({ text: 'Trump\u2019s team', case: 'proper' });
    }, '$.actors[3].aliases[2].text', /collides with an alias of "united-states"/],
    ['alias not in NFKC form', (p) => p.actors[0]!.aliases.push({ text: '\uFF35\uFF33 government', case: 'proper' }), '$.actors[0].aliases[4].text', /not in Unicode NFKC form: write it as "US government"/],
    ['missing source list', (p) => (p.stances[0]!.sources = []), '$.stances[0].sources', /needs at least one source/],
    ['unknown source', (p) => (p.stances[0]!.sources = ['nowhere']), '$.stances[0].sources[0]', /source "nowhere", which is not in \$.sources/],
    ['invalid date', (p) => (p.events[0]!.date = '2025-02-30'), '$.events[0].date', /not a real calendar day/],
    ['badly written date', (p) => (p.stances[0]!.date = '18 Feb 2025'), '$.stances[0].date', /YYYY-MM-DD/],
    ['date after as of', (p) => (p.stances[0]!.date = '2026-01-01'), '$.stances[0].date', /after the pack's "as of" date/],
    ['empty text', (p) => (p.actors[0]!.description = '   '), '$.actors[0].description', /must not be empty/],
    ['javascript: URL', (p) => (p.sources[0]!.url = 'javascript:alert(1)'), '$.sources[0].url', /http/],
    ['data: URL', (p) => (p.sources[0]!.url = 'data:text/html,hi'), '$.sources[0].url', /http/],
    ['missing field', (p) => delete (p.sources[0] as Partial<Pack['sources'][number]>).publisher, '$.sources[0].publisher', /is missing/],
    ['unknown field', (p) => Object.assign(p.meta, { auhtor: 'x' }), '$.meta.auhtor', /not a field/],
    ['unprotected common word', (p) => p.topics[1]!.aliases.push({ text: 'deal', case: 'any' }), '$.topics[1].aliases[3]', /common word/],
    ['uncovered party', (p) => (p.topics[0]!.noPublicPosition = []), '$.topics[0]', /no stance for the party "europe"/],
    ['wrong format version', (p) => ((p as { format: number }).format = 3), '$.format', /must be 2 \(format 1 is upgraded/],
    // Roles over time
    ['no role', (p) => (lavrov(p).roles = []), '$.actors[6].roles', /at least one role/],
    ['overlapping roles', (p) => (lavrov(p).roles = [role('Minister', undefined, '2025-01-31'), role('Envoy', '2025-01-15')]), '$.actors[6].roles[1].start', /overlaps "Minister", which ended 2025-01-31/],
    ['a role still held when the next starts', (p) => (lavrov(p).roles = [role('Minister'), role('Envoy', '2025-01-15')]), '$.actors[6].roles[0].end', /is missing, so "Minister" is still held/],
    ['roles out of order', (p) => (lavrov(p).roles = [role('Envoy', '2025-01-15', '2025-02-01'), role('Minister', '2024-01-01', '2024-12-31')]), '$.actors[6].roles[1].start', /list roles oldest first/],
    ['a later role without a start', (p) => (lavrov(p).roles = [role('Minister', undefined, '2025-01-31'), role('Envoy')]), '$.actors[6].roles[1].start', /only the first role may leave out its start/],
    ['a role that ends before it starts', (p) => (lavrov(p).roles = [role('Minister', '2025-02-01', '2025-01-01')]), '$.actors[6].roles[0]', /starts \(2025-02-01\) after it ends \(2025-01-01\)/],
    ['a role after as of', (p) => (lavrov(p).roles = [role('Minister', undefined, '2025-01-31'), role('Envoy', '2025-03-01')]), '$.actors[6].roles[1].start', /after the pack's "as of" date/],
    ['a role with an unknown source', (p) => (lavrov(p).roles[0]!.sources = ['nowhere']), '$.actors[6].roles[0].sources[0]', /source "nowhere"/],
    // Source kinds
    ['the old kind "reference" in a format-2 pack', (p) => ((source(p, 'interfax-riyadh') as { kind: string }).kind = 'reference'), '$.sources[1].kind', /found "reference"/],
    ['a copy without copyOf', (p) => delete source(p, 'copy-reuters').copyOf, '$.sources[3].copyOf', /a copy must name the outlet it copies/],
    ['state media without a state', (p) => delete source(p, 'tass-lavrov').state, '$.sources[2].state', /must name its state/],
    ['copyOf on an outlet', (p) => (source(p, 'interfax-riyadh').copyOf = 'Reuters'), '$.sources[1].copyOf', /only for kind "copy"/],
    ['state on an outlet', (p) => (source(p, 'interfax-riyadh').state = 'Ukraine'), '$.sources[1].state', /only for kind "state-media"/],
    ['an unknown weak flag', (p) => ((source(p, 'interfax-riyadh') as { weak?: string }).weak = 'tabloid'), '$.sources[1].weak', /found "tabloid"/],
    // Claims resting only on weak sources
    ['a stance resting only on a partisan site', (p) => (source(p, 'ki-putin-demands').weak = 'partisan'), '$.stances[2]', /rests only on weak sources \("ki-putin-demands": partisan\)/],
    ['a stance resting only on third-country state media', (p) => (source(p, 'tass-lavrov').state = 'China', p.stances[2]!.sources = ['tass-lavrov']), '$.stances[2]', /"tass-lavrov": third-country state media/],
    ['an event resting only on an aggregator', (p) => (source(p, 'interfax-riyadh').weak = 'aggregator'), '$.events[0]', /rests only on weak sources/],
    ['a topic status resting only on an aggregator', (p) => (source(p, 'interfax-riyadh').weak = 'aggregator'), '$.topics[0].status', /rests only on weak sources/],
    ['a track summary resting only on an aggregator', (p) => (source(p, 'interfax-riyadh').weak = 'aggregator'), '$.tracks[0]', /rests only on weak sources/],
    ['an agreement status resting only on an aggregator', (p) => (source(p, 'interfax-riyadh').weak = 'aggregator'), '$.agreements[0].history[0]', /rests only on weak sources/],
    ['a key fact resting only on an aggregator', (p) => {
      source(p, 'interfax-riyadh').weak = 'aggregator';
      p.topics[0]!.keyFacts.push({ text: 'A fact.', date: '2025-02-18', sources: ['interfax-riyadh'] });
    }, '$.topics[0].keyFacts[0]', /rests only on weak sources/],
  ])('reports %s', (_name, mutate, path, message) => {
    const problems = problemsOf(mutate);
    expect(problems.map((p) => p.path)).toContain(path);
    expect(problems.find((p) => p.path === path)?.message).toMatch(message);
  });

  it('accepts a claim resting only on weak sources when it is labelled unverified', () => {
    const problems = problemsOf((p) => {
      source(p, 'ki-putin-demands').weak = 'partisan';
      p.stances[2]!.verification = { status: 'unverified', note: 'Only a partisan site reports this.' };
    });
    expect(problems).toEqual([]);
  });

  it('accepts a claim resting only on the state media of a party to the talks, or on a weak source and a sound one', () => {
    expect(problemsOf((p) => (p.stances[2]!.sources = ['tass-lavrov']))).toEqual([]);
    expect(problemsOf((p) => {
      source(p, 'ki-putin-demands').weak = 'aggregator';
      p.stances[2]!.sources = ['ki-putin-demands', 'interfax-riyadh'];
    })).toEqual([]);
  });

  it('accepts roles that hand over on one day, and a current role after ended ones', () => {
    const pack = miniPack();
    lavrov(pack).roles = [role('Minister', undefined, '2024-05-01'), role('Adviser', '2024-05-01', '2024-12-31'), role('Envoy', '2025-01-10')];
    expect(validatePack(pack)).toMatchObject({ ok: true });
  });

  // The broken fixture files: one per rule of format 2, each a whole pack, as an imported pack would arrive.
  it.each([
    ['overlapping-roles', '$.actors[6].roles[1].start', /overlaps "Foreign Minister of Russia"/],
    ['weak-only-claim', '$.stances[2]', /rests only on weak sources/],
    ['copy-without-copyof', '$.sources[3].copyOf', /is missing/],
  ])('reports the broken fixture %s', (name, path, message) => {
    const result = validatePackText(readFileSync(fixturePath(`packs/broken/${name}.json`), 'utf8'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ path, message: expect.stringMatching(message) }]);
  });

  it('reports JSON syntax errors at $', () => {
    const result = validatePackText('{"format": 1,');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ path: '$', message: expect.stringMatching(/not valid JSON/) });
  });

  it('rejects a pack with more aliases than the limit', () => {
    const problems = problemsOf((p) => {
      p.topics.push(
        ...Array.from({ length: Math.ceil(PACK_LIMITS.aliases / 30) + 1 }, (_, i) => ({
          ...p.topics[1]!,
          id: `synthetic-${i}`,
          aliases: Array.from({ length: 30 }, (_, j) => ({ text: `Synthetic ${i} alias ${j}`, case: 'any' as const })),
        })),
      );
    });
    expect(problems.some((p) => p.path === '$' && /aliases; at most/.test(p.message))).toBe(true);
  });
});

describe('reading a version-1 pack', () => {
  const version1 = () => JSON.parse(readFileSync(fixturePath('packs/format-1-pack.json'), 'utf8')) as Record<string, unknown> & {
    actors: Record<string, unknown>[];
    sources: Record<string, unknown>[];
  };
  const problemsOf1 = (mutate: (pack: ReturnType<typeof version1>) => void) => {
    const pack = version1();
    mutate(pack);
    const result = validatePack(pack);
    return result.ok ? [] : result.problems;
  };

  it('upgrades the version-1 fixture to exactly the format-2 mini pack, and validates it', () => {
    const result = validatePackText(readFileSync(fixturePath('packs/format-1-pack.json'), 'utf8'));
    expect(result).toEqual({ ok: true, pack: miniPack() });
  });

  it('turns role into roles with the actor\'s sources, keeping the key order, and leaves the input as it was', () => {
    const input = version1();
    const before = JSON.stringify(input);
    const { data, fromFormat } = upgradePack(input);
    expect(fromFormat).toBe(1);
    const lavrov = (data as { actors: Record<string, unknown>[] }).actors[6]!;
    expect(Object.keys(lavrov)).toEqual(['id', 'name', 'kind', 'roles', 'description', 'affiliation', 'party', 'aliases', 'sources']);
    expect(lavrov.roles).toEqual([{ title: 'Foreign Minister of Russia', sources: ['tass-lavrov'] }]);
    expect(JSON.stringify(input)).toBe(before);
  });

  // Kind "state-media" in version 1: the state comes from the publisher where it is known.
  it.each<[string, string | undefined]>([
    ['TASS', 'Russia'],
    ['RIA Novosti', 'Russia'],
    ['ria', 'Russia'],
    ['RT', 'Russia'],
    ['Xinhua', 'China'],
    ['BelTA', 'Belarus'],
    ['RTÉ', undefined],
    ['Tassie Times', undefined],
    ['Some State Agency', undefined],
  ])('gives state media published by %s the state %s', (publisher, state) => {
    const input = version1();
    input.sources[2]!.publisher = publisher;
    const source = (upgradePack(input).data as { sources: Record<string, unknown>[] }).sources[2]!;
    expect(source.state).toBe(state);
  });

  it('keeps state media of an unknown state weak, so a claim resting only on it is a problem', () => {
    expect(problemsOf1(() => {})).toEqual([]);
    const problems = problemsOf1((p) => {
      p.sources[2]!.publisher = 'Some State Agency';
      (p.stances as { sources: string[] }[])[2]!.sources = ['tass-lavrov'];
    });
    expect(problems).toEqual([{ path: '$.stances[2]', message: expect.stringMatching(/"tass-lavrov": state media of an unknown state/) }]);
  });

  it('turns kind "reference" into "other", which a reader sees as "other source"', () => {
    const input = version1();
    input.sources[1]!.kind = 'reference';
    const result = validatePack(input);
    expect(result.ok && result.pack.sources[1]!.kind).toBe('other');
  });

  it('does not ask a version-1 pack for what version 1 could not say (copyOf, state)', () => {
    expect(problemsOf1((p) => delete p.sources[3]!.copyOf)).toEqual([]);
  });

  // Problems are reported where they are in the pack as written, not in its upgrade.
  it.each<[string, (p: ReturnType<typeof version1>) => void, string, RegExp]>([
    ['an empty role', (p) => (p.actors[6]!.role = ' '), '$.actors[6].role', /must not be empty/],
    ['a missing role', (p) => delete p.actors[6]!.role, '$.actors[6].role', /is missing/],
    ['an unknown source of an actor, once', (p) => (p.actors[6]!.sources = ['nowhere']), '$.actors[6].sources[0]', /source "nowhere"/],
    ['a date after as of', (p) => ((p.stances as { date: string }[])[0]!.date = '2026-01-01'), '$.stances[0].date', /after the pack's "as of" date/],
  ])('reports %s at its version-1 path', (_name, mutate, path, message) => {
    const problems = problemsOf1(mutate);
    expect(problems.filter((p) => p.path === path)).toEqual([{ path, message: expect.stringMatching(message) }]);
    expect(problems.some((p) => p.path.includes('.roles'))).toBe(false);
  });
});

describe('the sourcing report', () => {
  it('counts claims resting on one independent source, primary sources and weak-only claims', () => {
    const pack = miniPack();
    pack.topics[0]!.keyFacts.push(
      { text: 'One source.', date: '2025-02-18', sources: ['interfax-riyadh'] },
      { text: 'Two newsrooms.', date: '2025-02-18', sources: ['interfax-riyadh', 'ki-putin-demands'] },
      { text: 'Two copies of one story.', date: '2025-02-18', sources: ['copy-reuters', 'copy-reuters-2'] },
      { text: 'A copy and its original.', date: '2025-02-18', sources: ['copy-reuters', 'reuters-original'] },
    );
    pack.sources.push(
      { id: 'copy-reuters-2', publisher: 'Other Paper', title: 'Same story', url: 'https://example.org/a', date: '2025-02-17', kind: 'copy', copyOf: 'Reuters' },
      { id: 'reuters-original', publisher: 'Reuters', title: 'Same story', url: 'https://example.org/b', date: '2025-02-17', kind: 'outlet' },
      { id: 'kremlin-readout', publisher: 'Kremlin', title: 'Readout', url: 'https://example.org/c', date: '2025-02-17', kind: 'primary' },
    );
    pack.stances[0]!.sources = ['interfax-riyadh', 'kremlin-readout'];
    source(pack, 'ki-putin-demands').weak = 'partisan';
    pack.stances[2]!.verification = { status: 'unverified', note: 'Only a partisan site.' };
    const report = packReport(pack);
    expect(report.stances).toEqual({ total: 5, singleSource: 4, share: 0.8 });
    expect(report.keyFacts).toEqual({ total: 4, singleSource: 3, share: 0.75 });
    expect(report.primarySources).toBe(1);
    expect(report.sources).toBe(7);
    expect(report.weakOnlyClaims.map((c) => [c.path, c.labelled])).toEqual([['$.stances[2]', true]]);
  });

  it('turns the single-source share into a problem when maxSingleSourceShare is set', () => {
    expect(validatePack(miniPack(), { maxSingleSourceShare: 1 }).ok).toBe(true);
    const result = validatePack(miniPack(), { maxSingleSourceShare: 0.3 });
    expect(result).toEqual({ ok: false, problems: [{ path: '$.stances', message: '5 of 5 stances (100%) rest on a single independent source; at most 30% may' }] });
  });
});

describe('weak sources', () => {
  const base = { id: 's', publisher: 'P', title: 'T', url: 'https://example.org/', date: '2025-01-01' } as const;
  it.each<[string, Pack['sources'][number], string | undefined]>([
    ['an outlet', { ...base, kind: 'outlet' }, undefined],
    ['an official readout', { ...base, kind: 'primary' }, undefined],
    ['Russian state media', { ...base, kind: 'state-media', state: 'Russia' }, undefined],
    ['Ukrainian state media', { ...base, kind: 'state-media', state: 'Ukraine' }, undefined],
    ['Chinese state media', { ...base, kind: 'state-media', state: 'China' }, 'third-country state media'],
    ['state media of no known state', { ...base, kind: 'state-media' }, 'state media of an unknown state'],
    ['a partisan outlet', { ...base, kind: 'outlet', weak: 'partisan' }, 'partisan'],
    ['an aggregator\'s copy', { ...base, kind: 'copy', copyOf: 'AP', weak: 'aggregator' }, 'aggregator'],
  ])('%s', (_name, s, reason) => {
    expect(weakReason(s)).toBe(reason);
  });
});
