import { describe, expect, it } from 'vitest';
import type { Pack } from '../../src/knowledge/schema';
import { validatePack, validatePackText, PACK_LIMITS } from '../../src/knowledge/validate';
import { miniPack } from '../helpers/packs';

const problemsOf = (mutate: (pack: Pack) => void) => {
  const pack = miniPack();
  mutate(pack);
  const result = validatePack(pack);
  return result.ok ? [] : result.problems;
};

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
    ['wrong format version', (p) => ((p as { format: number }).format = 2), '$.format', /must be 1/],
  ])('reports %s', (_name, mutate, path, message) => {
    const problems = problemsOf(mutate);
    expect(problems.map((p) => p.path)).toContain(path);
    expect(problems.find((p) => p.path === path)?.message).toMatch(message);
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
