/**
 * Page-safety fuzzing: the built extension on a few hundred generated pages (tests/fuzz/page-generator.ts) in real
 * Chromium. Pages are served from memory through Playwright routes on http://fuzz.test/ (extension on) and
 * http://fuzz-off.test/ (extension switched off for the site, the reference), so no files are written.
 *
 *   FUZZ_SEED=<first seed> FUZZ_PAGES=<count> CHROMIUM_PATH=… npx playwright test tests/e2e/fuzz.spec.ts
 *
 * Defaults: 200 pages from seed 20251128, three pages at a time (FUZZ_LANES). A failure names its seed;
 * FUZZ_SEED=<seed> FUZZ_PAGES=1 replays it. Seeds that are multiples of 3 run with "mark every mention" on.
 *
 * On every page, after the page's own script has finished (it edits the page for ~300 ms from load) and the
 * highlight count has been still for QUIET_MS:
 * 1. The page is unchanged apart from our one host element, checked three ways:
 *    a. a mutation audit: an init script observes every DOM mutation (document, open shadow roots, srcdoc frames)
 *       after DOMContentLoaded; the page's script runs its changes inside `__fuzzAudit.own()`, which sets its
 *       records aside. Anything else (an attribute, a text edit, a node) is foreign, except our host arriving or
 *       leaving at the document root. This is exact and needs no timing: the strongest of the three.
 *    b. every element in the document, its open shadow roots and same-origin frames carries the generator's
 *       data-g (or is html/head/body/title/meta): nothing was inserted, wherever it might hide;
 *    c. the serialized DOM (pageDomWithoutOurHost, plus open shadow roots and frame documents) equals the same
 *       seed's in the reference tab loaded at the same time with the extension off. The page's script is
 *       deterministic, so the final DOMs must match byte for byte.
 * 2. Our scripts throw nothing: console errors and page errors from chrome-extension:// URLs or naming
 *    "Negotiation Lens" (Playwright events), uncaught exceptions and console errors in the extension's isolated
 *    world (DevTools protocol: Playwright does not report that world), and the service worker's console errors.
 *    A probe throws in the isolated world first, to prove the channel catches what it should.
 * 3. Nothing inside an excluded region is marked: marksInside(page, '[data-excluded]') is [].
 * 4. Relevance: a page the generator made relevant has marks, a page it did not has none.
 * 5. Marks are sound: every painted range lies in a connected text node, within its length, and its text, read
 *    alone, is exactly one mention to the matcher (no stale offsets after the page's edits).
 * Some pages also open a card by hovering a mark, or have text typed into their editable area, and are checked
 * again afterwards. A page that does not settle within SETTLE_CAP_MS is counted in the summary and checked anyway.
 *
 * The regression tests at the end replay a fault this fuzzer found (text that became excluded after it was
 * marked kept its marks), fixed in src/page/page-lens.ts.
 */
import type { BrowserContext, CDPSession, Page, Route } from '@playwright/test';
import { aliasTableFromPack } from '../../src/knowledge/alias-table-from-pack';
import { compileMatcher } from '../../src/matcher/compile';
import { findMentions } from '../../src/matcher/find-mentions';
import { generatePage, type GeneratedPage, type GeneratorOptions } from '../fuzz/page-generator';
import { bundledPack } from '../helpers/packs';
import { cardText, expect, markCount, marksInside, markPoint, pageDomWithoutOurHost, rescanAfter, setStorage, test } from './fixtures';

const BASE_SEED = Number(process.env.FUZZ_SEED ?? 20251128);
const PAGE_COUNT = Number(process.env.FUZZ_PAGES ?? 200);
const HOST_ON = 'fuzz.test';
const HOST_OFF = 'fuzz-off.test';
/** The highlight count must stay the same this long after the page's script is done (our batches wait 120 ms). */
const QUIET_MS = 160;
/** Longest wait for the highlights to hold still before the checks run anyway. */
const SETTLE_CAP_MS = 4000;
/**
 * Longest wait for the page's own script to finish (its signal, `__gDone`) and for our first scan (its
 * `painted` mark). Both come well within a second on a quiet machine; the cap only ends a wait that would never
 * end, and it must not end one that a busy machine makes slow: two cores shared with other builds ran the page
 * scripts of the reference tabs past four seconds.
 */
const SCRIPT_CAP_MS = 30_000;
/** Relevant pages whose seed is a multiple of HOVER_EVERY open a card; editable pages at TYPE_EVERY are typed into. */
const HOVER_EVERY = 8;
const TYPE_EVERY = 6;
/** Pages checked at the same time, each with its own pair of tabs (most of a page's time is waiting). */
const LANES = Math.max(1, Number(process.env.FUZZ_LANES ?? 3));
/**
 * FUZZ_EXCLUSION=move|attribute adds the generator's exclusion changes (text that becomes excluded after it was
 * marked) to every page; by default two pages in five get one (see exclusionFor); FUZZ_EXCLUSION=none turns them off.
 */
const EXCLUSION = process.env.FUZZ_EXCLUSION === 'move' || process.env.FUZZ_EXCLUSION === 'attribute' ? process.env.FUZZ_EXCLUSION : undefined;

interface AuditApi {
  own(fn: () => void): void;
  pause(): void;
  resume(): void;
  report(): string[];
}

/**
 * Runs in every frame before the page's scripts (main world). Records DOM mutations the page did not make itself.
 * Serialized by Playwright: it may use nothing from this module.
 */
function installAudit(): void {
  const w = window as unknown as { __fuzzAudit?: AuditApi };
  if (w.__fuzzAudit) return;
  const isHost = (n: Node): boolean => n.nodeType === 1 && (n as Element).hasAttribute('data-negotiation-lens-ui');
  const foreign: string[] = [];
  let armed = false;
  const inHost = (node: Node | null): boolean => {
    for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) if (isHost(n)) return true;
    return false;
  };
  const name = (node: Node): string => {
    if (node.nodeType === 1) {
      const el = node as Element;
      return `${el.localName}${el.id ? `#${el.id}` : ''}`;
    }
    return `${node.nodeName}(${(node.textContent ?? '').slice(0, 30)})`;
  };
  const consider = (records: MutationRecord[]) => {
    if (!armed) return;
    for (const r of records) {
      if (inHost(r.target)) continue;
      if (r.type === 'childList' && r.target === document.documentElement) {
        const nodes = [...r.addedNodes, ...r.removedNodes];
        if (nodes.length > 0 && nodes.every(isHost)) continue;
      }
      const added = [...r.addedNodes].map(name).join(',');
      const removed = [...r.removedNodes].map(name).join(',');
      foreign.push(`${r.type} on ${name(r.target)}${r.attributeName ? ` [${r.attributeName}]` : ''}${added ? ` +${added}` : ''}${removed ? ` -${removed}` : ''}`);
    }
  };
  const options: MutationObserverInit = { subtree: true, childList: true, attributes: true, characterData: true };
  const observer = new MutationObserver(consider);
  observer.observe(document, options);
  const observeShadowRoots = (root: Document | ShadowRoot) => {
    root.querySelectorAll('*').forEach((el) => {
      if (el.shadowRoot) {
        observer.observe(el.shadowRoot, options);
        observeShadowRoots(el.shadowRoot);
      }
    });
  };
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      // What the parser built is the page; from here on, only the page's script may change it.
      observer.takeRecords();
      observeShadowRoots(document);
      armed = true;
    },
    { capture: true, once: true },
  );
  w.__fuzzAudit = {
    own(fn) {
      consider(observer.takeRecords());
      try {
        fn();
      } finally {
        observer.takeRecords();
      }
    },
    pause() {
      consider(observer.takeRecords());
      armed = false;
    },
    resume() {
      observer.takeRecords();
      armed = true;
    },
    report() {
      consider(observer.takeRecords());
      return foreign.slice();
    },
  };
}

/** Errors from our code, from every channel we can hear. */
class ErrorWatch {
  readonly errors: string[] = [];
  readonly pageErrors: string[] = [];
  private readonly extensionContexts = new Set<number>();
  private cdp: CDPSession | null = null;

  async attach(page: Page): Promise<void> {
    const ours = (text: string, url = '') => url.startsWith('chrome-extension://') || /Negotiation Lens/i.test(text);
    page.on('console', (message) => {
      if (message.type() === 'error' && ours(message.text(), message.location().url)) this.errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => {
      if (ours(`${error.message}\n${error.stack ?? ''}`, /chrome-extension:\/\//.test(error.stack ?? '') ? 'chrome-extension://' : '')) this.errors.push(`pageerror: ${error.message}`);
      // The generated page's own script must not throw either: that would be a generator bug hiding coverage.
      else this.pageErrors.push(`page script: ${error.message}`);
    });
    const cdp = await page.context().newCDPSession(page);
    this.cdp = cdp;
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const aux = context.auxData as { type?: string } | undefined;
      if (context.origin.startsWith('chrome-extension://') || (aux?.type === 'isolated' && /Negotiation Lens/i.test(context.name))) this.extensionContexts.add(context.id);
    });
    cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) => {
      const text = `${exceptionDetails.text} ${exceptionDetails.exception?.description ?? ''}`;
      const url = exceptionDetails.url ?? exceptionDetails.stackTrace?.callFrames[0]?.url ?? '';
      if ((exceptionDetails.executionContextId !== undefined && this.extensionContexts.has(exceptionDetails.executionContextId)) || ours(text, url))
        this.errors.push(`exception: ${text.trim()}`);
    });
    cdp.on('Runtime.consoleAPICalled', ({ type, executionContextId, args }) => {
      if ((type === 'error' || type === 'assert') && this.extensionContexts.has(executionContextId))
        this.errors.push(`isolated-world console.${type}: ${args.map((a) => a.value ?? a.description ?? '').join(' ')}`);
    });
    await cdp.send('Runtime.enable');
  }

  /** Throws inside the extension's isolated world of the current page: the watch must hear it. */
  async probe(): Promise<void> {
    const id = [...this.extensionContexts].at(-1);
    if (id === undefined || !this.cdp) throw new Error('no isolated world of the extension found on the page');
    await this.cdp.send('Runtime.evaluate', {
      contextId: id,
      expression: "setTimeout(() => { throw new Error('Negotiation Lens fuzz probe'); }, 0); Promise.reject(new Error('probe rejection')); console.error('probe console');",
    });
  }

  take(): string[] {
    return this.errors.splice(0);
  }
}

/** Elements, anywhere in the page (open shadow roots and same-origin frames included), that the page did not write. */
async function untaggedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const allowed = new Set(['html', 'head', 'body', 'title', 'meta']);
    const out: string[] = [];
    const visit = (root: Document | ShadowRoot, where: string) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.hasAttribute('data-negotiation-lens-ui')) continue;
        if (!el.hasAttribute('data-g') && !allowed.has(el.localName)) out.push(`${where}${el.localName}`);
        if (el.shadowRoot) visit(el.shadowRoot, `${where}${el.localName}>shadow>`);
        if (el instanceof HTMLIFrameElement) {
          try {
            if (el.contentDocument) visit(el.contentDocument, `${where}iframe>`);
          } catch {
            // A cross-origin frame is not the page's DOM for this check.
          }
        }
      }
    };
    visit(document, '');
    return out;
  });
}

/** pageDomWithoutOurHost, plus every open shadow root and srcdoc document, serialized. */
async function fullDom(page: Page): Promise<string> {
  const main = await pageDomWithoutOurHost(page);
  const inner = await page.evaluate(() => {
    const out: string[] = [];
    const serializer = new XMLSerializer();
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.hasAttribute('data-negotiation-lens-ui')) continue;
        if (el.shadowRoot) {
          out.push(`shadow(${el.localName}.${el.className}): ${serializer.serializeToString(el.shadowRoot)}`);
          visit(el.shadowRoot);
        }
        if (el instanceof HTMLIFrameElement && el.contentDocument) {
          out.push(`frame: ${serializer.serializeToString(el.contentDocument)}`);
          visit(el.contentDocument);
        }
      }
    };
    visit(document);
    return out.join('\n');
  });
  return `${main}\n${inner}`;
}

/** Waits until the page's script is done (and, with the extension on, its first scan), then for still highlights. */
async function settle(page: Page, extensionOn: boolean): Promise<{ count: number; settled: boolean }> {
  const ready = await page
    .waitForFunction(
      (on) => (window as unknown as { __gDone?: boolean }).__gDone === true && (!on || performance.getEntriesByName('negotiation-lens:painted').length > 0),
      extensionOn,
      { polling: 20, timeout: SCRIPT_CAP_MS },
    )
    .then(() => true)
    .catch(() => false);
  if (!extensionOn) return { count: 0, settled: ready };
  const still = await page.evaluate(
    ({ quiet, cap }) =>
      new Promise<{ count: number; settled: boolean }>((resolve) => {
        const count = () => {
          let total = 0;
          for (const [name, marks] of CSS.highlights) if (/^negotiation-lens-(underline|background)/.test(name)) total += marks.size;
          return total;
        };
        const start = performance.now();
        let last = count();
        let since = start;
        const tick = () => {
          const now = performance.now();
          const c = count();
          if (c !== last) {
            last = c;
            since = now;
          }
          if (now - since >= quiet) resolve({ count: c, settled: true });
          else if (now - start >= cap) resolve({ count: c, settled: false });
          else setTimeout(tick, 20);
        };
        tick();
      }),
    { quiet: QUIET_MS, cap: SETTLE_CAP_MS },
  );
  return { count: still.count, settled: ready && still.settled };
}

const frameAudits = async (page: Page): Promise<string[]> => {
  const out: string[] = [];
  for (const frame of page.frames()) {
    const report = await frame.evaluate(() => (window as unknown as { __fuzzAudit?: AuditApi }).__fuzzAudit?.report() ?? ['no audit in frame']).catch(() => [] as string[]);
    out.push(...report.map((r) => (frame === page.mainFrame() ? r : `frame ${frame.url()}: ${r}`)));
  }
  return out;
};

interface Lane {
  on: Page;
  off: Page;
  watch: ErrorWatch;
}

interface Tally {
  failures: string[];
  mentions: number;
  relevantPages: number;
  hovered: number;
  typed: number;
  unsettled: number;
}

const matcher = compileMatcher(aliasTableFromPack(bundledPack()));

/** Problems with the painted ranges themselves: stale nodes or offsets, or text that is not one mention. */
async function unsoundMarks(page: Page): Promise<string[]> {
  const ranges = await page.evaluate(() => {
    const out: { connected: boolean; text: boolean; start: number; end: number; length: number; slice: string }[] = [];
    for (const [name, marks] of CSS.highlights)
      for (const r of (/^negotiation-lens-(underline|background)/.test(name) ? marks : []) as Iterable<AbstractRange>) {
        const node = r.startContainer;
        const data = node.nodeType === 3 ? (node as Text).data : '';
        out.push({ connected: node.isConnected, text: node.nodeType === 3 && r.endContainer === node, start: r.startOffset, end: r.endOffset, length: data.length, slice: data.slice(r.startOffset, r.endOffset) });
      }
    return out;
  });
  const problems: string[] = [];
  for (const r of ranges) {
    if (!r.connected) problems.push(`mark in a detached node (${JSON.stringify(r.slice)})`);
    else if (!r.text) problems.push('mark that is not within one text node');
    else if (!(r.start >= 0 && r.start < r.end && r.end <= r.length)) problems.push(`mark offsets ${r.start}..${r.end} outside a node of length ${r.length}`);
    else {
      const found = findMentions(matcher, r.slice);
      if (found.length !== 1 || found[0]!.start !== 0 || found[0]!.end !== r.slice.length) problems.push(`mark text is not one mention: ${JSON.stringify(r.slice)}`);
    }
  }
  return problems;
}

/** How long the fuzz waits for an editable area to take a click. */
const CLICK_TIMEOUT_MS = 20_000;

/** Waits for our card to open (a quicker poll than waitForCard's: this runs on many pages). */
async function cardOpens(page: Page, timeout = 5000): Promise<boolean> {
  return expect
    .poll(async () => (await cardText(page)) !== null, { timeout, intervals: [50] })
    .toBe(true)
    .then(
      () => true,
      () => false,
    );
}

/** Serves generated pages from memory on both hosts; `options` are passed to the generator. */
/**
 * By default one page in five moves marked text into an excluded region after load, and one in five makes a
 * marked region excluded or hidden; FUZZ_EXCLUSION=move|attribute applies one kind to every page.
 */
function exclusionFor(seed: number, options: GeneratorOptions): GeneratorOptions {
  if (options.exclusionChanges || process.env.FUZZ_EXCLUSION === 'none') return options;
  const kind = seed % 5 === 1 ? 'move' : seed % 5 === 2 ? 'attribute' : undefined;
  return kind ? { ...options, exclusionChanges: kind } : options;
}

async function servePages(context: BrowserContext, options: GeneratorOptions = {}): Promise<(seed: number) => GeneratedPage> {
  const generated = new Map<number, GeneratedPage>();
  const pageFor = (seed: number) => {
    let page = generated.get(seed);
    if (!page) generated.set(seed, (page = generatePage(seed, exclusionFor(seed, options))));
    // Keep a handful: each seed is served to two tabs and then read by the checks.
    if (generated.size > 16) generated.delete(generated.keys().next().value!);
    return page;
  };
  const serve = async (route: Route) => {
    const seed = Number(new URL(route.request().url()).pathname.split('/').at(-1));
    if (!Number.isInteger(seed)) return route.fulfill({ status: 404, body: 'not found' });
    await route.fulfill({ body: pageFor(seed).html, contentType: 'text/html; charset=utf-8' });
  };
  await context.route(`http://${HOST_ON}/**`, serve);
  await context.route(`http://${HOST_OFF}/**`, serve);
  await context.addInitScript(installAudit);
  return pageFor;
}

/** Loads one seed in both tabs of a lane and runs every check; returns the problems found. */
async function checkSeed(lane: Lane, page: GeneratedPage, tally: Tally, workerErrors: string[]): Promise<string[]> {
  const { on, off, watch } = lane;
  const { seed } = page;
  const problems: string[] = [];
  const fail = (what: string) => problems.push(what);

  // 'commit': the settle wait below waits for the load event and the page's script anyway.
  await Promise.all([on.goto(`http://${HOST_ON}/page/${seed}`, { waitUntil: 'commit' }), off.goto(`http://${HOST_OFF}/page/${seed}`, { waitUntil: 'commit' })]);
  const [state, reference] = await Promise.all([settle(on, true), settle(off, false)]);
  if (!state.settled) tally.unsettled++;
  if (!reference.settled) fail('reference tab: the page script never finished');

  // 3. Nothing inside an excluded region is marked.
  const inside = await marksInside(on, '[data-excluded]');
  if (inside.length > 0) fail(`marked inside excluded regions: ${JSON.stringify(inside.slice(0, 5))}`);
  // 4. Relevance as the generator made it.
  const count = await markCount(on);
  if (page.relevant && count === 0) fail('relevant page has no marks');
  if (!page.relevant && count > 0) fail(`page that is not relevant has ${count} marks`);
  // 5. Marks are sound.
  const unsound = await unsoundMarks(on);
  if (unsound.length > 0) fail(`${unsound.length} unsound marks: ${unsound.slice(0, 3).join('; ')}`);
  // 1. The page is as the page made it.
  const audit = await frameAudits(on);
  if (audit.length > 0) fail(`DOM mutations the page did not make: ${audit.slice(0, 5).join('; ')}`);
  const untagged = await untaggedElements(on);
  if (untagged.length > 0) fail(`elements the page did not create: ${untagged.slice(0, 5).join(', ')}`);
  const hosts = await on.evaluate(() => document.querySelectorAll('[data-negotiation-lens-ui]').length);
  if (hosts > 1) fail(`${hosts} host elements`);
  const [domOn, domOff] = await Promise.all([fullDom(on), fullDom(off)]);
  if (domOn !== domOff) {
    let at = 0;
    while (at < domOn.length && domOn[at] === domOff[at]) at++;
    fail(`DOM differs from the extension-off reference at ${at}: ${JSON.stringify(domOn.slice(Math.max(0, at - 60), at + 60))} vs ${JSON.stringify(domOff.slice(Math.max(0, at - 60), at + 60))}`);
  }

  // Interactions on some pages: open a card by hovering a mark; type into the page's editable area.
  if (page.relevant && count > 0 && seed % HOVER_EVERY === 0) {
    try {
      const point = await markPoint(on, /\S/);
      await on.mouse.move(point.x, point.y);
      if (await cardOpens(on)) tally.hovered++;
      else fail('hovering a mark opened no card');
      const after = await on.evaluate(() => document.querySelectorAll('[data-negotiation-lens-ui]').length);
      if (after !== 1) fail(`${after} host elements with a card open`);
    } catch (error) {
      fail(`hover: ${(error as Error).message.split('\n')[0]}`);
    }
    await on.mouse.move(1, 1);
  }
  if (page.features.includes('contenteditable') && seed % TYPE_EVERY === 0) {
    // Typing is the user's change, not ours: the audit looks away meanwhile.
    await on.evaluate(() => (window as unknown as { __fuzzAudit: AuditApi }).__fuzzAudit.pause());
    try {
      // Clicking waits for the area to hold still; on pages whose live script keeps changing them, with three lanes
      // on a busy machine, that took longer than a few seconds.
      await on.locator('[contenteditable]:not([contenteditable="false"])').first().click({ timeout: CLICK_TIMEOUT_MS });
      await rescanAfter(on, async () => {
        await on.keyboard.type(' Kyiv ');
        await on.keyboard.insertText('Zelensky met Putin 🇺🇦 and Lavrov in Moscow.');
      });
      tally.typed++;
    } catch (error) {
      fail(`typing: ${(error as Error).message.split('\n')[0]}`);
    }
    await on.evaluate(() => (window as unknown as { __fuzzAudit: AuditApi }).__fuzzAudit.resume());
    const typedInside = await marksInside(on, '[data-excluded]');
    if (typedInside.length > 0) fail(`marked inside excluded regions after typing: ${JSON.stringify(typedInside.slice(0, 5))}`);
  }
  const laterAudit = await frameAudits(on);
  if (laterAudit.length > audit.length) fail(`DOM mutations after interaction: ${laterAudit.slice(audit.length, audit.length + 5).join('; ')}`);

  // 2. No errors from our code (the service worker's are shared by the lanes; whoever looks first reports them).
  const errors = [...watch.take(), ...workerErrors.splice(0)];
  if (errors.length > 0) fail(`errors: ${errors.slice(0, 5).join(' | ')}`);
  const pageErrors = watch.pageErrors.splice(0);
  if (pageErrors.length > 0) fail(`the generated page threw (generator bug): ${pageErrors.slice(0, 3).join(' | ')}`);

  tally.mentions += count;
  if (page.relevant) tally.relevantPages++;
  return problems;
}

test('fuzz: generated pages stay intact, error-free, and unmarked where text is excluded', async ({ context, serviceWorker }) => {
  test.setTimeout(60_000 + PAGE_COUNT * 3_000);
  const started = Date.now();
  const last = BASE_SEED + PAGE_COUNT - 1;
  console.log(`fuzz: seeds ${BASE_SEED}..${last} (FUZZ_SEED=${BASE_SEED} FUZZ_PAGES=${PAGE_COUNT}), ${LANES} lanes${EXCLUSION ? `, exclusion changes: ${EXCLUSION}` : ''}`);
  const pageFor = await servePages(context, { exclusionChanges: EXCLUSION });

  const workerErrors: string[] = [];
  serviceWorker.on('console', (message) => {
    if (message.type() === 'error') workerErrors.push(`service worker: ${message.text()}`);
  });
  await setStorage(serviceWorker, { [`site:${HOST_OFF}`]: 'off', [`site:${HOST_ON}`]: 'on', 'pref:markScope': 'paragraph', 'pref:wholePage': true });

  const lanes: Lane[] = [];
  for (let i = 0; i < LANES; i++) {
    const lane = { on: await context.newPage(), off: await context.newPage(), watch: new ErrorWatch() };
    await lane.watch.attach(lane.on);
    lanes.push(lane);
  }

  // The content script runs on routed pages, and each lane's error watch hears what is thrown or logged in its world.
  const probeSeed = Array.from({ length: 50 }, (_, i) => BASE_SEED + i).find((seed) => pageFor(seed).relevant) ?? BASE_SEED;
  await Promise.all(
    lanes.map(async (lane) => {
      await lane.on.goto(`http://${HOST_ON}/probe/${probeSeed}`);
      expect((await settle(lane.on, true)).count, 'the content script marks a routed page').toBeGreaterThan(0);
      await lane.watch.probe();
      await expect.poll(() => lane.watch.errors.join('\n'), { message: 'the error watch hears the isolated world', intervals: [50] }).toMatch(/fuzz probe[\s\S]*probe rejection|probe rejection[\s\S]*fuzz probe/);
      await expect.poll(() => lane.watch.errors.join('\n'), { intervals: [50] }).toMatch(/probe console/);
      lane.watch.take();
      lane.watch.pageErrors.splice(0);
    }),
  );

  // Seeds whose number is a multiple of 3 run with "mark every mention" on. The setting is global, so the two
  // groups run one after the other; a replayed seed (FUZZ_SEED=s FUZZ_PAGES=1) gets the same setting.
  const tally: Tally = { failures: [], mentions: 0, relevantPages: 0, hovered: 0, typed: 0, unsettled: 0 };
  const all = Array.from({ length: PAGE_COUNT }, (_, i) => BASE_SEED + i);
  let done = 0;
  for (const everyMention of [false, true]) {
    const queue = all.filter((seed) => (seed % 3 === 0) === everyMention);
    if (queue.length === 0) continue;
    // The generated pages' expectations follow the paragraph rule over the whole page (calm marking has its own tests).
    await setStorage(serviceWorker, { 'pref:markScope': everyMention ? 'every' : 'paragraph', 'pref:wholePage': true });
    await Promise.all(
      lanes.map(async (lane) => {
        for (let seed = queue.shift(); seed !== undefined; seed = queue.shift()) {
          const page = pageFor(seed);
          const problems = await checkSeed(lane, page, tally, workerErrors);
          if (problems.length > 0) {
            tally.failures.push(`seed ${seed} [${page.features.join(' ')}]: ${problems.join('; ')}`);
            console.log(`fuzz: FAIL seed ${seed} (replay: FUZZ_SEED=${seed} FUZZ_PAGES=1): ${problems.join('; ')}`);
          }
          if (++done % 50 === 0) console.log(`fuzz: ${done}/${PAGE_COUNT} pages, ${((Date.now() - started) / 1000).toFixed(1)} s`);
        }
      }),
    );
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`fuzz: ${tally.hovered} cards opened, ${tally.typed} editable areas typed into, ${tally.unsettled} pages hit the settle cap, ${seconds} s`);
  console.log(`fuzz: ${PAGE_COUNT} pages (seeds ${BASE_SEED}..${last}), ${tally.mentions} mentions marked, ${tally.relevantPages} relevant pages, ${tally.failures.length} failures`);
  expect(tally.failures).toEqual([]);
});

/**
 * Found by this fuzzer, and fixed: text that was marked and THEN became excluded kept its marks.
 * - moved into an excluded region: the moved text nodes stay connected, so only a check of the region they land
 *   in drops their marks;
 * - an attribute change (contenteditable, hidden) on an ancestor: PageLens now watches those two attributes.
 * The change is made from the test after the page has settled (not by the page's timer), so the result does
 * not depend on how fast the extension's first scan is.
 */
for (const [seed, change, what] of [
  [20251132, 'move', 'a marked paragraph (#g2) moved into a contenteditable area (#g11)'],
  [20251136, 'attribute', 'a marked lede (#g0) that becomes contenteditable'],
] as const) {
  test(`regression: ${what} loses its marks (seed ${seed})`, async ({ context, serviceWorker }) => {
    await servePages(context);
    await setStorage(serviceWorker, { [`site:${HOST_ON}`]: 'on' });
    const page = await context.newPage();
    await page.goto(`http://${HOST_ON}/page/${seed}`, { waitUntil: 'commit' });
    expect((await settle(page, true)).count).toBeGreaterThan(0);
    const target = change === 'move' ? '#g2' : '#g0';
    // Before the change: the text is marked, and nothing excluded is.
    expect((await marksInside(page, target)).length).toBeGreaterThan(0);
    expect(await marksInside(page, '[data-excluded]')).toEqual([]);
    await rescanAfter(page, () =>
      page.evaluate(
        ([how, selector]) =>
          (window as unknown as { __fuzzAudit: AuditApi }).__fuzzAudit.own(() => {
            const el = document.querySelector(selector)!;
            if (how === 'move') document.getElementById('g11')!.append(el);
            else el.setAttribute('contenteditable', 'true');
            el.setAttribute('data-excluded', '');
          }),
        [change, target] as const,
      ),
    );
    expect(await frameAudits(page)).toEqual([]);
    // The marks are gone.
    expect(await marksInside(page, '[data-excluded]')).toEqual([]);
  });
}
