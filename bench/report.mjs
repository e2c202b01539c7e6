/**
 * Turns the benchmark's raw results into figures with budgets, a console table, and docs/performance.md.
 * Budgets are checked against the median of the runs; the max column shows the worst run.
 */

export const BUDGETS = {
  typicalScanMs: 10,
  bigScanMs: 80,
  longestTaskMs: 50,
  matcherReadyMs: 5,
  contentGzipKB: 20,
  vsPlainScan: 1.5,
  vsMarkJs: 4,
  pack10x: 1.5,
  popupMs: 100,
  maxMarks: 5000,
};

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

  const scan = 'Scan speed (with the extension)';
  row(scan, 'typicalScan', 'Typical article (~8 KB text): scan start → highlights painted', stat(pick(ext('typical'), (r) => r.scanMs)), 'ms', { op: '<=', value: BUDGETS.typicalScanMs });
  row(scan, 'bigScan', '1 MB page: scan start → highlights painted', stat(pick(ext('big'), (r) => r.scanMs)), 'ms', { op: '<=', value: BUDGETS.bigScanMs });
  if (traced) {
    row(scan, 'bigLongestScript', '1 MB page: longest content-script task during the scan (trace)', stat(trace(ext('big'), 'longestScript')), 'ms', { op: '<=', value: BUDGETS.longestTaskMs });
    row(scan, 'bigLongestRender', '1 MB page: longest rendering task during the scan (trace)', stat(trace(ext('big'), 'longestRender')), 'ms', null, 'style/layout/paint of the page and our highlights');
    row(scan, 'bigScriptMs', '1 MB page: content-script CPU time in the scan (sum of its tasks, trace)', stat(trace(ext('big'), 'scriptMs')), 'ms');
    row(scan, 'bigSlices', '1 MB page: content-script tasks (slices) in the scan', stat(trace(ext('big'), 'scriptSlices')), '');
    row(scan, 'typicalLongest', 'Typical article: longest task during the scan (trace)', stat(trace(ext('typical'), 'longestAny')), 'ms');
  }
  if (traced) row(scan, 'bigOnScreen', '1 MB page: scan start → last highlights on screen (next frame, trace)', stat(trace(ext('big'), 'onScreenMs')), 'ms');
  row(scan, 'bigLongtasks', '1 MB page: long tasks reported to a PerformanceObserver in the page during the scan', stat(pick(ext('big'), (r) => r.longtasks)), '', null, 'misses the scan\'s slices (promise continuations): see the trace rows');
  row(scan, 'matcherReady', 'Matcher ready (compile of the alias table, from the mark\'s detail.ms)', stat([...pick(ext('typical'), (r) => r.matcherMs), ...pick(ext('big'), (r) => r.matcherMs)]), 'ms', { op: '<=', value: BUDGETS.matcherReadyMs });
  row(scan, 'gzip', 'Content script size, gzip (content-scripts/content.js)', { median: results.gzip.content / 1024, max: null }, 'KB', { op: '<=', value: BUDGETS.contentGzipKB }, `${(results.gzip.contentRaw / 1024).toFixed(1)} KB before gzip`);
  row(scan, 'typicalRanges', 'Typical article: highlight ranges painted', stat(pick(ext('typical'), (r) => r.ranges)), '');
  row(scan, 'bigRanges', '1 MB page: highlight ranges painted', stat(pick(ext('big'), (r) => r.ranges)), '', null, 'only paragraphs within two screens of the viewport are painted (PAINT_MARGIN_SCREENS); the rest as the reader scrolls');

  const refs = 'References (same pages, a browser without the extension)';
  const plain = (page) => median(pick(runs[page].plain, (r) => r.ms));
  const mark = (page) => median(pick(runs[page].markjs, (r) => r.ms));
  const ours = (page) => median(pick(ext(page), (r) => r.scanMs));
  row(refs, 'typicalPlain', 'Typical article: plain scan (TreeWalker + one combined regex, no marking)', stat(pick(runs.typical.plain, (r) => r.ms)), 'ms');
  row(refs, 'bigPlain', '1 MB page: plain scan', stat(pick(runs.big.plain, (r) => r.ms)), 'ms');
  row(refs, 'typicalMark', 'Typical article: mark.js markRegExp, same regex, until done', stat(pick(runs.typical.markjs, (r) => r.ms)), 'ms');
  row(refs, 'bigMark', '1 MB page: mark.js', stat(pick(runs.big.markjs, (r) => r.ms)), 'ms');
  row(refs, 'bigMarkScreen', '1 MB page: mark.js until its marks are on screen (next frame)', stat(pick(runs.big.markjs, (r) => r.onScreenMs)), 'ms');
  row(refs, 'bigVsPlain', '1 MB page: ours ÷ plain scan (medians)', { median: ours('big') / plain('big'), max: null }, '×', { op: '<=', value: BUDGETS.vsPlainScan });
  if (traced) row(refs, 'bigCpuVsPlain', '1 MB page: our script CPU time ÷ plain scan (medians)', { median: median(trace(ext('big'), 'scriptMs')) / plain('big'), max: null }, '×');
  row(refs, 'bigVsMark', '1 MB page: mark.js ÷ ours (how many times faster we are)', { median: mark('big') / ours('big'), max: null }, '×', { op: '>=', value: BUDGETS.vsMarkJs });
  if (traced) row(refs, 'bigScreenVsMark', '1 MB page: mark.js ÷ ours, both until on screen', { median: median(pick(runs.big.markjs, (r) => r.onScreenMs)) / median(trace(ext('big'), 'onScreenMs')), max: null }, '×');
  row(refs, 'typicalVsPlain', 'Typical article: ours ÷ plain scan', { median: ours('typical') / plain('typical'), max: null }, '×', { op: '<=', value: BUDGETS.vsPlainScan });
  row(refs, 'typicalVsMark', 'Typical article: mark.js ÷ ours', { median: mark('typical') / ours('typical'), max: null }, '×', { op: '>=', value: BUDGETS.vsMarkJs });
  // The same references run in an isolated world, where a content script runs: like for like with ours.
  const iso = (page, series) => median(pick(runs[page][series] ?? [], (r) => r.ms));
  if (runs.big.plainIsolated?.length) {
    row(refs, 'typicalPlainIso', 'Typical article: plain scan in an isolated world', stat(pick(runs.typical.plainIsolated, (r) => r.ms)), 'ms', null, 'the same script run where a content script runs (DevTools protocol Page.createIsolatedWorld)');
    row(refs, 'bigPlainIso', '1 MB page: plain scan in an isolated world', stat(pick(runs.big.plainIsolated, (r) => r.ms)), 'ms');
    row(refs, 'typicalMarkIso', 'Typical article: mark.js in an isolated world', stat(pick(runs.typical.markjsIsolated, (r) => r.ms)), 'ms');
    row(refs, 'bigMarkIso', '1 MB page: mark.js in an isolated world', stat(pick(runs.big.markjsIsolated, (r) => r.ms)), 'ms');
    row(refs, 'bigVsPlainIso', '1 MB page: ours ÷ plain scan, both in isolated worlds', { median: ours('big') / iso('big', 'plainIsolated'), max: null }, '×');
    row(refs, 'bigVsMarkIso', '1 MB page: mark.js ÷ ours, both in isolated worlds', { median: iso('big', 'markjsIsolated') / ours('big'), max: null }, '×');
    row(refs, 'typicalVsMarkIso', 'Typical article: mark.js ÷ ours, both in isolated worlds', { median: iso('typical', 'markjsIsolated') / ours('typical'), max: null }, '×');
  }
  row(refs, 'plainMatches', '1 MB page: matches found by the plain scan', stat(pick(runs.big.plain, (r) => r.matches)), '', null, 'it also reads excluded elements and ignores case rules; we paint the first mention of a thing per paragraph');
  row(refs, 'markMatches', '1 MB page: matches marked by mark.js', stat(pick(runs.big.markjs, (r) => r.matches)), '');

  const big = `A ${results.pack.factor.toFixed(1)}× knowledge pack (${results.pack.aliases10x} aliases instead of ${results.pack.aliases})`;
  const ours10 = (page) => median(pick(ext10(page), (r) => r.scanMs));
  row(big, 'bigScan10x', '1 MB page: scan start → highlights painted', stat(pick(ext10('big'), (r) => r.scanMs)), 'ms');
  row(big, 'big10xRatio', '1 MB page: 10× pack ÷ bundled pack (medians)', { median: ours10('big') / ours('big'), max: null }, '×', { op: '<=', value: BUDGETS.pack10x });
  row(big, 'typicalScan10x', 'Typical article: scan start → highlights painted', stat(pick(ext10('typical'), (r) => r.scanMs)), 'ms');
  row(big, 'typical10xRatio', 'Typical article: 10× pack ÷ bundled pack', { median: ours10('typical') / ours('typical'), max: null }, '×', { op: '<=', value: BUDGETS.pack10x });
  if (traced) row(big, 'bigLongest10x', '1 MB page: longest content-script task (trace)', stat(trace(ext10('big'), 'longestScript')), 'ms');
  row(big, 'matcher10x', 'Matcher ready', stat([...pick(ext10('typical'), (r) => r.matcherMs), ...pick(ext10('big'), (r) => r.matcherMs)]), 'ms');
  row(big, 'gzip10x', 'Content script size, gzip', { median: results.gzip.content10x / 1024, max: null }, 'KB');

  const popup = 'Popup';
  const hasReady = results.popup.length > 0 && results.popup.every((r) => r.dataReady !== null);
  row(popup, 'popupFcp', 'First contentful paint (from navigation start)', stat(pick(results.popup, (r) => r.fcp)), 'ms', hasReady ? null : { op: '<=', value: BUDGETS.popupMs }, hasReady ? null : 'no [data-ready] element in the popup yet: the budget applies to FCP');
  row(popup, 'popupReady', '[data-ready] element present (from navigation start)', hasReady ? stat(pick(results.popup, (r) => r.dataReady)) : { median: null, max: null }, 'ms', hasReady ? { op: '<=', value: BUDGETS.popupMs } : null, hasReady ? null : 'not present');
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
  row(growth, 'growWork', 'Extension script work while the page grows (ms per s, with − without)', { median: median(growing(work)), max: max(growing(work)) }, 'ms');
  const busy = g.ext.map((s, i) => (g.none[i] ? s.taskMsPerS - g.none[i].taskMsPerS : null));
  row(growth, 'growBusy', 'Extra main-thread time while the page grows (task ms per s, with − without)', { median: median(growing(busy)), max: max(growing(busy)) }, 'ms', null, 'script plus the style, layout and paint work the highlights cause');

  for (const r of rows) r.pass = r.budget ? check(r.median, r.budget) : null;
  return rows;
}

function check(value, budget) {
  if (value === null || value === undefined || Number.isNaN(value)) return false;
  return budget.op === '<=' ? value <= budget.value : value >= budget.value;
}

const budgetText = (row) => (row.budget ? `${row.budget.op === '<=' ? '≤' : '≥'} ${fmt(row.budget.value, row.unit === '' ? '' : row.unit)}` : '');
const resultText = (row) => (row.pass === null ? '' : row.pass ? 'PASS' : 'FAIL');

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
    lines.push(`  ${r.label.padEnd(w)}  ${fmt(r.median, r.unit).padStart(9)}  ${fmt(r.max, r.unit).padStart(9)}  ${budgetText(r).padEnd(9)} ${resultText(r)}`);
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
  out.push(`Load average (1 min) at the start and the end of the run: ${m.loadStart.toFixed(1)} and ${m.loadEnd.toFixed(1)}${Math.max(m.loadStart, m.loadEnd) > m.cores ? ` — more than the ${m.cores} cores: other work shared the machine, so timings are higher and noisier than on an idle machine` : ''}.`);
  out.push('');
  out.push(failed.length === 0 ? '**All budgets pass.**' : `**${failed.length} budget${failed.length > 1 ? 's' : ''} failed:** ${failed.map((r) => `${r.label} (${fmt(r.median, r.unit)}, budget ${budgetText(r)})`).join('; ')}.`);
  out.push('');
  out.push('## Results');
  let section = '';
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      out.push('', `### ${section}`, '', mdRow(['figure', 'median', 'max', 'budget', 'result']), mdRow(['---', '---:', '---:', '---', '---']));
    }
    out.push(mdRow([r.note ? `${r.label} <br><small>${r.note}</small>` : r.label, fmt(r.median, r.unit), fmt(r.max, r.unit), budgetText(r), resultText(r) ? `**${resultText(r)}**` : '']));
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
  out.push(`- **${results.pack.factor.toFixed(1)}× pack** (\`pack-10x.json\`): \`data/pack.json\` plus synthetic topics with ${results.pack.aliases10x - results.pack.aliases} synthetic aliases (1–3 pseudo-words such as "Kravonel Drieska", case \`proper\`, ${results.pack.perTopic} per topic), ${results.pack.aliases10x} aliases in all (the pack checker allows 5,000). The pseudo-words start with many different letters, as real names do, so they add branches to the matcher's trie; they never occur in the pages. Built with \`PACK_PATH=bench/.generated/pack-10x.json OUT_DIR=.bench-output-10x npx wxt build\`.`);
  out.push('');
  out.push('## What each figure means');
  out.push('');
  out.push('- **Scan start → highlights painted**: from the content script\'s `negotiation-lens:scan-start` mark to its `negotiation-lens:painted` mark (after the initial scan\'s last highlights are added). Wall time: it includes the pauses in which the scan gives the page its thread back, and any rendering in between. Read with `performance.getEntriesByName()` from the page (Chromium shares the performance timeline between the page and the content script\'s isolated world). The content script starts on its own at `document_idle`; each run is a fresh tab.');
  out.push('- **Longest task during the scan (trace)**: every run is traced with the DevTools protocol (`Tracing.start`, categories `toplevel`, `devtools.timeline`, `blink.user_timing`); the renderer main thread\'s tasks overlapping the scan window (found by the two marks, which appear in the trace as user-timing events) are split into content-script tasks (JavaScript ran: the scan\'s slices) and rendering tasks (a frame: style, layout, paint of the page and of our highlights). The budget "no task over 50 ms" is checked on the content-script tasks. A `PerformanceObserver` for `longtask` installed in the page is kept as a cross-check, but it does not see the scan: in our runs a 290 ms content-script slice (10× pack) produced no longtask entry and a long-animation-frame entry with `blockingDuration` 0, while the content script\'s initial evaluation and a main-world busy loop were reported. The slices run as promise continuations (`scheduler.yield()`, the policy reply), which Chromium evidently does not count as long tasks; the trace does. Tracing did not change the scan times measurably (runs with `--no-trace` gave the same medians within noise); with `--no-trace` the trace rows are left out.');
  out.push('- **Content-script CPU time**: the sum of the content-script tasks in the scan window; unlike the wall time it leaves out rendering and idle gaps.');
  out.push('- **Last highlights on screen**: from scan start to the end of the first frame that paints after the `painted` mark (trace); for mark.js, until a timer queued from the next animation frame runs, i.e. after that frame is rendered. These include the cost of rendering the marks, which the `painted` mark and mark.js\'s `done` do not.');
  out.push('- **Matcher ready**: `detail.ms` of the `negotiation-lens:matcher-ready` mark: unpacking the alias table, building the expression, and one run of it over a warm-up string so that V8 compiles it to machine code here rather than in the first slice of the scan (`src/matcher/compile.ts`), measured by the content script itself. The content script does this once per page, before it asks the background for the page policy.');
  out.push('- **Content script size**: `.bench-output/chrome-mv3/content-scripts/content.js` compressed with `node:zlib` `gzipSync` (default level); 1 KB = 1,024 bytes.');
  out.push('- **Plain scan** (reference 1): in a browser without the extension, after the page has loaded and painted, a script walks `document.body`\'s text nodes with a `TreeWalker` and runs one regex over each: every alias text of the pack, escaped, longest first, joined with `|`, flags `giu`, whole words only (`(?<![\\p{L}\\p{N}_])…(?![\\p{L}\\p{N}_])`). It marks nothing, skips nothing and applies no case rules; timed with `performance.now()` from building the regex to the end of the walk.');
  out.push('- **mark.js** (reference 2): `mark.js` 8.11.1 (`node_modules/mark.js/dist/mark.min.js`, added with `addScriptTag`) `markRegExp` with the same regex on `document.body`, timed until its `done` callback; it wraps each match in a `<mark>` element.');
  out.push('- **In an isolated world**: the same two references, run through the DevTools protocol (`Page.createIsolatedWorld`, then `Runtime.evaluate` in that world; mark.js is evaluated there first). A content script runs in such a world: its own globals, and its own JavaScript wrapper for every DOM node it touches, which the page\'s main world does not pay for. These rows compare like with like; the budgets are still checked against the main-world references, as the issue set them.');
  out.push('- **Ratios** divide medians: ours ÷ plain scan (budget ≤ 1.5×), mark.js ÷ ours (budget: we are at least 4× faster), 10× pack ÷ bundled pack (budget ≤ 1.5×).');
  out.push('- **Popup**: `chrome-extension://<id>/popup.html` opened in a tab. First contentful paint is the `first-contentful-paint` paint entry (from navigation start). A MutationObserver installed before the popup\'s own scripts records when an element with `[data-ready]` appears and when the app replaces the static "Loading…" placeholder. The budget applies to `[data-ready]` when the popup has one, else to FCP.');
  out.push(`- **Resource bounds**: the live page, once with and once without the extension, sampled every 2 s: our highlight ranges (sizes in \`CSS.highlights\`; the content script keeps at most MAX_MARKS = 5,000 marks), the renderer's heap after a forced full GC (DevTools protocol \`HeapProfiler.collectGarbage\` then \`Runtime.getHeapUsage\`: \`usedSize\`, V8's heap, plus \`embedderHeapUsedSize\`, Blink's heap of DOM nodes, ranges and highlights; the content script's isolated world lives in the page's V8 isolate, so its share is the heap with the extension minus the heap without, compared at the same number of paragraphs because the page grows more slowly when the extension keeps the main thread busy), and script and task time per second (\`Performance.getMetrics\` \`ScriptDuration\` and \`TaskDuration\` deltas). \`performance.memory\` was not used: it reports the same isolate, rounded.`);
  out.push('');
  out.push('## Budgets');
  out.push('');
  out.push(mdRow(['what', 'budget']), mdRow(['---', '---']));
  out.push(mdRow(['typical article, scan start → painted', `≤ ${BUDGETS.typicalScanMs} ms`]));
  out.push(mdRow(['1 MB page, scan start → painted', `≤ ${BUDGETS.bigScanMs} ms`]));
  out.push(mdRow(['1 MB page, longest content-script task', `≤ ${BUDGETS.longestTaskMs} ms`]));
  out.push(mdRow(['matcher ready', `≤ ${BUDGETS.matcherReadyMs} ms`]));
  out.push(mdRow(['content script, gzip', `≤ ${BUDGETS.contentGzipKB} KB`]));
  out.push(mdRow(['ours ÷ plain scan (each page)', `≤ ${BUDGETS.vsPlainScan}×`]));
  out.push(mdRow(['mark.js ÷ ours (each page)', `≥ ${BUDGETS.vsMarkJs}×`]));
  out.push(mdRow(['10× pack ÷ bundled pack (each page)', `≤ ${BUDGETS.pack10x}×`]));
  out.push(mdRow(['popup, first content', `≤ ${BUDGETS.popupMs} ms`]));
  out.push(mdRow(['live page, highlight ranges', `≤ ${BUDGETS.maxMarks} (MAX_MARKS)`]));
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
    'The benchmark builds the extension twice into its own folders (`OUT_DIR=.bench-output npx wxt build`, and the 10× pack into `.bench-output-10x`), so it never touches `.output`. It finds the browser like `npm test` (`CHROMIUM_PATH`, then the system\'s Chromium or Chrome), runs headless, and takes about 2–3 minutes on 2 cores. Raw numbers of the last run are in `bench/.generated/results.json`. Timings on a small machine are noisy: compare medians across several runs before drawing conclusions.',
  );
  out.push('');
  return out.join('\n');
}
