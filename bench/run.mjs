/**
 * npm run bench [-- --write] [-- --report-only] [-- --runs N] [-- --quick] [-- --no-trace]
 *
 * Speed, size and resource benchmarks of the content script and the popup in real Chromium with the built
 * extension, against two references on the same pages (a plain regex scan and mark.js). Prints each figure with
 * its budget and PASS/FAIL; exits 1 when a budget fails unless --report-only. --write rewrites
 * docs/performance.md from the measured numbers. See docs/performance.md for what each figure means.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { extensionArgs } from '../scripts/chromium-flags.mjs';
import { findBrowser } from '../scripts/find-browser.mjs';
import { serveFolder } from '../scripts/serve.mjs';
import { combinedRegex, generateAll } from './generate.mjs';
import { initScript, measureExtensionRun, measureGrowth, measureMarkJs, measurePackActivation, measurePlainScan, measurePopupRun } from './measure.mjs';
import { calibrationText, consoleReport, figures, growthTable, loadText, markdown } from './report.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const GENERATED = join(ROOT, 'bench/.generated');
const OUT = { normal: '.bench-output', tenfold: '.bench-output-10x' };

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => {
  const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
};
const quick = flag('--quick');
const config = {
  runs: Number(option('--runs') ?? process.env.BENCH_RUNS ?? (quick ? 3 : 5)),
  growSeconds: Number(process.env.BENCH_GROW_SECONDS ?? (quick ? 8 : 20)),
  growPerTick: 20,
  growEveryMs: 100,
  trace: !flag('--no-trace'),
};
if (!Number.isInteger(config.runs) || config.runs < 1 || !(config.growSeconds > 0)) {
  console.error('usage: npm run bench -- [--write] [--report-only] [--runs N] [--quick] [--no-trace]   (BENCH_GROW_SECONDS=N for the live page)');
  process.exit(2);
}

const log = (message) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);
const started = performance.now();
const loadStart = loadavg()[0];
// The load average the run saw: sampled every 5 s, reported with the figures.
const loadSamples = [loadStart];
const loadTimer = setInterval(() => loadSamples.push(loadavg()[0]), 5000);
loadTimer.unref();
if (loadStart > cpus().length) log(`load average ${loadStart.toFixed(1)} on ${cpus().length} cores: other work is running, timings will be noisy`);

function build(outDir, packPath) {
  const env = { ...process.env, OUT_DIR: outDir, ...(packPath ? { PACK_PATH: packPath } : {}) };
  const result = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, env, encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error(`build into ${outDir} failed`);
  }
  return join(ROOT, outDir, 'chrome-mv3');
}

async function launch(executablePath, extensionDir) {
  const args = extensionArgs(extensionDir ?? '').filter((a) => extensionDir || !/^--(disable-extensions-except|load-extension)=/.test(a));
  const profile = mkdtempSync(join(tmpdir(), 'negotiation-lens-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, viewport: { width: 1200, height: 900 }, args });
  await context.addInitScript(initScript);
  let extensionId = null;
  if (extensionDir) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
  }
  return { context, extensionId, profile };
}

function chromiumVersion(path) {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return path;
  }
}

/** Aliases per language as the pack writes them, and the forms the matcher gets from them (from pack:check). */
function namesByLanguage() {
  const out = spawnSync('npx', ['tsx', 'scripts/pack-check.ts'], { cwd: ROOT, encoding: 'utf8' }).stdout ?? '';
  return Object.fromEntries([...out.matchAll(/^ {2}([a-z]{2}): (\d+) → (\d+)$/gm)].map((m) => [m[1], { aliases: Number(m[2]), forms: Number(m[3]) }]));
}

const commandLine = `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`;

// 1. Inputs and builds.
log('generating pages and the 10× pack into bench/.generated/');
const names = namesByLanguage();
const generatedForms = Object.values(names).reduce((sum, c) => sum + c.forms - c.aliases, 0);
const generated = generateAll(GENERATED, join(ROOT, 'data/pack.json'), generatedForms);
log(`pack: ${generated.scaled.baseAliases} aliases; 10× pack: ${generated.scaled.aliases} (${generated.scaled.factor.toFixed(2)}×)`);
log(`building the extension into ${OUT.normal}/ and, with the 10× pack, into ${OUT.tenfold}/`);
const extNormal = build(OUT.normal);
const extTenfold = build(OUT.tenfold, generated.files.pack10x);
const contentJs = readFileSync(join(extNormal, 'content-scripts/content.js'));
const contentJs10 = readFileSync(join(extTenfold, 'content-scripts/content.js'));
const gzip = { content: gzipSync(contentJs).length, contentRaw: contentJs.length, content10x: gzipSync(contentJs10).length, content10xRaw: contentJs10.length };
const regex = combinedRegex(generated.pack);
const markJsSource = readFileSync(join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');

// 2. Browsers: one with the extension, one with the 10× build, one without any extension (the references).
const executablePath = await findBrowser({ install: false });
const server = await serveFolder(GENERATED);
const url = (name, query = '') => `${server.origin}/${name}.html${query}`;
log(`browser: ${chromiumVersion(executablePath)}; pages served from ${server.origin}`);
const browsers = [];
try {
  const ext = await launch(executablePath, extNormal);
  browsers.push(ext);
  const ext10 = await launch(executablePath, extTenfold);
  browsers.push(ext10);
  const none = await launch(executablePath, null);
  browsers.push(none);

  // Warm-up (not recorded): the first page of a fresh browser also pays for starting the service worker.
  await measureExtensionRun(ext.context, url('typical'), { trace: false });
  await measureExtensionRun(ext10.context, url('typical'), { trace: false });
  await measurePlainScan(none.context, url('typical'), regex);
  await measurePlainScan(none.context, url('typical'), regex, { world: 'isolated' });

  // 3. Scans, interleaved run by run so that drift on a busy machine hits every series alike.
  const runs = {};
  const pages = {};
  for (const page of ['typical', 'big', 'big-uk']) {
    runs[page] = { ext: [], ext10x: [], plain: [], markjs: [], plainIsolated: [], markjsIsolated: [] };
    for (let i = 0; i < config.runs; i++) {
      log(`${{ big: '1 MB page', 'big-uk': '1 MB Ukrainian page', typical: 'typical article' }[page]}: run ${i + 1} of ${config.runs}`);
      runs[page].ext.push(await measureExtensionRun(ext.context, url(page), { trace: config.trace }));
      // The Ukrainian page is compared with the English one, both with the extension: the references are English.
      if (page === 'big-uk') continue;
      runs[page].ext10x.push(await measureExtensionRun(ext10.context, url(page), { trace: config.trace }));
      runs[page].plain.push(await measurePlainScan(none.context, url(page), regex));
      runs[page].markjs.push(await measureMarkJs(none.context, url(page), regex, markJsSource));
      runs[page].plainIsolated.push(await measurePlainScan(none.context, url(page), regex, { world: 'isolated' }));
      runs[page].markjsIsolated.push(await measureMarkJs(none.context, url(page), regex, markJsSource, { world: 'isolated' }));
    }
    const html = readFileSync(generated.files[page], 'utf8');
    pages[page] = {
      bytes: Buffer.byteLength(html),
      paragraphs: (html.match(/<p[ >]/g) ?? []).length,
      textNodes: runs[page].plain[0]?.nodes ?? null,
      matches: runs[page].plain[0]?.matches ?? null,
    };
  }

  // 4. Popup.
  log('popup');
  const popup = [];
  const popup10x = [];
  for (let i = 0; i < config.runs; i++) {
    popup.push(await measurePopupRun(ext.context, ext.extensionId));
    popup10x.push(await measurePopupRun(ext10.context, ext10.extensionId));
  }

  // 5. Live page, with and without the extension.
  const growQuery = `?n=${config.growPerTick}&every=${config.growEveryMs}&seconds=${config.growSeconds}`;
  log(`live page with the extension (${config.growSeconds} s)`);
  const growExt = await measureGrowth(ext.context, url('grow', growQuery), { seconds: config.growSeconds });
  log(`live page without the extension (${config.growSeconds} s)`);
  const growNone = await measureGrowth(none.context, url('grow', growQuery), { seconds: config.growSeconds });

  // 6. Activating a pack in the background (last: it changes the active pack, and puts the bundled one back).
  log('activating the bundled pack and the 10× pack in the background');
  const packTexts = { bundled: readFileSync(join(ROOT, 'data/pack.json'), 'utf8'), tenfold: readFileSync(generated.files.pack10x, 'utf8') };
  const activation = { bundled: [], tenfold: [] };
  for (let i = 0; i < config.runs; i++) {
    activation.bundled.push(await measurePackActivation(ext.context, ext.extensionId, packTexts.bundled));
    activation.tenfold.push(await measurePackActivation(ext.context, ext.extensionId, packTexts.tenfold));
  }

  // 7. Report.
  const machine = {
    cpu: cpus()[0]?.model?.trim() ?? 'unknown CPU',
    cores: cpus().length,
    memGB: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.versions.node,
    chromium: chromiumVersion(executablePath),
    loadStart,
    loadEnd: loadavg()[0],
    loadSamples: [...loadSamples, loadavg()[0]],
  };
  const now = new Date();
  const results = {
    date: `${now.toISOString().slice(0, 10)} ${now.toISOString().slice(11, 16)} UTC`,
    command: commandLine,
    machine,
    config,
    pack: { aliases: generated.scaled.baseAliases, aliases10x: generated.scaled.aliases, factor: generated.scaled.factor, perTopic: 30, languages: names },
    gzip,
    pages,
    runs,
    popup,
    popup10x,
    activation,
    growth: { seconds: config.growSeconds, perTick: config.growPerTick, everyMs: config.growEveryMs, ext: growExt, none: growNone },
  };
  writeFileSync(join(GENERATED, 'results.json'), JSON.stringify(results, null, 1));
  const rows = figures(results);
  console.log(consoleReport(rows));
  console.log(`\n${calibrationText(results).replace(/\*\*/g, '')}`);
  console.log(loadText(machine));
  console.log(`\nNames by language (aliases written → forms the matcher gets): ${Object.entries(results.pack.languages).map(([l, c]) => `${l} ${c.aliases} → ${c.forms}`).join(', ')}`);
  const g = growthTable(results.growth);
  console.log(`\nLive page: ${config.growPerTick} paragraphs every ${config.growEveryMs} ms for ${config.growSeconds} s`);
  console.log(`  ${g.head.join(' | ')}`);
  for (const cells of g.rows) console.log(`  ${cells.join(' | ')}`);
  const failed = rows.filter((r) => r.pass === false);
  console.log(`\n${rows.filter((r) => r.pass === true).length} budgets passed, ${failed.length} failed.`);
  if (flag('--write')) {
    writeFileSync(join(ROOT, 'docs/performance.md'), markdown(results, rows));
    console.log('Wrote docs/performance.md');
  }
  log('done');
  process.exitCode = failed.length > 0 && !flag('--report-only') ? 1 : 0;
} finally {
  for (const b of browsers) {
    await b.context.close().catch(() => undefined);
    rmSync(b.profile, { recursive: true, force: true });
  }
  await server.close();
}
