/**
 * Recall and precision per language, measured on two sets of passages written independently of the pack's aliases
 * (tests/fixtures/passages-by-language/<lang>/, the first, and tests/fixtures/passages-unseen/<lang>/, written
 * later from the items' English names only). Each `<name>.txt` has a `<name>.expected.json`:
 *
 *   {"relevant": true, "mentions": [{"text": "Зеленського", "id": "zelensky"}, …]}
 *
 * in text order: every mention a careful reader in that language expects the extension to mark, written as the
 * passage writes it. Passages named `off-*.txt` are off-topic (local news, sport, culture, another conflict): they are
 * not relevant and must get no marks at all.
 *
 * Each passage is scanned with the scan command's core and the bundled pack, as tests/unit/passages.test.ts does.
 * Found and expected mentions are matched by text and id, in order (the longest common subsequence), which gives
 * true positives, misses (false negatives) and false positives. Recall and precision are summed per language over its
 * on-topic passages. The table, the misses and the false positives are printed, so that a pack author can see which
 * names and forms are missing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliasTableFromPack } from '../../src/knowledge/alias-table-from-pack';
import { indexPack } from '../../src/knowledge/pack-index';
import { compileMatcher } from '../../src/matcher/compile';
import { scanFile, type ScanContext, type ScanResult } from '../../src/scan/scan-file';
import { bundledPack, fixturePath } from '../helpers/packs';

const LANGUAGES = ['uk', 'ru', 'de', 'fr', 'pl'] as const;
type Lang = (typeof LANGUAGES)[number];

/**
 * The floors the test holds each set and language to: what the code reaches today, rounded down to 0.05.
 * The targets (issue 15) are recall ≥ 0.90 and precision ≥ 0.95 in every language; the floors never exceed them.
 * Raise a floor when the pack or the matcher improves; never lower one to make a change pass.
 *
 * The first set, written before the pack was looked at, measured (recall / precision) uk 0.63 / 0.88, ru 0.64 /
 * 0.82, de 0.69 / 0.91, fr 0.76 / 0.93, pl 0.66 / 0.85. The pack then gained the names its misses showed, which
 * lifted it to uk 0.82 / 0.87, ru 0.84 / 0.89, de 0.84 / 0.92, fr 0.88 / 0.96, pl 0.86 / 0.93: figures of a set
 * the pack has been fitted to.
 *
 * The unseen set was written without the pack, the rules or the first set, and measured once before anything was
 * changed for it: uk 0.61 / 0.89, ru 0.65 / 0.93, de 0.69 / 0.97, fr 0.72 / 0.98, pl 0.71 / 0.93, no mark on its
 * ten off-topic passages. That is the fair measure of names carrying over to text the pack has not seen.
 *
 * Pack 1.3.0 then gave every item its names in the five languages, written from the items themselves without
 * opening either set; but the list of what to add was briefed with examples among the unseen set's misses (full
 * names such as "Скотт Бессент", terms such as "план із 28 пунктів"), so its figures after are no longer blind:
 * unseen uk 0.94 / 0.99, ru 0.92 / 0.99, de 0.81 / 0.98, fr 0.89 / 0.97, pl 0.93 / 1.00; the first set 0.95–1.00
 * in every language; still no mark off topic. German (event and topic phrases: "Schwarze Meer", "Wahlen") and
 * French ("Mar-a-Lago", "Bruxelles") recall stay below 0.90.
 */
const TARGET = { recall: 0.9, precision: 0.95 } as const;
const SETS = {
  'passages-by-language': {
    uk: { recall: 0.9, precision: 0.95 },
    ru: { recall: 0.9, precision: 0.95 },
    de: { recall: 0.9, precision: 0.95 },
    fr: { recall: 0.9, precision: 0.95 },
    pl: { recall: 0.9, precision: 0.95 },
  },
  'passages-unseen': {
    uk: { recall: 0.9, precision: 0.95 },
    ru: { recall: 0.9, precision: 0.95 },
    de: { recall: 0.8, precision: 0.95 },
    fr: { recall: 0.85, precision: 0.95 },
    pl: { recall: 0.9, precision: 0.95 },
  },
} satisfies Record<string, Record<Lang, { recall: number; precision: number }>>;
type SetName = keyof typeof SETS;
const SET_NAMES = Object.keys(SETS) as SetName[];

interface Found {
  text: string;
  id: string;
}

interface ExpectedMention extends Found {
  note?: string;
}

interface Expected {
  relevant: boolean;
  mentions: ExpectedMention[];
}

interface Passage {
  lang: Lang;
  name: string;
  offTopic: boolean;
  text: string;
  expected: Expected;
}

interface Comparison {
  truePositives: number;
  misses: Found[];
  falsePositives: Found[];
}

// The context the scan command builds (scripts/scan.ts) without --lang: names in every language of the pack.
const pack = bundledPack();
const table = aliasTableFromPack(pack);
const context: ScanContext = { table, matcher: compileMatcher(table), index: indexPack(pack) };
const entityIds = new Set([...pack.actors.map((a) => a.id), ...pack.topics.map((t) => t.id), ...pack.events.map((e) => e.id)]);



function passagesOf(set: SetName, lang: Lang): Passage[] {
  const dir = fixturePath(`${set}/${lang}`);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.txt$/, '');
      return {
        lang,
        name,
        offTopic: name.startsWith('off-'),
        text: readFileSync(`${dir}/${file}`, 'utf8'),
        expected: JSON.parse(readFileSync(`${dir}/${name}.expected.json`, 'utf8')) as Expected,
      };
    });
}

const same = (a: Found, b: Found) => a.text === b.text && a.id === b.id;
const show = (m: Found) => `${JSON.stringify(m.text)} → ${m.id}`;

/** Matches expected and found mentions in order, as many as possible (a longest common subsequence). */
function compare(expected: readonly Found[], found: readonly Found[]): Comparison {
  const n = expected.length;
  const m = found.length;
  // best[i][j]: the most pairs matched between expected[i..] and found[j..].
  const best = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      best[i]![j] = same(expected[i]!, found[j]!) ? best[i + 1]![j + 1]! + 1 : Math.max(best[i + 1]![j]!, best[i]![j + 1]!);
    }
  }
  const misses: Found[] = [];
  const falsePositives: Found[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(expected[i]!, found[j]!) && best[i]![j] === best[i + 1]![j + 1]! + 1) {
      i++;
      j++;
    } else if (best[i + 1]![j]! >= best[i]![j + 1]!) misses.push(expected[i++]!);
    else falsePositives.push(found[j++]!);
  }
  misses.push(...expected.slice(i));
  falsePositives.push(...found.slice(j));
  return { truePositives: best[0]![0]!, misses, falsePositives };
}

interface LanguageFigures {
  truePositives: number;
  expected: number;
  found: number;
  recall: number;
  precision: number;
  misses: string[];
  falsePositives: string[];
  /**
   * Misses that were marked shorter than expected: a found mention with the same id whose text lies inside the
   * expected text ("Віткофф" found where "Стів Віткофф" is expected). Strictly each is a miss and a false positive;
   * listed apart, since what the pack lacks is the longer form (usually the full name), not the name.
   */
  shorter: string[];
  /** Recall and precision if a shorter mark counted as found. */
  lenientRecall: number;
  lenientPrecision: number;
  offTopicMarks: string[];
}

/** By set and language: `${set}/${lang}`. */
const results = new Map<string, { passages: Passage[]; scans: Map<string, ScanResult>; figures: LanguageFigures }>();

function figuresFor(passages: readonly Passage[], scans: ReadonlyMap<string, ScanResult>): LanguageFigures {
  const figures: LanguageFigures = {
    truePositives: 0,
    expected: 0,
    found: 0,
    recall: 0,
    precision: 0,
    misses: [],
    falsePositives: [],
    shorter: [],
    lenientRecall: 0,
    lenientPrecision: 0,
    offTopicMarks: [],
  };
  for (const passage of passages) {
    const found = scans.get(passage.name)!.mentions.map((m) => ({ text: m.text, id: m.id }));
    if (passage.offTopic) {
      figures.offTopicMarks.push(...found.map((f) => `${passage.name}: ${show(f)}`));
      continue;
    }
    const { truePositives, misses, falsePositives } = compare(passage.expected.mentions, found);
    figures.truePositives += truePositives;
    figures.expected += passage.expected.mentions.length;
    figures.found += found.length;
    figures.misses.push(...misses.map((f) => `${passage.name}: ${show(f)}`));
    figures.falsePositives.push(...falsePositives.map((f) => `${passage.name}: ${show(f)}`));
    const unpaired = [...falsePositives];
    for (const miss of misses) {
      const k = unpaired.findIndex((f) => f.id === miss.id && f.text !== miss.text && miss.text.includes(f.text));
      if (k >= 0) figures.shorter.push(`${passage.name}: ${JSON.stringify(miss.text)} marked as ${JSON.stringify(unpaired.splice(k, 1)[0]!.text)} → ${miss.id}`);
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  figures.recall = ratio(figures.truePositives, figures.expected);
  figures.precision = ratio(figures.truePositives, figures.found);
  figures.lenientRecall = ratio(figures.truePositives + figures.shorter.length, figures.expected);
  figures.lenientPrecision = ratio(figures.truePositives + figures.shorter.length, figures.found);
  return figures;
}

beforeAll(async () => {
  for (const set of SET_NAMES)
    for (const lang of LANGUAGES) {
      const passages = passagesOf(set, lang);
      const scans = new Map<string, ScanResult>();
      for (const passage of passages) scans.set(passage.name, await scanFile(context, passage.text, 'text'));
      results.set(`${set}/${lang}`, { passages, scans, figures: figuresFor(passages, scans) });
    }
});

afterAll(() => {
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (x: number) => x.toFixed(2);
  const lines: string[] = [];
  for (const set of SET_NAMES) {
    lines.push(
      '',
      `${set}: mentions per language (on-topic passages; targets: recall ≥ 0.90, precision ≥ 0.95)`,
      '(TP, FN, FP: matched by text and id, in order; "shorter": misses marked by a part of their text, e.g. the surname',
      ' of a full name; recall* and precision* count those as found)',
      `${pad('lang', 6)}${pad('recall', 8)}${pad('precision', 11)}${pad('TP', 5)}${pad('FN', 5)}${pad('FP', 5)}${pad('expected', 10)}${pad('found', 7)}${pad('shorter', 9)}${pad('recall*', 9)}${pad('precision*', 12)}off-topic marks`,
    );
    for (const lang of LANGUAGES) {
      const f = results.get(`${set}/${lang}`)?.figures;
      if (!f) continue;
      lines.push(
        `${pad(lang, 6)}${pad(num(f.recall), 8)}${pad(num(f.precision), 11)}${pad(String(f.truePositives), 5)}${pad(String(f.misses.length), 5)}${pad(String(f.falsePositives.length), 5)}${pad(String(f.expected), 10)}${pad(String(f.found), 7)}${pad(String(f.shorter.length), 9)}${pad(num(f.lenientRecall), 9)}${pad(num(f.lenientPrecision), 12)}${f.offTopicMarks.length}`,
      );
    }
  }
  for (const set of SET_NAMES)
    for (const lang of LANGUAGES) {
      const f = results.get(`${set}/${lang}`)?.figures;
      if (!f) continue;
      const where = `${set}/${lang}`;
      lines.push('', `${where}: misses (expected, not found): ${f.misses.length}`, ...f.misses.map((s) => `  - ${s}`));
      lines.push(`${where}: false positives (found, not expected): ${f.falsePositives.length}`, ...f.falsePositives.map((s) => `  + ${s}`));
      lines.push(`${where}: of these, marked shorter than expected: ${f.shorter.length}`, ...f.shorter.map((s) => `  ~ ${s}`));
      if (f.offTopicMarks.length > 0) lines.push(`${where}: marks on off-topic passages: ${f.offTopicMarks.length}`, ...f.offTopicMarks.map((s) => `  ! ${s}`));
    }
  console.log(lines.join('\n'));
});

describe.each(SET_NAMES)('%s: recall and precision of independently written passages', (set) => {
  const FLOOR = SETS[set];
  it('the floors are set no higher than the targets', () => {
    for (const lang of LANGUAGES) {
      expect(FLOOR[lang].recall, lang).toBeLessThanOrEqual(TARGET.recall);
      expect(FLOOR[lang].precision, lang).toBeLessThanOrEqual(TARGET.precision);
    }
  });

  describe.each(LANGUAGES)('%s', (lang) => {
    it('has on-topic and off-topic passages, each with a well-formed expected file', () => {
      const passages = passagesOf(set, lang);
      expect(passages.filter((p) => !p.offTopic).length, `${lang}: on-topic passages`).toBeGreaterThan(0);
      expect(passages.filter((p) => p.offTopic).length, `${lang}: off-topic passages`).toBeGreaterThan(0);
      for (const passage of passages) {
        expect(passage.expected.relevant, `${lang}/${passage.name}: relevant`).toBe(!passage.offTopic);
        if (passage.offTopic) expect(passage.expected.mentions, `${lang}/${passage.name}: an off-topic passage expects no mentions`).toEqual([]);
        // Each expected text is in the passage, after the one before it.
        let from = 0;
        for (const e of passage.expected.mentions) {
          expect(entityIds.has(e.id), `${lang}/${passage.name}: ${show(e)}: no such actor, topic or event in the pack`).toBe(true);
          const at = passage.text.indexOf(e.text, from);
          expect(at, `${lang}/${passage.name}: ${show(e)} is not in the passage after the mention before it`).toBeGreaterThanOrEqual(0);
          from = at + e.text.length;
        }
      }
    });

    it('marks nothing on off-topic passages', () => {
      const { passages, scans } = results.get(`${set}/${lang}`)!;
      for (const passage of passages.filter((p) => p.offTopic)) {
        const scan = scans.get(passage.name)!;
        expect(scan.relevant, `${lang}/${passage.name}: relevant`).toBe(false);
        expect(scan.mentions.map((m) => show(m)), `${lang}/${passage.name}: marks`).toEqual([]);
      }
    });

    it('finds the on-topic passages relevant', () => {
      const { passages, scans } = results.get(`${set}/${lang}`)!;
      for (const passage of passages.filter((p) => !p.offTopic)) expect(scans.get(passage.name)!.relevant, `${lang}/${passage.name}: relevant`).toBe(true);
    });

    it('reaches the recall and precision floors', () => {
      const { figures } = results.get(`${set}/${lang}`)!;
      const report = `${lang}: recall ${figures.recall.toFixed(3)}, precision ${figures.precision.toFixed(3)}\nmisses:\n${figures.misses.join('\n')}\nfalse positives:\n${figures.falsePositives.join('\n')}`;
      expect(figures.recall, report).toBeGreaterThanOrEqual(FLOOR[lang].recall);
      expect(figures.precision, report).toBeGreaterThanOrEqual(FLOOR[lang].precision);
    });
  });
});
