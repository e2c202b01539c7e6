import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aliasTableFromPack } from '../../src/knowledge/alias-table-from-pack';
import { indexPack } from '../../src/knowledge/pack-index';
import { compileMatcher } from '../../src/matcher/compile';
import { decodeFile, NotTextError } from '../../src/scan/decode';
import { scanFiles } from '../../src/scan/scan-batch';
import { scanFile } from '../../src/scan/scan-file';
import { fixturePath, miniPack } from '../helpers/packs';

const pack = miniPack();
const table = aliasTableFromPack(pack);
const context = { table, matcher: compileMatcher(table), index: indexPack(pack) };

describe('scanFile (the scan command core)', () => {
  it('gives UTF-16 offsets into the text, and text equals that slice', async () => {
    const text = '🇺🇦 Kyiv: Zelensky’s aides met Putin’s envoys; Zelen\u00ADsky and Vladimir\u00A0Putin spoke.';
    const result = await scanFile(context, text, 'text');
    expect(result.relevant).toBe(true);
    for (const m of result.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(result.mentions.map((m) => [m.text, m.id, m.name, m.kind])).toEqual([
      ['Kyiv', 'ukraine', 'Ukraine', 'country'],
      ['Zelensky', 'zelensky', 'Volodymyr Zelensky', 'person'],
      ['Putin', 'putin', 'Vladimir Putin', 'person'],
      ['Zelen\u00ADsky', 'zelensky', 'Volodymyr Zelensky', 'person'],
      ['Vladimir\u00A0Putin', 'putin', 'Vladimir Putin', 'person'],
    ]);
    // The flag emoji is four UTF-16 units and a space: Kyiv starts at 5.
    expect(result.mentions[0]).toMatchObject({ start: 5, end: 9 });
  });

  it('lists every mention, before any display choice such as first-per-paragraph', async () => {
    const result = await scanFile(context, 'Putin. Putin. Putin and Zelensky.', 'text');
    expect(result.mentions.filter((m) => m.id === 'putin')).toHaveLength(3);
  });

  it('says not relevant, with no mentions, for off-topic text', async () => {
    expect(await scanFile(context, 'Trump played his trump card; the ceasefire in Gaza held.', 'text')).toEqual({ relevant: false, mentions: [] });
  });

  it('scans the visible text of HTML as the content script does', async () => {
    const html = `<!doctype html><html><head><title>Putin</title><style>.x{}</style></head><body>
      <p>Zelensky met officials in <b>Kyiv</b>.</p>
      <textarea>Putin</textarea><pre>Putin</pre><code>Lavrov</code><div contenteditable="true">Lavrov</div>
      <p hidden>Putin</p><p style="display:none">Putin</p><script>var s = "Putin";</script>
      <p>Russia responded.</p></body></html>`;
    const result = await scanFile(context, html, 'html');
    expect(result.relevant).toBe(true);
    expect(result.mentions.map((m) => m.text)).toEqual(['Zelensky', 'Kyiv', 'Russia']);
  });
});

describe('scanFiles (the scan command over saved pages)', () => {
  const scan = async (...names: string[]) => {
    const lines: string[] = [];
    const files = names.map((name) => fixturePath(name));
    const outcome = await scanFiles(context, files, { readFile: (path) => readFileSync(path), report: (line) => lines.push(line) });
    const byName = new Map(outcome.results.map((r) => [relative(fixturePath(''), r.file), r]));
    return { ...outcome, lines, byName, texts: (name: string) => byName.get(name)?.mentions.map((m) => m.text) };
  };

  it('reads a page whose preload links have relative (and broken) addresses, loading none of them', async () => {
    const { failed, texts, lines } = await scan('scan/relative-preload.html');
    expect(lines).toEqual([]);
    expect(failed).toBe(false);
    // The page's own style sheet still hides the promo box.
    expect(texts('scan/relative-preload.html')).toEqual(['Volodymyr Zelensky', 'Sergei Lavrov', 'Kyiv', 'Moscow', 'ceasefire']);
  });

  it('decodes a page in the charset it declares', async () => {
    const { texts } = await scan('scan/windows-1252.html');
    // Read as UTF-8, the soft hyphens (byte 0xAD) would split both names.
    expect(texts('scan/windows-1252.html')).toEqual(['Zelen\u00ADsky', 'Putin', 'Kyiv', 'Russia', 'cease\u00ADfire']);
  });

  it('follows a byte order mark, UTF-16 or UTF-8', async () => {
    const { texts, failed } = await scan('scan/utf16le-bom.txt', 'scan/utf8-bom.html');
    expect(failed).toBe(false);
    expect(texts('scan/utf16le-bom.txt')).toEqual(['Zelensky', 'Putin', 'Kyiv', 'ceasefire']);
    expect(texts('scan/utf8-bom.html')).toEqual(['Volodymyr Zelensky', 'Sergei Lavrov', 'Kyiv', 'Moscow', 'ceasefire']);
  });

  it('reads past huge inline scripts without marking what they hold', async () => {
    const { texts } = await scan('scan/huge-inline-script.html');
    expect(texts('scan/huge-inline-script.html')).toEqual(['Volodymyr Zelensky', 'Sergei Lavrov', 'Kyiv', 'Moscow', 'ceasefire']);
  }, 30_000);

  it('names each file it cannot scan, and scans the others in order', async () => {
    const { results, failed, lines } = await scan('scan/empty.html', 'scan/binary.html', 'no/such/file.txt', 'scan/empty.txt', 'passages/wire-zelenskiy.txt');
    expect(failed).toBe(true);
    expect(lines).toEqual([
      `scan: ${fixturePath('scan/binary.html')} is not a text file (it holds NUL bytes)`,
      `scan: ${fixturePath('no/such/file.txt')} cannot be read (ENOENT)`,
    ]);
    expect(results.map((r) => relative(fixturePath(''), r.file))).toEqual(['scan/empty.html', 'scan/empty.txt', 'passages/wire-zelenskiy.txt']);
    expect(results.slice(0, 2).map((r) => r.relevant)).toEqual([false, false]);
    expect(results[2]!.mentions.length).toBeGreaterThan(3);
  });

  it('reports an error thrown while scanning one file, and goes on', async () => {
    const lines: string[] = [];
    const outcome = await scanFiles(context, ['a.txt', 'b.txt'], {
      readFile: (path) => {
        if (path === 'a.txt') throw new RangeError('the disk said no');
        return new TextEncoder().encode('Putin, Zelensky, Kyiv and Putin.');
      },
      report: (line) => lines.push(line),
    });
    expect(lines).toEqual(['scan: a.txt could not be scanned: the disk said no']);
    expect(outcome.results.map((r) => r.file)).toEqual(['b.txt']);
  });
});

describe('decodeFile', () => {
  it.each([
    ['UTF-8', 'text', [0x4b, 0x79, 0x69, 0x76, 0xe2, 0x80, 0x99], 'Kyiv\u2019'],
    ['UTF-8 with a mark', 'text', [0xef, 0xbb, 0xbf, 0x4b], 'K'],
    ['UTF-16 big-endian with a mark', 'text', [0xfe, 0xff, 0x00, 0x4b, 0x20, 0x19], 'K\u2019'],
    ['a charset in a meta element', 'html', [...new TextEncoder().encode('<meta charset=iso-8859-1>'), 0xe9], '<meta charset=iso-8859-1>\u00e9'],
    ['a declared UTF-16 read as UTF-8', 'html', [...new TextEncoder().encode('<meta charset="utf-16">\u00e9')], '<meta charset="utf-16">\u00e9'],
    ['an unknown charset read as UTF-8', 'html', [...new TextEncoder().encode('<meta charset="klingon">\u00e9')], '<meta charset="klingon">\u00e9'],
    ['a charset declaration in a text file, ignored', 'text', [...new TextEncoder().encode('<meta charset=iso-8859-1>\u00e9')], '<meta charset=iso-8859-1>\u00e9'],
  ] as const)('%s', (_name, type, bytes, text) => {
    expect(decodeFile(Uint8Array.from(bytes), type)).toBe(text);
  });

  it('refuses bytes that are not text', () => {
    expect(() => decodeFile(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00]), 'html')).toThrow(NotTextError);
  });
});

// These run the commands as a user does, in a child process: they get the time a cold start of the
// TypeScript runner needs on a busy machine, which is well beyond Vitest's default.
const COMMAND_TIMEOUT_MS = 60_000;

describe('npm run scan', () => {
  const run = (...files: string[]) => spawnSync('npx', ['tsx', 'scripts/scan.ts', ...files], { encoding: 'utf8' });

  it('prints one JSON array with one element per file scanned, in order; names the others on stderr and exits 1', () => {
    const wire = fixturePath('passages/wire-zelenskiy.txt');
    const off = fixturePath('pages/gaza-ceasefire.html');
    const preload = fixturePath('scan/relative-preload.html');
    const binary = fixturePath('scan/binary.html');
    const result = run(wire, binary, off, 'no/such/file.txt', preload);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `scan: ${binary} is not a text file (it holds NUL bytes)`,
      'scan: no/such/file.txt cannot be read (ENOENT)',
    ]);
    const out = JSON.parse(result.stdout) as { file: string; relevant: boolean; mentions: unknown[] }[];
    expect(out.map((r) => r.file)).toEqual([wire, off, preload]);
    expect(out[0]!.relevant).toBe(true);
    expect(out[0]!.mentions.length).toBeGreaterThan(3);
    expect(out[1]).toMatchObject({ relevant: false, mentions: [] });
    expect(out[2]!.relevant).toBe(true);
  }, COMMAND_TIMEOUT_MS);

  it('exits 0 when every file was scanned', () => {
    const result = run(fixturePath('passages/wire-zelenskiy.txt'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, COMMAND_TIMEOUT_MS);

  it('reports the language each file was read as: told from its text (a Ukrainian page declared English), or the one asked for', () => {
    const files = ['pages/ukrainian-story.html', 'pages/russian-story.html', 'pages/german-story.html', 'pages/spanish-story.html', 'passages/wire-zelenskiy.txt'].map((f) => fixturePath(f));
    const told = JSON.parse(run(...files).stdout) as { file: string; language: string; relevant: boolean }[];
    expect(told.map((r) => [r.language, r.relevant])).toEqual([
      ['uk', true],
      ['ru', true],
      ['de', true],
      ['other', false],
      ['en', true],
    ]);
    // --lang: names in that language and English only; the Ukrainian page read as German finds too little.
    const asked = JSON.parse(run('--lang=de', files[0]!, files[2]!).stdout) as { language: string; relevant: boolean }[];
    expect(asked).toMatchObject([
      { language: 'de', relevant: false },
      { language: 'de', relevant: true },
    ]);
    const wrong = run('--lang=es', files[0]!);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/--lang must be one of en, uk, ru, de, fr, pl \(found "es"\)/);
  }, COMMAND_TIMEOUT_MS * 3);
});

// Each test starts tsx in a new process, which takes seconds when the machine is busy.
describe('npm run pack:check', { timeout: 30_000 }, () => {
  const check = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/pack-check.ts', ...args], { encoding: 'utf8' });

  it('passes on the bundled pack, and reports its sourcing', { timeout: COMMAND_TIMEOUT_MS }, () => {
    const result = check();
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/valid pack "negotiations-2025"/);
    expect(result.stdout).toMatch(/stances on a single independent source: \d+ of \d+ \(\d+%\)/);
    expect(result.stdout).toMatch(/topic key facts on a single independent source: \d+ of \d+ \(\d+%\)/);
    expect(result.stdout).toMatch(/primary sources: \d+ of \d+/);
    expect(result.stdout).toMatch(/claims resting only on weak sources: \d+/);
    // Names by language, and the forms the inflection rules generate from them.
    expect(result.stdout).toMatch(/^ {2}en: (\d+) → \1$/m);
    const uk = /^ {2}uk: (\d+) → (\d+)$/m.exec(result.stdout)!;
    expect(Number(uk[2])).toBeGreaterThan(Number(uk[1]));
  });

  it('reads a version-1 pack through its upgrade', () => {
    const result = check(fixturePath('packs/format-1-pack.json'));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/valid pack "mini" .*\(format 1, read through its upgrade to format 2\)/);
  });

  it('fails a pack over --max-single-source-share', () => {
    const result = check(fixturePath('packs/mini-pack.json'), '--max-single-source-share=0.5');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/\$\.stances: 5 of 5 stances \(100%\) rest on a single independent source; at most 50% may/);
  });

  it('names a claim resting only on weak sources', () => {
    const result = check(fixturePath('packs/broken/weak-only-claim.json'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/\$\.stances\[2\]: rests only on weak sources/);
  });

  it('prints each problem with its JSON path and exits 1', { timeout: COMMAND_TIMEOUT_MS }, () => {
    const result = check(fixturePath('packs/broken/several-problems.json'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/\$\.sources\[0\]\.url: must start with http/);
    expect(result.stderr).toMatch(/\$\.events\[0\]\.date/);
  });

  it('reports a JSON syntax error', { timeout: COMMAND_TIMEOUT_MS }, () => {
    const result = check(fixturePath('packs/broken/not-json.json'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/\$: is not valid JSON/);
  });

  it('exits 2 for a file it cannot read', { timeout: COMMAND_TIMEOUT_MS }, () => {
    expect(check('missing.json').status).toBe(2);
  });
});
