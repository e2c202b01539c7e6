/**
 * What a careful reader expects the extension to find in each passage of tests/fixtures/passages/, against what the
 * scan core finds with the bundled pack. Each `<name>.txt` has a `<name>.expected.json`:
 *
 *   {"relevant": true, "mentions": [{"text": "Zelenskiy", "id": "zelensky"}, …]}
 *
 * in text order. Two kinds of entry record a known fault of the matcher code (src/matcher/), which the pack cannot fix:
 * - `"knownMiss": true`: a mention a reader expects but the matcher does not find;
 * - `"knownFalsePositive": true`: a mention the matcher finds but a reader would not want.
 * The comparison skips those entries whether or not they are found (so a fixed matcher does not fail the test), and
 * fails on any other difference. A `"note"` explains an entry.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aliasTableFromPack } from '../../src/knowledge/alias-table-from-pack';
import { indexPack } from '../../src/knowledge/pack-index';
import { compileMatcher } from '../../src/matcher/compile';
import { scanFile, type ScanContext } from '../../src/scan/scan-file';
import { bundledPack, fixturePath } from '../helpers/packs';

interface ExpectedMention {
  text: string;
  id: string;
  knownMiss?: boolean;
  knownFalsePositive?: boolean;
  note?: string;
}

interface Expected {
  relevant: boolean;
  mentions: ExpectedMention[];
}

// The context the scan command builds (scripts/scan.ts), from the bundled pack.
const pack = bundledPack();
const table = aliasTableFromPack(pack);
const context: ScanContext = { table, matcher: compileMatcher(table), index: indexPack(pack) };

const passages = readdirSync(fixturePath('passages'))
  .filter((name) => name.endsWith('.txt'))
  .sort();

const show = (m: { text: string; id: string }) => `${JSON.stringify(m.text)} → ${m.id}`;
const same = (e: ExpectedMention, a: { text: string; id: string }) => e.text === a.text && e.id === a.id;
const optional = (e: ExpectedMention) => e.knownMiss === true || e.knownFalsePositive === true;

/**
 * Does the found list equal the expected one, where optional (known) entries may be present or absent?
 * Small lists: a memoised search over (expected index, found index) is exact and cheap.
 */
function aligns(expected: readonly ExpectedMention[], found: readonly { text: string; id: string }[]): boolean {
  const memo = new Map<number, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = i * (found.length + 1) + j;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    let ok: boolean;
    if (i === expected.length) ok = j === found.length;
    else {
      const e = expected[i]!;
      const consume = j < found.length && same(e, found[j]!) && go(i + 1, j + 1);
      ok = consume || (optional(e) && go(i + 1, j));
    }
    memo.set(key, ok);
    return ok;
  };
  return go(0, 0);
}

/** A readable report: the first place where the required mentions and the found ones part. */
function difference(expected: readonly ExpectedMention[], found: readonly { text: string; id: string }[]): string {
  const required = expected.filter((e) => !optional(e));
  const known = expected.filter(optional);
  const foundWithoutKnown = found.filter((f) => !known.some((k) => same(k, f)));
  let i = 0;
  while (i < required.length && i < foundWithoutKnown.length && same(required[i]!, foundWithoutKnown[i]!)) i++;
  const lines = [
    `first difference at required mention #${i + 1} (known entries set aside):`,
    `  expected: ${required[i] ? show(required[i]!) : '(nothing more)'}`,
    `  found:    ${foundWithoutKnown[i] ? show(foundWithoutKnown[i]!) : '(nothing more)'}`,
    `expected (* = known, optional):`,
    ...expected.map((e) => `  ${optional(e) ? '*' : ' '} ${show(e)}`),
    `found:`,
    ...found.map((f) => `    ${show(f)}`),
  ];
  return lines.join('\n');
}

describe('passages: what a careful reader expects the extension to find', () => {
  it('has passages, each with an expected file', () => {
    expect(passages.length).toBeGreaterThan(0);
    for (const name of passages) {
      expect(() => readFileSync(fixturePath(`passages/${name.replace(/\.txt$/, '.expected.json')}`), 'utf8'), `${name} has no .expected.json`).not.toThrow();
    }
  });

  it.each(passages)('%s', async (name) => {
    const text = readFileSync(fixturePath(`passages/${name}`), 'utf8');
    const expected = JSON.parse(readFileSync(fixturePath(`passages/${name.replace(/\.txt$/, '.expected.json')}`), 'utf8')) as Expected;
    for (const e of expected.mentions) {
      expect(typeof e.text === 'string' && typeof e.id === 'string', `${name}: every expected mention needs "text" and "id": ${JSON.stringify(e)}`).toBe(true);
      expect(e.knownMiss && e.knownFalsePositive, `${name}: ${show(e)} cannot be both a known miss and a known false positive`).toBeFalsy();
      expect(pack.actors.some((a) => a.id === e.id) || pack.topics.some((t) => t.id === e.id) || pack.events.some((ev) => ev.id === e.id), `${name}: ${show(e)}: no such entity in the pack`).toBe(true);
    }
    const result = await scanFile(context, text, 'text');
    expect(result.relevant, `${name}: relevant`).toBe(expected.relevant);
    const found = result.mentions.map((m) => ({ text: m.text, id: m.id }));
    expect(aligns(expected.mentions, found), `${name}: the mentions differ\n${difference(expected.mentions, found)}\n`).toBe(true);
  });

  it('common-words.txt: the everyday senses are never marked, whatever the expected file says', async () => {
    const result = await scanFile(context, readFileSync(fixturePath('passages/common-words.txt'), 'utf8'), 'text');
    // Exact slices of the page: "trump" (the card), "trumped", "us" (the pronoun), "kremlin" (the metaphor), a fund,
    // a great deal, an army of advisers, committee elections.
    const traps = new Set(['trump', 'trumped', 'us', 'kremlin', 'fund', 'deal', 'army', 'elections', 'committee elections', 'travel fund']);
    expect(result.mentions.filter((m) => traps.has(m.text)).map((m) => `${JSON.stringify(m.text)} at ${m.start} → ${m.id}`)).toEqual([]);
  });
});
