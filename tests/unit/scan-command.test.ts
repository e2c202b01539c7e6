import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { aliasTableFromPack } from '../../src/knowledge/alias-table-from-pack';
import { indexPack } from '../../src/knowledge/pack-index';
import { compileMatcher } from '../../src/matcher/compile';
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

describe('npm run scan', () => {
  const run = (...files: string[]) => spawnSync('npx', ['tsx', 'scripts/scan.ts', ...files], { encoding: 'utf8' });

  it('prints one JSON array with one element per file, in order', () => {
    const wire = fixturePath('passages/wire-zelenskiy.txt');
    const off = fixturePath('pages/gaza-ceasefire.html');
    const out = JSON.parse(execFileSync('npx', ['tsx', 'scripts/scan.ts', wire, off], { encoding: 'utf8' })) as { file: string; relevant: boolean; mentions: unknown[] }[];
    expect(out.map((r) => r.file)).toEqual([wire, off]);
    expect(out[0]!.relevant).toBe(true);
    expect(out[0]!.mentions.length).toBeGreaterThan(3);
    expect(out[1]).toMatchObject({ relevant: false, mentions: [] });
  });

  it('names a missing file on stderr and exits non-zero', () => {
    const result = run('no/such/file.txt');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/cannot read no\/such\/file\.txt/);
  });
});

// Each test starts tsx in a new process, which takes seconds when the machine is busy.
describe('npm run pack:check', { timeout: 30_000 }, () => {
  const check = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/pack-check.ts', ...args], { encoding: 'utf8' });

  it('passes on the bundled pack, and reports its sourcing', () => {
    const result = check();
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/valid pack "negotiations-2025"/);
    expect(result.stdout).toMatch(/stances on a single independent source: \d+ of \d+ \(\d+%\)/);
    expect(result.stdout).toMatch(/topic key facts on a single independent source: \d+ of \d+ \(\d+%\)/);
    expect(result.stdout).toMatch(/primary sources: \d+ of \d+/);
    expect(result.stdout).toMatch(/claims resting only on weak sources: \d+/);
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

  it('prints each problem with its JSON path and exits 1', () => {
    const result = check(fixturePath('packs/broken/several-problems.json'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/\$\.sources\[0\]\.url: must start with http/);
    expect(result.stderr).toMatch(/\$\.events\[0\]\.date/);
  });

  it('reports a JSON syntax error', () => {
    const result = check(fixturePath('packs/broken/not-json.json'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/\$: is not valid JSON/);
  });

  it('exits 2 for a file it cannot read', () => {
    expect(check('missing.json').status).toBe(2);
  });
});
