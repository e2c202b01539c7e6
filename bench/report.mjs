/**
 * Turns the benchmark's raw results into figures with budgets, a console table, and docs/performance.md.
 * Budgets are checked against the median of the runs; the max column shows the worst run.
 */

export const BUDGETS = {
  typicalScanMs: 10,
  bigScanMs: 80,
  longestTaskMs: 50,
  matcherReadyMs: 5,
  matcherReady10xMs: 15,
  contentGzipKB: 20,
  vsPlainScan: 1.5,
  vsMarkJs: 4,
  pack10x: 1.5,
  /** A 1 MB Ukrainian page's scan ÷ the 1 MB English page's, both with the extension. */
  otherLanguage: 1.5,
  popupMs: 100,
  maxMarks: 5000,
};

/**
 * The in-run reference every time is also given as a multiple of: the plain scan of the 1 MB page in an isolated
 * world (the world a content script runs in), median of the run. `usualMs` is its value on a quiet machine, from
 * the run recorded in docs/performance.md on `usualDate` (load average `usualLoad`). The absolute budgets (ms) are
 * judged as measured only when this run's reference is within `tolerance` (either way) of the usual value; otherwise
 * the machine was slower or faster than usual, and each budget is judged on the multiple instead: the figure ÷ this
 * run's reference against the budget ÷ the usual reference. So a slow machine does not fail a good build, and a
 * fast one does not hide a regression.
 */
export const REFERENCE = {
  label: '1 MB page: plain scan in an isolated world',
  usualMs: 27,
  usualDate: '2026-11-28',
  usualLoad: 0.5,
  tolerance: 1.25,
};

/** This run's reference and whether it is near its usual value. */
export function calibration(results) {
  const ms = median((results.runs.big.plainIsolated ?? []).map((r) => r.ms));
  const factor = ms === null ? null : ms / REFERENCE.usualMs;
  const near = factor !== null && factor <= REFERENCE.tolerance && factor >= 1 / REFERENCE.tolerance;
  return { ms, factor, near };
}

export function median(values) {
  const list = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (list.length === 0) return null;
  const mid = list.length >> 1;
  return list.length % 2 ? list[mid] : (list[mid - 1] + list[mid]) / 2;
}

export function max(values) {
  const list = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  return list.length ? Math.max(...list) : null;
}

const fmt = (value, unit) => {
  if (value === null || value === undefined) return '—';
  if (unit === '×') return `${value.toFixed(2)}×`;
  if (unit === 'KB') return `${value.toFixed(1)} KB`;
  if (unit === 'MB') return `${value.toFixed(1)} MB`;
  if (unit === '') return String(Math.round(value));
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${unit}`;
};

/** Every figure of the report, in order, grouped by section. */
export function figures(results) {
  const { runs } = results;
  const pick = (list, fn) => list.map(fn);
  const stat = (values) => ({ median: median(values), max: max(values) });
  const ext = (page) => runs[page].ext;
  const ext10 = (page) => runs[page].ext10x;
  const trace = (list, key) => pick(list, (r) => r.trace?.[key] ?? null);
  const rows = [];
  const row = (section, id, label, values, unit, budget, note) => rows.push({ section, id, label, ...values, unit, budget, note });
  const traced = results.config.trace;
  const ms = (list) => pick(list, (r) => r.ms);
  const onScreen = (list) => pick(list, (r) => r.onScreenMs);

  const scan = 'Scan speed (with the extension)';
  row(scan, 'typicalScan', 'Typical article (~8 KB text): scan start → highlights painted', stat(pick(ext('typical'), (r) => r.scanMs)), 'ms', { op: '<=', value: BUDGETS.typicalScanMs });
  row(scan, 'bigScan', '1 MB page: scan start → highlights painted', stat(pick(ext('big'), (r) => r.scanMs)), 'ms', { op: '<=', value: BUDGETS.bigScanMs });
  if (traced) {
    row(scan, 'bigLongestScript', '1 MB page: longest content-script task during the scan (trace)', stat(trace(ext('big'), 'longestScript')), 'ms', { op: '<=', value: BUDGETS.longestTaskMs });
    row(scan, 'bigLongestRender', '1 MB page: longest rendering task during the scan (trace)', stat(trace(ext('big'), 'longestRender')), 'ms', null, 'style/layout/paint of the page and our highlights');
    row(scan, 'bigScriptMs', '1 MB page: content-script CPU time in the scan (sum of its tasks, trace)', stat(trace(ext('big'), 'scriptMs')), 'ms');
    row(scan, 'bigSlices', '1 MB page: content-script tasks (slices) in the scan', stat(trace(ext('big'), 'scriptSlices')), '');
    row(scan, 'typicalLongest', 'Typical article: longest task during the scan (trace)', stat(trace(ext('typical'), 'longestAny')), 'ms');
    row(scan, 'typicalOnScreen', 'Typical article: scan start → highlights on screen (next frame, trace)', stat(trace(ext('typical'), 'onScreenMs')), 'ms');
    row(scan, 'bigOnScreen', '1 MB page: scan start → last highlights on screen (next frame, trace)', stat(trace(ext('big'), 'onScreenMs')), 'ms');
  }
  row(scan, 'bigLongtasks', '1 MB page: long tasks reported to a PerformanceObserver in the page during the scan', stat(pick(ext('big'), (r) => r.longtasks)), '', null, 'misses the scan\'s slices (promise continuations): see the trace rows');
  if (runs['big-uk']?.ext.length) {
    row(scan, 'bigUkScan', '1 MB Ukrainian page: scan start → highlights painted', stat(pick(ext('big-uk'), (r) => r.scanMs)), 'ms');
    row(scan, 'bigUkRatio', '1 MB Ukrainian page ÷ 1 MB English page (medians, scan start → painted)', { median: median(pick(ext('big-uk'), (r) => r.scanMs)) / median(pick(ext('big'), (r) => r.scanMs)), max: null }, '×', { op: '<=', value: BUDGETS.otherLanguage });
  }
  const langs = results.pack.languages ? Object.keys(results.pack.languages).length : 1;
  row(scan, 'matcherReady', `Matcher ready (unpack and compile the alias table, from the mark's detail.ms; names in ${langs} language${langs > 1 ? 's' : ''})`, stat([...pick(ext('typical'), (r) => r.matcherMs), ...pick(ext('big'), (r) => r.matcherMs), ...pick(runs['big-uk']?.ext ?? [], (r) => r.matcherMs)]), 'ms', { op: '<=', value: BUDGETS.matcherReadyMs });
  row(scan, 'gzip', 'Content script size, gzip (content-scripts/content.js)', { median: results.gzip.content / 1024, max: null }, 'KB', { op: '<=', value: BUDGETS.contentGzipKB }, `${(results.gzip.contentRaw / 1024).toFixed(1)} KB before gzip`);
  row(scan, 'typicalRanges', 'Typical article: highlight ranges painted', stat(pick(ext('typical'), (r) => r.ranges)), '');
  row(scan, 'bigRanges', '1 MB page: highlight ranges painted', stat(pick(ext('big'), (r) => r.ranges)), '', null, 'only paragraphs within two screens of the viewport are painted (PAINT_MARGIN_SCREENS); the rest as the reader scrolls');

  const refs = 'References (same pages, a browser without the extension)';
  const ours = (page) => median(pick(ext(page), (r) => r.scanMs));
  const oursOnScreen = (page) => median(trace(ext(page), 'onScreenMs'));
  const ratio = (a, b) => ({ median: a !== null && b ? a / b : null, max: null });
  row(refs, 'bigPlainIso', `${REFERENCE.label} (the in-run reference)`, stat(ms(runs.big.plainIsolated)), 'ms', null, 'TreeWalker + one combined regex, no marking, run where a content script runs (DevTools protocol Page.createIsolatedWorld)');
  row(refs, 'typicalPlainIso', 'Typical article: plain scan in an isolated world', stat(ms(runs.typical.plainIsolated)), 'ms');
  row(refs, 'typicalMarkIso', 'Typical article: mark.js in an isolated world, until done', stat(ms(runs.typical.markjsIsolated)), 'ms');
  row(refs, 'typicalMarkIsoScreen', 'Typical article: mark.js in an isolated world, until its marks are on screen', stat(onScreen(runs.typical.markjsIsolated)), 'ms');
  row(refs, 'bigMarkIso', '1 MB page: mark.js in an isolated world, until done', stat(ms(runs.big.markjsIsolated)), 'ms');
  row(refs, 'bigMarkIsoScreen', '1 MB page: mark.js in an isolated world, until its marks are on screen', stat(onScreen(runs.big.markjsIsolated)), 'ms');
  row(refs, 'bigVsPlainIso', '1 MB page: ours ÷ plain scan, both in isolated worlds (scan start → painted)', ratio(ours('big'), median(ms(runs.big.plainIsolated))), '×', { op: '<=', value: BUDGETS.vsPlainScan });
  row(refs, 'typicalVsPlainIso', 'Typical article: ours ÷ plain scan, both in isolated worlds', ratio(ours('typical'), median(ms(runs.typical.plainIsolated))), '×', { op: '<=', value: BUDGETS.vsPlainScan });
  if (traced) {
    row(refs, 'bigScreenVsMarkIso', '1 MB page: mark.js ÷ ours, both in isolated worlds, until on screen (how many times faster we are)', ratio(median(onScreen(runs.big.markjsIsolated)), oursOnScreen('big')), '×', { op: '>=', value: BUDGETS.vsMarkJs });
    row(refs, 'typicalScreenVsMarkIso', 'Typical article: mark.js ÷ ours, both in isolated worlds, until on screen', ratio(median(onScreen(runs.typical.markjsIsolated)), oursOnScreen('typical')), '×', { op: '>=', value: BUDGETS.vsMarkJs });
  }
  row(refs, 'bigVsMarkIso', '1 MB page: mark.js until done ÷ ours until painted, both in isolated worlds', ratio(median(ms(runs.big.markjsIsolated)), ours('big')), '×');
  if (traced) row(refs, 'bigCpuVsPlainIso', '1 MB page: our script CPU time ÷ plain scan in an isolated world', ratio(median(trace(ext('big'), 'scriptMs')), median(ms(runs.big.plainIsolated))), '×');
  // The page's main world: what the issue first compared with; a content script does not run there.
  row(refs, 'typicalPlain', 'Typical article: plain scan in the page\'s main world', stat(ms(runs.typical.plain)), 'ms');
  row(refs, 'bigPlain', '1 MB page: plain scan in the page\'s main world', stat(ms(runs.big.plain)), 'ms');
  row(refs, 'typicalMark', 'Typical article: mark.js in the main world, until done', stat(ms(runs.typical.markjs)), 'ms');
  row(refs, 'bigMark', '1 MB page: mark.js in the main world, until done', stat(ms(runs.big.markjs)), 'ms');
  row(refs, 'bigMarkScreen', '1 MB page: mark.js in the main world, until its marks are on screen', stat(onScreen(runs.big.markjs)), 'ms');
  row(refs, 'bigVsPlain', '1 MB page: ours ÷ plain scan in the main world', ratio(ours('big'), median(ms(runs.big.plain))), '×');
  if (traced) row(refs, 'bigScreenVsMark', '1 MB page: mark.js in the main world ÷ ours, both until on screen', ratio(median(onScreen(runs.big.markjs)), oursOnScreen('big')), '×');
  row(refs, 'plainMatches', '1 MB page: matches found by the plain scan', stat(pick(runs.big.plain, (r) => r.matches)), '', null, 'it also reads excluded elements and ignores case rules; we paint the first mention of a thing per paragraph');
  row(refs, 'markMatches', '1 MB page: matches marked by mark.js', stat(pick(runs.big.markjs, (r) => r.matches)), '');

  const big = `A ${results.pack.factor.toFixed(1)}× knowledge pack (${results.pack.aliases10x} aliases instead of ${results.pack.aliases}), the background's bundled pack in the second build`;
  const ours10 = (page) => median(pick(ext10(page), (r) => r.scanMs));
  row(big, 'bigScan10x', '1 MB page: scan start → highlights painted', stat(pick(ext10('big'), (r) => r.scanMs)), 'ms');
  row(big, 'big10xRatio', '1 MB page: 10× pack ÷ bundled pack (medians)', ratio(ours10('big'), ours('big')), '×', { op: '<=', value: BUDGETS.pack10x });
  row(big, 'typicalScan10x', 'Typical article: scan start → highlights painted', stat(pick(ext10('typical'), (r) => r.scanMs)), 'ms');
  row(big, 'typical10xRatio', 'Typical article: 10× pack ÷ bundled pack', ratio(ours10('typical'), ours('typical')), '×', { op: '<=', value: BUDGETS.pack10x });
  if (traced) row(big, 'bigLongest10x', '1 MB page: longest content-script task (trace)', stat(trace(ext10('big'), 'longestScript')), 'ms');
  row(big, 'matcher10x', 'Matcher ready', stat([...pick(ext10('typical'), (r) => r.matcherMs), ...pick(ext10('big'), (r) => r.matcherMs)]), 'ms', { op: '<=', value: BUDGETS.matcherReady10xMs });
  row(big, 'gzip10x', 'Content script size, gzip', { median: results.gzip.content10x / 1024, max: null }, 'KB', { op: '<=', value: BUDGETS.contentGzipKB }, `${(results.gzip.content10xRaw / 1024).toFixed(1)} KB before gzip; the build with the bundled pack: ${(results.gzip.contentRaw / 1024).toFixed(1)} KB`);
  if (results.popup10x?.length) row(big, 'popupReady10x', 'Popup: [data-ready] element present (from navigation start)', stat(pick(results.popup10x, (r) => r.dataReady)), 'ms');

  if (results.activation) {
    const act = 'Activating a pack in the background (service worker)';
    for (const [key, name] of [['bundled', 'Bundled pack'], ['tenfold', `${results.pack.factor.toFixed(0)}× pack`]]) {
      const list = results.activation[key];
      const id = key === 'bundled' ? 'act' : 'act10x';
      row(act, `${id}Total`, `${name}: activate (validate, diff, store, matcher table)`, stat(pick(list, (r) => r.totalMs)), 'ms');
      row(act, `${id}Validate`, `${name}: of which validate`, stat(pick(list, (r) => r.validateMs)), 'ms');
      row(act, `${id}Diff`, `${name}: of which diff against the bundled pack`, stat(pick(list, (r) => r.diffMs)), 'ms');
      row(act, `${id}Table`, `${name}: of which derive and write the matcher table`, stat(pick(list, (r) => r.matcherTableMs)), 'ms');
      row(act, `${id}RoundTrip`, `${name}: activatePack message, round trip from an extension page`, stat(pick(list, (r) => r.roundTripMs)), 'ms', null, 'adds the message, the signature check (none: the pack is unsigned) and copying the text');
    }
  }

  const popup = 'Popup';
  const hasReady = results.popup.length > 0 && results.popup.every((r) => r.dataReady !== null);
  row(popup, 'popupFcp', 'First contentful paint (from navigation start)', stat(pick(results.popup, (r) => r.fcp)), 'ms', hasReady ? null : { op: '<=', value: BUDGETS.popupMs }, hasReady ? 'the static "Loading…" placeholder' : 'no [data-ready] element in the popup yet: the budget applies to FCP');
  row(popup, 'popupReady', '[data-ready] element present (from navigation start)', hasReady ? stat(pick(results.popup, (r) => r.dataReady)) : { median: null, max: null }, 'ms', hasReady ? { op: '<=', value: BUDGETS.popupMs } : null, hasReady ? 'the app\'s first render, after the active pack arrived from the background (getActivePack)' : 'not present');
  row(popup, 'popupApp', 'App content replaced the "Loading…" placeholder', stat(pick(results.popup, (r) => r.appRendered)), 'ms');

  const growth = 'Resource bounds (live page)';
  const g = results.growth;
  row(growth, 'growRanges', `Highlight ranges, most at any sample (cap MAX_MARKS = ${BUDGETS.maxMarks})`, { median: max(g.ext.map((s) => s.ranges)), max: null }, '', { op: '<=', value: BUDGETS.maxMarks }, 'marks are kept up to the cap; only those near the viewport are painted');
  const share = g.ext.map((s) => s.heapMB - heapWithoutAt(g.none, s.paragraphs));
  row(growth, 'growHeapShare', 'Extension heap share at the end (heap with − without the extension, V8 + Blink)', { median: share[share.length - 1] ?? null, max: max(share) }, 'MB', null, 'max column: largest share at any sample');
  const jsShare = g.ext.map((s) => s.jsHeapMB - heapWithoutAt(g.none, s.paragraphs, 'jsHeapMB'));
  row(growth, 'growJsShare', 'of which V8 heap (the content script\'s objects)', { median: jsShare[jsShare.length - 1] ?? null, max: max(jsShare) }, 'MB');
  const capped = g.ext.findIndex((s) => s.ranges === max(g.ext.map((x) => x.ranges)));
  const last = g.ext[g.ext.length - 1];
  const afterCap = capped >= 0 && last.paragraphs > g.ext[capped].paragraphs ? ((share[share.length - 1] - share[capped]) * 1000) / (last.paragraphs - g.ext[capped].paragraphs) : null;
  row(growth, 'growAfterCap', 'Share growth after the ranges stopped growing, per 1,000 paragraphs added', { median: afterCap, max: null }, 'MB', null, 'the page itself grows by about 9 MB per 1,000 paragraphs');
  const work = g.ext.map((s, i) => (g.none[i] ? s.scriptMsPerS - g.none[i].scriptMsPerS : null));
  // The last sample is taken after the page stopped growing; the others while it grows.
  const growing = (list) => list.slice(0, -1);
  row(growth, 'growWork', 'Extension script work while the page grows (ms per s, with − without)', { median: median(growing(work)), max: max(growing(work)) }, 'ms/s');
  const busy = g.ext.map((s, i) => (g.none[i] ? s.taskMsPerS - g.none[i].taskMsPerS : null));
  row(growth, 'growBusy', 'Extra main-thread time while the page grows (task ms per s, with − without)', { median: median(growing(busy)), max: max(growing(busy)) }, 'ms/s', null, 'script plus the style, layout and paint work the highlights cause');

  // Times also as multiples of the in-run reference; absolute budgets judged as measured or on the multiple.
  const cal = calibration(results);
  for (const r of rows) {
    r.ref = r.unit === 'ms' && cal.ms && r.median !== null ? r.median / cal.ms : null;
    if (!r.budget) {
      r.pass = null;
      continue;
    }
    r.basis = r.unit === 'ms' && !cal.near && cal.ms ? 'multiple' : 'measured';
    r.pass = r.basis === 'multiple' ? check(r.ref, { op: r.budget.op, value: r.budget.value / REFERENCE.usualMs }) : check(r.median, r.budget);
  }
  return rows;
}

function check(value, budget) {
  if (value === null || value === undefined || Number.isNaN(value)) return false;
  return budget.op === '<=' ? value <= budget.value : value >= budget.value;
}

const opText = (budget) => (budget.op === '<=' ? '≤' : '≥');
const budgetText = (row) => {
  if (!row.budget) return '';
  const text = `${opText(row.budget)} ${fmt(row.budget.value, row.unit === '' ? '' : row.unit)}`;
  return row.unit === 'ms' ? `${text} (${fmt(row.budget.value / REFERENCE.usualMs, '×')} ref)` : text;
};
const resultText = (row) => (row.pass === null ? '' : `${row.pass ? 'PASS' : 'FAIL'}${row.basis === 'multiple' ? ' on the multiple' : ''}`);
const refText = (row) => (row.ref === null || row.ref === undefined ? '' : fmt(row.ref, '×'));

/** The load average the run saw (1 min, sampled every 5 s). */
export function loadText(m) {
  const samples = m.loadSamples ?? [m.loadStart, m.loadEnd];
  const worst = Math.max(...samples);
  return `Load average (1 min) during the run: ${m.loadStart.toFixed(1)} at the start, ${m.loadEnd.toFixed(1)} at the end, median ${median(samples).toFixed(1)}, highest ${worst.toFixed(1)} (${samples.length} samples)${worst > m.cores ? `; more than the ${m.cores} cores: other work shared the machine, so timings are higher and noisier than on an idle machine` : ''}.`;
}

/** One sentence on this run's reference, and on which basis the absolute budgets were judged. */
export function calibrationText(results) {
  const cal = calibration(results);
  const usual = `usual ${REFERENCE.usualMs} ms, measured ${REFERENCE.usualDate} at load average ${REFERENCE.usualLoad}`;
  if (cal.ms === null) return `No in-run reference was measured: absolute budgets are judged as measured.`;
  const head = `In-run reference (${REFERENCE.label}): ${fmt(cal.ms, 'ms')} (${usual}), ${fmt(cal.factor, '×')} its usual value.`;
  return cal.near
    ? `${head} Within ${fmt(REFERENCE.tolerance, '×')} of it either way: absolute budgets are judged as measured.`
    : `${head} **Not near its usual value** (more than ${fmt(REFERENCE.tolerance, '×')} ${cal.factor > 1 ? 'slower' : 'faster'}): the machine ran ${cal.factor > 1 ? 'slower' : 'faster'} than usual, so each absolute time budget is judged on the multiple of the reference (figure ÷ this run's reference against budget ÷ ${REFERENCE.usualMs} ms), not on the time as measured.`;
}

/** Plain-text table for the console. */
export function consoleReport(rows) {
  const lines = [];
  let section = '';
  const w = Math.max(...rows.map((r) => r.label.length));
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      lines.push('', section);
    }
    lines.push(`  ${r.label.padEnd(w)}  ${fmt(r.median, r.unit).padStart(9)}  ${fmt(r.max, r.unit).padStart(9)}  ${refText(r).padStart(7)}  ${budgetText(r).padEnd(22)} ${resultText(r)}`);
  }
  return lines.join('\n');
}

/**
 * The heap of the run without the extension at a given number of paragraphs (linear between samples). The page
 * grows more slowly with the extension (its timer is delayed when the main thread is busy), so heaps are compared
 * at the same page size, not at the same time.
 */
export function heapWithoutAt(none, paragraphs, key = 'heapMB') {
  const list = [{ paragraphs: 0, [key]: none[0]?.[key] ?? 0 }, ...none].sort((a, b) => a.paragraphs - b.paragraphs);
  for (let i = 1; i < list.length; i++) {
    const [a, b] = [list[i - 1], list[i]];
    if (paragraphs <= b.paragraphs) return b.paragraphs === a.paragraphs ? b[key] : a[key] + ((b[key] - a[key]) * (paragraphs - a.paragraphs)) / (b.paragraphs - a.paragraphs);
  }
  return list[list.length - 1][key];
}

export function growthTable(growth) {
  const rows = growth.ext.map((s, i) => {
    const n = growth.none[i];
    const without = heapWithoutAt(growth.none, s.paragraphs);
    const js = s.jsHeapMB - heapWithoutAt(growth.none, s.paragraphs, 'jsHeapMB');
    return [s.t.toFixed(0), s.paragraphs, s.ranges, s.heapMB.toFixed(1), without.toFixed(1), (s.heapMB - without).toFixed(1), js.toFixed(1), s.scriptMsPerS.toFixed(0), n ? n.scriptMsPerS.toFixed(0) : '—', s.taskMsPerS.toFixed(0), n ? n.taskMsPerS.toFixed(0) : '—'];
  });
  const head = ['t (s)', 'paragraphs', 'ranges', 'heap with (MB)', 'heap without, same paragraphs (MB)', 'share (MB)', 'of which V8 (MB)', 'script ms/s with', 'without', 'task ms/s with', 'without'];
  return { head, rows };
}

const mdRow = (cells) => `| ${cells.join(' | ')} |`;

/** docs/performance.md, regenerated from one run's results. */
export function markdown(results, rows) {
  const m = results.machine;
  const failed = rows.filter((r) => r.pass === false);
  const out = [];
  out.push('# Performance');
  out.push('');
  out.push('<!-- Generated by `npm run bench -- --write` (bench/run.mjs). Edit bench/report.mjs, not this file. -->');
  out.push('');
  out.push(`Measured on ${results.date} with \`${results.command}\`, in real Chromium with the built extension.`);
  out.push('');
  out.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memGB} GB RAM, ${m.os}; ${m.chromium}; Node ${m.node}. ` + `Each figure is the median of ${results.config.runs} runs (max = the worst run); budgets are checked against the median.`);
  out.push('');
  out.push(loadText(m));
  out.push('');
  out.push(calibrationText(results));
  out.push('');
  out.push(failed.length === 0 ? '**All budgets pass.**' : `**${failed.length} budget${failed.length > 1 ? 's' : ''} failed:** ${failed.map((r) => `${r.label} (${fmt(r.median, r.unit)}, budget ${budgetText(r)})`).join('; ')}.`);
  out.push('');
  out.push('## Results');
  let section = '';
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      out.push('', `### ${section}`, '', mdRow(['figure', 'median', 'max', '÷ ref', 'budget', 'result']), mdRow(['---', '---:', '---:', '---:', '---', '---']));
    }
    out.push(mdRow([r.note ? `${r.label} <br><small>${r.note}</small>` : r.label, fmt(r.median, r.unit), fmt(r.max, r.unit), refText(r), budgetText(r), resultText(r) ? `**${resultText(r)}**` : '']));
  }
  const g = growthTable(results.growth);
  out.push('', `### Live page samples (${results.growth.perTick} paragraphs every ${results.growth.everyMs} ms for ${results.growth.seconds} s, one sample every 2 s)`, '');
  out.push(mdRow(g.head), mdRow(g.head.map(() => '---:')));
  for (const cells of g.rows) out.push(mdRow(cells));
  out.push('');
  out.push('## The pages');
  out.push('');
  const p = results.pages;
  out.push(
    `Generated at run time into \`bench/.generated/\` (seeded, so every run sees the same pages) from the alias names of \`data/pack.json\` mixed with neutral filler prose, with inline \`b\`, \`i\`, \`a\`, \`span\`, \`em\` and \`strong\` so that text nodes are split:`,
  );
  out.push('');
  out.push(`- **Typical article** (\`typical.html\`): ${(p.typical.bytes / 1024).toFixed(1)} KB of HTML, ${p.typical.textNodes} text nodes, ${p.typical.matches} alias occurrences (plain-scan count), one \`code\` and one \`pre\` with aliases.`);
  out.push(`- **1 MB page** (\`big.html\`): ${(p.big.bytes / 1024).toFixed(0)} KB of HTML, ${p.big.paragraphs} paragraphs, ${p.big.textNodes} text nodes, ${p.big.matches} alias occurrences; every 25 paragraphs one of \`pre\`, \`code\`, \`textarea\`, \`contenteditable\`, \`script type="text/plain"\` or \`hidden\` holding aliases, which the extension must not mark. Mentions stay below MAX_MARKS so every text node is scanned.`);
  out.push(`- **Live page** (\`grow.html\`): appends paragraphs with mentions from a timer (\`?n=&every=&seconds=\`).`);
  out.push(`- **${results.pack.factor.toFixed(1)}× pack** (\`pack-10x.json\`): \`data/pack.json\` plus synthetic topics with ${results.pack.aliases10x - results.pack.aliases} synthetic aliases (1–3 pseudo-words such as "Kravonel Drieska", case \`proper\`, ${results.pack.perTopic} per topic), ${results.pack.aliases10x} aliases in all (the pack checker allows 5,000). The pseudo-words start with many different letters, as real names do, so they add branches to the matcher's trie; they never occur in the pages. Built with \`PACK_PATH=bench/.generated/pack-10x.json OUT_DIR=.bench-output-10x npx wxt build\`: the background of that build has the 10× pack as its bundled pack and writes its alias table to \`storage.local\`, where the content script reads it.`);
  out.push('');
  out.push('## What each figure means');
  out.push('');
  out.push('- **Scan start → highlights painted**: from the content script\'s `negotiation-lens:scan-start` mark to its `negotiation-lens:painted` mark (after the initial scan\'s last highlights are added). Wall time: it includes the pauses in which the scan gives the page its thread back, and any rendering in between. Read with `performance.getEntriesByName()` from the page (Chromium shares the performance timeline between the page and the content script\'s isolated world). The content script starts on its own at `document_idle`; each run is a fresh tab.');
  out.push('- **Longest task during the scan (trace)**: every run is traced with the DevTools protocol (`Tracing.start`, categories `toplevel`, `devtools.timeline`, `blink.user_timing`); the renderer main thread\'s tasks overlapping the scan window (found by the two marks, which appear in the trace as user-timing events) are split into content-script tasks (JavaScript ran: the scan\'s slices) and rendering tasks (a frame: style, layout, paint of the page and of our highlights). The budget "no task over 50 ms" is checked on the content-script tasks. A `PerformanceObserver` for `longtask` installed in the page is kept as a cross-check, but it does not see the scan: in our runs a 290 ms content-script slice (10× pack) produced no longtask entry and a long-animation-frame entry with `blockingDuration` 0, while the content script\'s initial evaluation and a main-world busy loop were reported. The slices run as promise continuations (`scheduler.yield()`, the policy reply), which Chromium evidently does not count as long tasks; the trace does. Tracing did not change the scan times measurably (runs with `--no-trace` gave the same medians within noise); with `--no-trace` the trace rows are left out.');
  out.push('- **Content-script CPU time**: the sum of the content-script tasks in the scan window; unlike the wall time it leaves out rendering and idle gaps.');
  out.push('- **Last highlights on screen**: from scan start to the end of the first frame that paints after the `painted` mark (trace); for mark.js, until a timer queued from the next animation frame runs, i.e. after that frame is rendered. These include the cost of rendering the marks, which the `painted` mark and mark.js\'s `done` do not.');
  out.push('- **Matcher ready**: `detail.ms` of the `negotiation-lens:matcher-ready` mark (`compileOnFirstUse` in `src/content/page-switch.ts`): unpacking the active pack\'s alias table, which the content script has read from `storage.local` (`pack:matcher`, written by the background), building the expression, and one run of it over a warm-up string so that V8 compiles it to machine code here rather than in the first slice of the scan (`src/matcher/compile.ts`), measured by the content script itself. The content script does this once per page, before it asks the background for the page policy.');
  out.push('- **Content script size**: `content-scripts/content.js` of each build (`.bench-output`, `.bench-output-10x`) compressed with `node:zlib` `gzipSync` (default level); 1 KB = 1,024 bytes. The alias table is no longer part of it, so both builds should give the same size.');
  out.push('- **Activating a pack**: in the build with the bundled pack, an extension page sends `activatePack` with the pack\'s text (unsigned, the reader\'s confirmation given) to the service worker, as an import from the options page does. The background times its own work (`ActivePackStore.activate` in `src/knowledge/active-pack.ts`: validate the text, read the previous pack, hash, diff, store both packs, derive and write the matcher table) and records it as the performance measure `negotiation-lens:pack-activated`, which the benchmark reads in the service worker (`worker.evaluate`). Before each activation the bundled pack is made active again (`useBundledPack`), so the diff is always against the bundled pack: empty for the bundled pack itself, 117 added topics for the 10× pack. The round trip adds the message, the signature check and copying the text.');
  out.push(`- **The in-run reference and "÷ ref"**: the machine is shared and its speed varies from day to day (on 2026-12-02 the plain scan took twice as long as on 2026-11-28, and every time with it). Every time in the report is also given as a multiple of this run\'s ${REFERENCE.label.replace(/^1 MB/, '1 MB')} (median), the "÷ ref" column. Its usual value is ${REFERENCE.usualMs} ms (measured ${REFERENCE.usualDate} at load average ${REFERENCE.usualLoad}; \`REFERENCE\` in \`bench/report.mjs\`). When this run\'s reference is within ${REFERENCE.tolerance}× of the usual value either way, absolute time budgets are judged on the times as measured; otherwise on the multiples, against the budget ÷ ${REFERENCE.usualMs} ms (shown in the budget column), and the result says "on the multiple". A slow machine then does not fail a good build, and a fast one does not hide a regression. Ratios and sizes need no calibration.`);
  out.push('- **Plain scan** (reference 1): in a browser without the extension, after the page has loaded and painted, a script walks `document.body`\'s text nodes with a `TreeWalker` and runs one regex over each: every alias text of the pack, escaped, longest first, joined with `|`, flags `giu`, whole words only (`(?<![\\p{L}\\p{N}_])…(?![\\p{L}\\p{N}_])`). It marks nothing, skips nothing and applies no case rules; timed with `performance.now()` from building the regex to the end of the walk.');
  out.push('- **mark.js** (reference 2): `mark.js` 8.11.1 (`node_modules/mark.js/dist/mark.min.js`, added with `addScriptTag`) `markRegExp` with the same regex on `document.body`, timed until its `done` callback; it wraps each match in a `<mark>` element.');
  out.push('- **In an isolated world**: the same two references, run through the DevTools protocol (`Page.createIsolatedWorld`, then `Runtime.evaluate` in that world; mark.js is evaluated there first). A content script runs in such a world: its own globals, and its own JavaScript wrapper for every DOM node it touches, which the page\'s main world does not pay for. The budgets compare with these rows, like with like; the main-world rows are kept for comparison with earlier reports.');
  out.push('- **Ratios** divide medians: ours (scan start → painted) ÷ the plain scan in an isolated world (budget ≤ 1.5×); mark.js ÷ ours, both in isolated worlds and both until their marks are on screen, which is what a reader waits for (budget: we are at least 4× faster; ours until on screen comes from the trace, so with `--no-trace` this row is left out); 10× pack ÷ bundled pack (budget ≤ 1.5×).');
  out.push('- **Popup**: `chrome-extension://<id>/popup.html` opened in a tab. First contentful paint is the `first-contentful-paint` paint entry (from navigation start). A MutationObserver installed before the popup\'s own scripts records when an element with `[data-ready]` appears and when the app replaces the static "Loading…" placeholder. The popup asks the background for the active pack (`getActivePack`) and renders once it arrives, so `[data-ready]` is when the popup is ready to read; the budget applies to it when the popup has one, else to FCP. The 10× row is the same in the 10× build, whose active pack is the 10× pack.');
  out.push(`- **Resource bounds**: the live page, once with and once without the extension, sampled every 2 s: our highlight ranges (sizes in \`CSS.highlights\`; the content script keeps at most MAX_MARKS = 5,000 marks), the renderer's heap after a forced full GC (DevTools protocol \`HeapProfiler.collectGarbage\` then \`Runtime.getHeapUsage\`: \`usedSize\`, V8's heap, plus \`embedderHeapUsedSize\`, Blink's heap of DOM nodes, ranges and highlights; the content script's isolated world lives in the page's V8 isolate, so its share is the heap with the extension minus the heap without, compared at the same number of paragraphs because the page grows more slowly when the extension keeps the main thread busy), and script and task time per second (\`Performance.getMetrics\` \`ScriptDuration\` and \`TaskDuration\` deltas). \`performance.memory\` was not used: it reports the same isolate, rounded.`);
  out.push('');
  out.push('## Budgets');
  out.push('');
  out.push(mdRow(['what', 'budget']), mdRow(['---', '---']));
  out.push(mdRow(['typical article, scan start → painted', `≤ ${BUDGETS.typicalScanMs} ms`]));
  out.push(mdRow(['1 MB page, scan start → painted', `≤ ${BUDGETS.bigScanMs} ms`]));
  out.push(mdRow(['1 MB page, longest content-script task', `≤ ${BUDGETS.longestTaskMs} ms`]));
  out.push(mdRow(['matcher ready, bundled pack', `≤ ${BUDGETS.matcherReadyMs} ms`]));
  out.push(mdRow(['matcher ready, 10× pack', `≤ ${BUDGETS.matcherReady10xMs} ms`]));
  out.push(mdRow(['content script, gzip (either build)', `≤ ${BUDGETS.contentGzipKB} KB`]));
  out.push(mdRow(['ours ÷ plain scan, isolated worlds (each page)', `≤ ${BUDGETS.vsPlainScan}×`]));
  out.push(mdRow(['mark.js ÷ ours, isolated worlds, until on screen (each page)', `≥ ${BUDGETS.vsMarkJs}×`]));
  out.push(mdRow(['10× pack ÷ bundled pack (each page)', `≤ ${BUDGETS.pack10x}×`]));
  out.push(mdRow(['popup, ready (`[data-ready]`, after the active pack arrived)', `≤ ${BUDGETS.popupMs} ms`]));
  out.push(mdRow(['live page, highlight ranges', `≤ ${BUDGETS.maxMarks} (MAX_MARKS)`]));
  out.push('');
  out.push(`Time budgets in ms are judged as measured when the in-run reference is within ${REFERENCE.tolerance}× of its usual ${REFERENCE.usualMs} ms, else on the multiple of the reference (see "The in-run reference" above). Activating a pack has no budget yet: the issue asks for the figures.`);
  out.push('');
  out.push('## Re-running');
  out.push('');
  out.push('```sh');
  out.push('npm run bench                      # builds into .bench-output*/, measures, prints PASS/FAIL; exits 1 if a budget fails');
  out.push('npm run bench -- --report-only     # the same, but always exits 0');
  out.push('npm run bench -- --write           # also rewrites this file from the measured numbers');
  out.push('npm run bench -- --runs 9          # more runs per figure (default 5)');
  out.push('npm run bench -- --quick           # 3 runs and a 8 s live page: a quick look, not for the record');
  out.push('BENCH_GROW_SECONDS=10 npm run bench   # shorter live-page run (default 20 s)');
  out.push('```');
  out.push('');
  out.push(
    'The benchmark builds the extension twice into its own folders (`OUT_DIR=.bench-output npx wxt build`, and the 10× pack into `.bench-output-10x`), so it never touches `.output`. It finds the browser like `npm test` (`CHROMIUM_PATH`, then the system\'s Chromium or Chrome), runs headless, and takes about 3–4 minutes on 2 cores. Raw numbers of the last run are in `bench/.generated/results.json`. Timings on a small machine are noisy: compare medians across several runs before drawing conclusions.',
  );
  out.push('');
  return out.join('\n');
}
