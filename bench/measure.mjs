/**
 * What the benchmark measures in the browser, one function per kind of run. Each run opens a fresh tab and closes it.
 *
 * The content script's performance marks (negotiation-lens:matcher-ready / scan-start / painted) are read with
 * performance.getEntriesByName from the page: in Chromium the performance timeline is shared between the page and
 * the content script's isolated world. Task lengths come from a Chrome trace of the run (the DevTools protocol's
 * Tracing domain), cut to the scan's window by the same marks, which appear in the trace as user-timing events;
 * a PerformanceObserver for 'longtask' in the page counts tasks over 50 ms as a cross-check.
 *
 * Functions passed to page.evaluate run in the page; they are plain code, serialised by Playwright.
 */

/** Our marks' highlights: each style in each tone of the page (src/page/highlighter.ts, TONE_SUFFIXES). */
const HIGHLIGHTS = ['underline', 'background'].flatMap((style) => ['', '-dark', '-link', '-dark-link'].map((suffix) => `negotiation-lens-${style}${suffix}`));
const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', '__metadata'];

/**
 * Installed in every page of a context before its own scripts: records long tasks, and in the popup the moments
 * its app replaces the loading placeholder and an element with [data-ready] appears.
 */
export function initScript() {
  const state = { longtasks: [], appRendered: null, dataReady: null };
  Object.defineProperty(window, '__bench', { value: state });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no longtask support: the trace still gives task lengths
  }
  if (location.protocol === 'chrome-extension:') {
    const check = () => {
      const app = document.getElementById('app');
      if (state.appRendered === null && app && app.childElementCount > 0 && !app.querySelector('.loading')) state.appRendered = performance.now();
      if (state.dataReady === null && document.querySelector('[data-ready]')) state.dataReady = performance.now();
      if (state.appRendered !== null && state.dataReady !== null) observer.disconnect();
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  }
}

async function startTrace(context, page) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => {
    for (const event of e.value) events.push(event);
  });
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES }, transferMode: 'ReportEvents' });
  return {
    async stop() {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      return events;
    },
  };
}

const RENDER_EVENTS = new Set(['PrePaint', 'Paint', 'Layout', 'UpdateLayoutTree', 'Layerize', 'Commit']);
const SCRIPT_EVENTS = new Set(['RunMicrotasks', 'EvaluateScript', 'FunctionCall', 'v8.callFunction', 'TimerFire', 'FireAnimationFrame']);

/**
 * Main-thread tasks of the page's renderer that overlap the scan (scan-start … painted), from a Chrome trace.
 * A task is "render" when the scheduler ran it to produce a frame (style, layout, paint of the page and of our
 * highlights), "script" when JavaScript ran in it (the content script's slices; the pages here have no scripts of
 * their own during the scan), else "other".
 */
export function analyzeTrace(events, from = 'negotiation-lens:scan-start', to = 'negotiation-lens:painted') {
  const start = events.find((e) => e.name === from && e.ph !== 'e');
  const end = events.find((e) => e.name === to && e.ph !== 'e');
  if (!start || !end) return null;
  const onMain = events.filter((e) => e.pid === start.pid && e.tid === start.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const tasks = [];
  let lastEnd = -Infinity;
  for (const e of onMain) {
    if (e.name !== 'RunTask' || e.ts < lastEnd) continue;
    lastEnd = e.ts + e.dur;
    if (lastEnd < start.ts || e.ts > end.ts) continue;
    tasks.push({ ts: e.ts, dur: e.dur, kind: 'other', src: '', render: false, script: false });
  }
  // Classify each task by what ran inside it (events are sorted by start, tasks are disjoint).
  let t = 0;
  for (const e of onMain) {
    while (t < tasks.length && tasks[t].ts + tasks[t].dur < e.ts) t++;
    const task = tasks[t];
    if (!task || e.ts < task.ts) continue;
    if (e.name === 'ThreadControllerImpl::RunTask' && e.args?.src_func) task.src ||= e.args.src_func;
    if (RENDER_EVENTS.has(e.name)) task.render = true;
    if (SCRIPT_EVENTS.has(e.name) || (e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint' && e.dur >= 500)) task.script = true;
  }
  for (const task of tasks) task.kind = task.src === 'ScheduledActionSendBeginMainFrame' ? 'render' : task.script ? 'script' : task.render ? 'render' : 'other';
  // The first frame that paints after the painted mark: when the last highlights are on screen.
  const frame = onMain.find((e) => e.name === 'Paint' && e.ts > end.ts);
  const frameTask = frame && onMain.find((e) => e.name === 'RunTask' && e.ts <= frame.ts && e.ts + e.dur >= frame.ts);
  const ms = (us) => us / 1000;
  const longest = (kind) => ms(Math.max(0, ...tasks.filter((x) => !kind || x.kind === kind).map((x) => x.dur)));
  return {
    windowMs: ms(end.ts - start.ts),
    onScreenMs: frameTask ? ms(frameTask.ts + frameTask.dur - start.ts) : null,
    tasks: tasks.length,
    longestAny: longest(null),
    longestScript: longest('script'),
    longestRender: longest('render'),
    scriptMs: ms(tasks.filter((x) => x.kind === 'script').reduce((s, x) => s + x.dur, 0)),
    renderMs: ms(tasks.filter((x) => x.kind === 'render').reduce((s, x) => s + x.dur, 0)),
    scriptSlices: tasks.filter((x) => x.kind === 'script').length,
  };
}

/** One page load with the extension: the marks, our highlight count, long tasks, and the traced task lengths. */
export async function measureExtensionRun(context, url, { trace = true, timeout = 60_000 } = {}) {
  const page = await context.newPage();
  const tracer = trace ? await startTrace(context, page) : null;
  try {
    await page.goto(url, { waitUntil: 'load', timeout });
    await page.waitForFunction(() => performance.getEntriesByName('negotiation-lens:painted').length > 0, null, { polling: 50, timeout }).catch(() => {
      throw new Error(`the content script did not mark negotiation-lens:painted on ${url} within ${timeout / 1000} s (is the extension built and the page relevant?)`);
    });
    // Let the frame that shows the last highlights render and the longtask entries arrive.
    await page.waitForTimeout(250);
    const seen = await page.evaluate((names) => {
      const first = (name) => performance.getEntriesByName(name)[0] ?? null;
      const ready = first('negotiation-lens:matcher-ready');
      const start = first('negotiation-lens:scan-start');
      const painted = first('negotiation-lens:painted');
      let ranges = 0;
      for (const name of names) ranges += CSS.highlights.get(name)?.size ?? 0;
      const over = window.__bench.longtasks.filter((t) => t.start + t.duration >= start.startTime && t.start <= painted.startTime);
      return {
        matcherMs: ready?.detail?.ms ?? null,
        scanMs: painted.startTime - start.startTime,
        scanStartAt: start.startTime,
        ranges,
        longtasks: over.length,
        longtaskMax: Math.max(0, ...over.map((t) => t.duration)),
      };
    }, HIGHLIGHTS);
    const events = tracer ? await tracer.stop() : null;
    return { ...seen, trace: events ? analyzeTrace(events) : null };
  } finally {
    await page.close();
  }
}

async function loadSettled(context, url) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  // Two frames: the page's first layout and paint are done before the reference starts.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  return page;
}

/** Reference 1, run in a page: a TreeWalker over every text node and one combined regex; nothing is marked. */
function plainScan({ source, flags }) {
  const t0 = performance.now();
  const re = new RegExp(source, flags);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let matches = 0;
  let nodes = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes++;
    const text = node.data;
    re.lastIndex = 0;
    while (re.exec(text) !== null) matches++;
  }
  return { ms: performance.now() - t0, matches, nodes };
}

/** Reference 2, run in a page that has mark.js: markRegExp with the same regex, timed until its done callback. */
function markJsRun({ source, flags }) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const re = new RegExp(source, flags);
    new window.Mark(document.body).markRegExp(re, {
      done: (count) => {
        const ms = performance.now() - t0;
        // A timer queued from a frame callback runs once that frame has been rendered.
        requestAnimationFrame(() => setTimeout(() => resolve({ ms, onScreenMs: performance.now() - t0, matches: count })));
      },
    });
  });
}

/**
 * Runs `fn(arg)` in the page, either in its main world (as a page script) or in a fresh isolated world: the kind
 * of world a content script runs in, with its own globals and its own wrappers for every DOM object it touches.
 * `prelude` is evaluated in the same world first (mark.js).
 */
async function runInWorld(context, page, world, fn, arg, prelude = null) {
  if (world === 'main') {
    if (prelude) await page.addScriptTag({ content: prelude });
    return page.evaluate(fn, arg);
  }
  const cdp = await context.newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId: contextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'bench-reference' });
    const evaluate = async (expression) => {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true });
      if (exceptionDetails) throw new Error(`reference failed in the isolated world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return result.value;
    };
    if (prelude) await evaluate(prelude);
    return await evaluate(`(${fn.toString()})(${JSON.stringify(arg)})`);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Reference 1: the plain scan, in the page's main world or in an isolated world (`world`). */
export async function measurePlainScan(context, url, regex, { world = 'main' } = {}) {
  const page = await loadSettled(context, url);
  try {
    return await runInWorld(context, page, world, plainScan, regex);
  } finally {
    await page.close();
  }
}

/** Reference 2: mark.js, in the page's main world or in an isolated world (`world`). */
export async function measureMarkJs(context, url, regex, markJsSource, { world = 'main' } = {}) {
  const page = await loadSettled(context, url);
  try {
    return await runInWorld(context, page, world, markJsRun, regex, markJsSource);
  } finally {
    await page.close();
  }
}

/** The toolbar popup opened as a tab: first contentful paint, and when its app content / [data-ready] appear. */
export async function measurePopupRun(context, extensionId, { waitMs = 1500 } = {}) {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/popup.html`, { waitUntil: 'load' });
    await page
      .waitForFunction(() => window.__bench.dataReady !== null, null, { polling: 50, timeout: waitMs })
      .catch(() => undefined);
    await page
      .waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { polling: 50, timeout: 3000 })
      .catch(() => undefined);
    return await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      appRendered: window.__bench.appRendered,
      dataReady: window.__bench.dataReady,
    }));
  } finally {
    await page.close();
  }
}

/**
 * A live page that keeps appending paragraphs: every `sampleMs`, the number of our highlight ranges, the renderer's
 * heap after a full GC (DevTools protocol Runtime.getHeapUsage: V8's heap, which holds the page's and the content
 * script's worlds together, plus Blink's heap of DOM objects, ranges and highlights), and the script and task time per second (Performance.getMetrics ScriptDuration and
 * TaskDuration deltas). Run once with and once without the extension; the difference is the extension's share.
 */
export async function measureGrowth(context, url, { seconds, sampleMs = 2000 }) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    const metrics = async () => {
      const { metrics: list } = await cdp.send('Performance.getMetrics');
      const get = (name) => list.find((m) => m.name === name)?.value ?? 0;
      return { script: get('ScriptDuration'), task: get('TaskDuration') };
    };
    await page.goto(url, { waitUntil: 'load' });
    const t0 = Date.now();
    let last = { ...(await metrics()), at: t0 };
    const samples = [];
    let settled = false;
    for (;;) {
      await page.waitForTimeout(Math.max(0, t0 + (samples.length + 1) * sampleMs - Date.now()));
      const state = await page.evaluate((names) => {
        let ranges = 0;
        for (const name of names) ranges += CSS.highlights.get(name)?.size ?? 0;
        return { ranges, paragraphs: document.getElementsByTagName('p').length, done: window.__growDone === true };
      }, HIGHLIGHTS);
      const now = { ...(await metrics()), at: Date.now() };
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const dt = (now.at - last.at) / 1000;
      samples.push({
        t: (now.at - t0) / 1000,
        paragraphs: state.paragraphs,
        ranges: state.ranges,
        jsHeapMB: heap.usedSize / 2 ** 20,
        // Blink's own heap (DOM nodes, ranges, highlights), where the browser reports it.
        blinkHeapMB: (heap.embedderHeapUsedSize ?? 0) / 2 ** 20,
        heapMB: (heap.usedSize + (heap.embedderHeapUsedSize ?? 0)) / 2 ** 20,
        scriptMsPerS: ((now.script - last.script) * 1000) / dt,
        taskMsPerS: ((now.task - last.task) * 1000) / dt,
      });
      last = { ...(await metrics()), at: Date.now() };
      // One more sample after the page stops growing shows where things settle.
      if (state.done || (now.at - t0) / 1000 > seconds + 10) {
        if (settled) break;
        settled = true;
      }
    }
    return samples;
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

/**
 * Activating a pack in the background, as an import does: an extension page sends `activatePack` (unsigned, the
 * reader's confirmation given), and the service worker's own measure of the activation (validate, diff, store,
 * derive and write the matcher table: PACK_ACTIVATED_MEASURE in src/knowledge/active-pack.ts) is read there. Each
 * activation starts from the bundled pack (`useBundledPack` before it), and the bundled pack is active again after.
 * Returns the stages from the service worker and the round trip as the page saw it.
 */
export async function measurePackActivation(context, extensionId, text) {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/popup.html`, { waitUntil: 'load' });
    const send = (message) => page.evaluate((m) => chrome.runtime.sendMessage(m), message);
    await send({ type: 'useBundledPack', payload: {} });
    const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`));
    await worker.evaluate(() => performance.clearMeasures('negotiation-lens:pack-activated'));
    const roundTrip = await page.evaluate(async (payload) => {
      const t0 = performance.now();
      const reply = await chrome.runtime.sendMessage({ type: 'activatePack', payload });
      return { ms: performance.now() - t0, ok: reply?.ok === true };
    }, { text, signature: null, acceptUnofficial: true });
    if (!roundTrip.ok) throw new Error('the background refused the pack the benchmark activates');
    const stages = await worker.evaluate(() => performance.getEntriesByName('negotiation-lens:pack-activated').at(-1)?.detail ?? null);
    await send({ type: 'useBundledPack', payload: {} });
    return { ...stages, roundTripMs: roundTrip.ms };
  } finally {
    await page.close();
  }
}
