/**
 * Playwright fixtures: real Chromium with the built extension loaded, and a local server for the test pages.
 * One browser per test file (worker scope would share state between files' settings).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, chromium, type BrowserContext, type CDPSession, type Page, type Worker } from '@playwright/test';
import { ABANDON_MS, DWELL_MS } from '../../src/overlay/hover-machine';
// @ts-expect-error plain JavaScript helper shared with the npm scripts
import { extensionArgs } from '../../scripts/chromium-flags.mjs';
// @ts-expect-error plain JavaScript helper shared with the npm scripts
import { serveFolder } from '../../scripts/serve.mjs';
import { OVERLAY_HOST_ATTRIBUTE } from '../../src/overlay/host-attribute';
import { TONE_SUFFIXES } from '../../src/page/highlighter';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

interface Options {
  /**
   * A phone instead of a desktop window: a 360 × 740 touch screen whose pointer cannot hover (Chromium's mobile
   * emulation matches `(hover: none)` and `(pointer: coarse)`), with the page's meta viewport honoured.
   */
  phone: boolean;
  /**
   * The browser's own language ("uk"), which the extension's interface follows; null for the machine's. Chromium
   * takes it from --lang, and on Linux from the LANGUAGE variable.
   */
  uiLanguage: string | null;
}

/** The phone of `phone: true`. */
export const PHONE = { width: 360, height: 740 };

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Origin of the local server that serves the repository (tests/fixtures/pages, demo/). */
  origin: string;
}

export const test = base.extend<Fixtures & Options>({
  phone: [false, { option: true }],
  uiLanguage: [null, { option: true }],
  origin: async ({}, use) => {
    const server = (await serveFolder(resolve('.'))) as { origin: string; close: () => Promise<void> };
    await use(server.origin);
    await server.close();
  },
  context: async ({ colorScheme, phone, uiLanguage }, use) => {
    const executablePath = process.env.CHROMIUM_PATH;
    if (!executablePath) throw new Error('CHROMIUM_PATH is not set: run the browser tests through `npm test`.');
    const profile = mkdtempSync(join(tmpdir(), 'negotiation-lens-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      colorScheme: colorScheme ?? 'light',
      ...(phone ? { viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : { viewport: { width: 1200, height: 900 } }),
      args: [...extensionArgs(EXTENSION_DIR), ...(uiLanguage ? [`--lang=${uiLanguage}`] : [])],
      ...(uiLanguage ? { env: { ...process.env, LANGUAGE: uiLanguage, LANG: `${uiLanguage}.UTF-8` }, locale: uiLanguage } : {}),
    });
    // Keep a handle on the real highlight registry before any page script runs: hostile test pages replace
    // CSS.highlights in their own world, and the helpers below must still see what the extension painted.
    await context.addInitScript(() => {
      Object.defineProperty(window, '__registry', { value: CSS.highlights, enumerable: false });
      Object.defineProperty(window, '__createRange', { value: Document.prototype.createRange.bind(document), enumerable: false });
    });
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },
  serviceWorker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
});

export const expect = test.expect;

/**
 * Writes one of the README's screenshots (into docs/), only on request: `npm run screenshots` sets SCREENSHOTS=1.
 * A plain test run leaves the working tree as it found it.
 */
export async function screenshotForDocs(page: Page, file: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  await page.screenshot({ path: `docs/${file}`, ...options });
}

/**
 * The names of our marks' highlights: each style's, in each tone of the page (on a light or a dark background, in a
 * link or not; src/page/page-tone.ts). The active mark's highlight is not among them.
 */
export const MARK_HIGHLIGHTS = ['underline', 'background'].flatMap((style) => TONE_SUFFIXES.map((suffix) => `negotiation-lens-${style}${suffix}`));

/** Number of ranges in our highlights, read from the page's highlight registry (shared with content scripts). */
export async function markCount(page: Page): Promise<number> {
  return page.evaluate((names) => {
    let total = 0;
    const registry = (window as unknown as { __registry?: HighlightRegistry }).__registry ?? CSS.highlights;
    for (const name of names) total += registry.get(name)?.size ?? 0;
    return total;
  }, MARK_HIGHLIGHTS);
}

/** The text of each painted mark, in page order. */
export async function markedTexts(page: Page): Promise<string[]> {
  return page.evaluate((names) => {
    const w = window as unknown as { __registry?: HighlightRegistry; __createRange?: () => Range };
    const registry = w.__registry ?? CSS.highlights;
    const ranges = names.flatMap((name) => [...(registry.get(name) ?? [])]) as AbstractRange[];
    const texts = ranges.map((r) => {
      const live = (w.__createRange ?? (() => document.createRange()))();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return { text: live.toString(), top: live.getBoundingClientRect().top + scrollY, left: live.getBoundingClientRect().left };
    });
    texts.sort((a, b) => a.top - b.top || a.left - b.left);
    return texts.map((t) => t.text);
  }, MARK_HIGHLIGHTS);
}

/**
 * Signals the content script leaves in the page's performance timeline (shared with its isolated world), the
 * latest of each name: `started` once its first policy answer is applied (scanning, or off here), `painted` when
 * the first scan is over (whatever it found), `idle` each time the page lens comes to rest after a scan or a
 * batch of page changes, `counted` once the lens has stayed at rest long enough for the page's count to go to the
 * toolbar badge (sent, if it changed).
 */
type LensSignal = 'started' | 'painted' | 'idle' | 'counted';

/** When the content script last gave this signal, on the page's clock; null if it never did. */
function lastSignal(page: Page, signal: LensSignal): Promise<number | null> {
  return page.evaluate((name) => performance.getEntriesByName(name).at(-1)?.startTime ?? null, `negotiation-lens:${signal}`);
}

async function waitForSignal(page: Page, signal: LensSignal, since = -1): Promise<void> {
  await expect.poll(async () => ((await lastSignal(page, signal)) ?? -Infinity) >= since, { message: `waiting for negotiation-lens:${signal}` }).toBe(true);
}

/** Waits until the first scan is over, found or not: what an assertion that nothing was marked waits for. */
export async function waitForScan(page: Page): Promise<void> {
  await waitForSignal(page, 'painted');
}

/** Waits until the content script has applied its first policy answer (for pages where it is off). */
export async function waitForStart(page: Page): Promise<void> {
  await waitForSignal(page, 'started');
}

/**
 * Runs `change` (something that changes the page) and waits until the lens has scanned it: its `idle` signal is
 * newer than the change. Call it with the lens at rest (after waitForScan, waitForMarks or another rescanAfter):
 * the lens cannot come to rest while a change of the page is waiting to be scanned.
 */
export async function rescanAfter(page: Page, change: () => Promise<unknown>): Promise<void> {
  const since = await page.evaluate(() => performance.now());
  await change();
  await waitForRest(page, since);
}

/**
 * Waits until the page's count has gone to the toolbar badge at or after `since` (a time on the page's clock;
 * by default, any time): after that, the badge says what the page told the background.
 */
export async function waitForCount(page: Page, since = -1): Promise<void> {
  await waitForSignal(page, 'counted', since);
}

/** Waits until the lens has come to rest at or after `since` (a time on the page's clock). */
export async function waitForRest(page: Page, since: number): Promise<void> {
  await waitForSignal(page, 'idle', since);
}

/**
 * Records when the content script was told of each location change (the event its framework dispatches on the
 * window, which the page sees too), on the page's clock. Start recording before the navigation.
 */
export async function recordNavigations(page: Page, extensionId: string): Promise<() => Promise<number[]>> {
  await page.evaluate((name) => {
    const w = window as unknown as { __navigations: number[] };
    w.__navigations = [];
    addEventListener(name, () => w.__navigations.push(performance.now()));
  }, `${extensionId}:content:wxt:locationchange`);
  return () => page.evaluate(() => (window as unknown as { __navigations: number[] }).__navigations);
}

/** Waits for the page to render two frames: work a content script does once per frame has run by then. */
export async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * The one wait on time in these tests. That a card stayed open (its abandon delay was cancelled, or never started
 * for a pinned card) can only be seen once that delay is over: this waits out the hover machine's own delays,
 * as it counts them, and two frames for its per-frame work. Everything else waits on a signal.
 */
export async function outlastHoverDelays(page: Page): Promise<void> {
  await page.waitForTimeout(DWELL_MS + ABANDON_MS);
  await nextFrames(page);
}

/** Waits until the content script has painted marks (or the timeout passes). */
export async function waitForMarks(page: Page, atLeast = 1): Promise<number> {
  await expect.poll(() => markCount(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(atLeast);
  return markCount(page);
}

/** Centre of the first painted mark whose text matches, in viewport coordinates (scrolls it into view). */
export async function markPoint(page: Page, text: string | RegExp): Promise<{ x: number; y: number }> {
  const source = typeof text === 'string' ? { s: text } : { r: text.source, f: text.flags };
  const point = await page.evaluate(([q, names]) => {
    const test = (t: string) => ('s' in q ? t === q.s : new RegExp(q.r!, q.f).test(t));
    const w = window as unknown as { __registry?: HighlightRegistry; __createRange?: () => Range };
    for (const name of names) {
      for (const r of (w.__registry?.get(name) ?? CSS.highlights.get(name) ?? []) as Iterable<AbstractRange>) {
        const live = (w.__createRange ?? (() => document.createRange()))();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        if (!test(live.toString())) continue;
        (r.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center', behavior: 'instant' });
        const rect = live.getClientRects()[0]!;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    return null;
  }, [source as { s?: string; r?: string; f?: string }, MARK_HIGHLIGHTS] as const);
  if (!point) throw new Error(`no mark with text ${String(text)}`);
  return point;
}

/** Writes extension storage through the service worker, as the options page would. */
export async function setStorage(worker: Worker, items: Record<string, unknown>): Promise<void> {
  await worker.evaluate(async (values) => {
    const api = (globalThis as unknown as { chrome: { storage: { sync: { set(v: object): Promise<void> } } } }).chrome;
    await api.storage.sync.set(values);
  }, items);
}

/**
 * Our UI lives in a closed shadow root, which page scripts (and Playwright's locators) cannot enter. DevTools'
 * protocol can: this returns the serialized contents of our shadow root, or null when there is no host.
 */
export async function overlayHtml(page: Page): Promise<string | null> {
  const client = await page.context().newCDPSession(page);
  try {
    const shadow = await overlayShadow(client);
    if (!shadow) return null;
    const parts = await Promise.all((shadow.children ?? []).map((child) => client.send('DOM.getOuterHTML', { backendNodeId: child.backendNodeId })));
    // outerHTML here is the DevTools protocol's serialization, read-only: no page is written.
    return parts.map(({ outerHTML: serialized }) => serialized).join('');
  } finally {
    await client.detach();
  }
}

/** A node of the DevTools protocol's document tree, as far as these helpers read it. */
type DomNode = { attributes?: string[]; children?: DomNode[]; shadowRoots?: DomNode[]; nodeId: number; backendNodeId: number };

/** Our host's closed shadow root, found through DevTools' protocol (which pierces shadow roots), or null. */
async function overlayShadow(client: CDPSession): Promise<DomNode | null> {
  const { root } = await client.send('DOM.getDocument', { depth: -1, pierce: true });
  const find = (node: DomNode): DomNode | null => {
    // attributes: [name, value, name, value, ...]
    if (node.attributes?.some((name, i) => i % 2 === 0 && name === OVERLAY_HOST_ATTRIBUTE)) return node;
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
      const hit = find(child);
      if (hit) return hit;
    }
    return null;
  };
  return find(root as DomNode)?.shadowRoots?.[0] ?? null;
}

/**
 * The centre of an element inside our closed shadow root, found by a CSS selector through DevTools' protocol (page
 * scripts cannot reach it), in viewport coordinates: click there with the mouse, as a reader would.
 */
export async function pointInOverlay(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const client = await page.context().newCDPSession(page);
  try {
    const shadow = await overlayShadow(client);
    if (!shadow) throw new Error('no overlay on the page');
    const { nodeId } = await client.send('DOM.querySelector', { nodeId: shadow.nodeId, selector });
    if (!nodeId) throw new Error(`nothing matches ${selector} in the overlay`);
    // Inside a card that scrolls, the element may be below its fold: bring it into view first, as a reader would.
    await client.send('DOM.scrollIntoViewIfNeeded', { nodeId });
    const { model } = await client.send('DOM.getBoxModel', { nodeId });
    const [x1, y1, , , x3, y3] = model.border;
    return { x: (x1! + x3!) / 2, y: (y1! + y3!) / 2 };
  } finally {
    await client.detach();
  }
}

/** The DevTools node id of the first element inside our closed shadow root that matches, or null. */
async function overlayNode(client: CDPSession, selector: string): Promise<number | null> {
  const shadow = await overlayShadow(client);
  if (!shadow) return null;
  const { nodeId } = await client.send('DOM.querySelector', { nodeId: shadow.nodeId, selector });
  return nodeId || null;
}

/**
 * The on-screen box of an element inside our closed shadow root (found by a CSS selector through DevTools'
 * protocol), as drawn: nothing is scrolled to find it. Null when nothing matches.
 */
export async function overlayBox(page: Page, selector: string): Promise<{ left: number; top: number; right: number; bottom: number; width: number; height: number } | null> {
  const client = await page.context().newCDPSession(page);
  try {
    const nodeId = await overlayNode(client, selector);
    if (!nodeId) return null;
    const { model } = await client.send('DOM.getBoxModel', { nodeId }).catch(() => ({ model: null }));
    if (!model) return null;
    const xs = [model.border[0]!, model.border[2]!, model.border[4]!, model.border[6]!];
    const ys = [model.border[1]!, model.border[3]!, model.border[5]!, model.border[7]!];
    const box = { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
    return { ...box, width: box.right - box.left, height: box.bottom - box.top };
  } finally {
    await client.detach();
  }
}

/** A computed style of an element inside our closed shadow root (through DevTools' protocol); null when none matches. */
export async function overlayStyle(page: Page, selector: string, property: string): Promise<string | null> {
  const client = await page.context().newCDPSession(page);
  try {
    const nodeId = await overlayNode(client, selector);
    if (!nodeId) return null;
    const { object } = await client.send('DOM.resolveNode', { nodeId });
    const { result } = await client.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: 'function (property) { return getComputedStyle(this).getPropertyValue(property); }',
      arguments: [{ value: property }],
      returnByValue: true,
    });
    return result.value as string;
  } finally {
    await client.detach();
  }
}

/** How far an element inside our closed shadow root scrolls: its content's height and the height it shows. */
export async function overlayScroll(page: Page, selector: string): Promise<{ scrollHeight: number; clientHeight: number } | null> {
  const client = await page.context().newCDPSession(page);
  try {
    const nodeId = await overlayNode(client, selector);
    if (!nodeId) return null;
    const { object } = await client.send('DOM.resolveNode', { nodeId });
    // Read through DevTools' protocol only: the page's own scripts cannot reach the element.
    const { result } = await client.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: 'function () { return { scrollHeight: this.scrollHeight, clientHeight: this.clientHeight }; }',
      returnByValue: true,
    });
    return result.value as { scrollHeight: number; clientHeight: number };
  } finally {
    await client.detach();
  }
}

/** The visible text of our open card (without its style sheet), or null when no card is open. */
export async function cardText(page: Page): Promise<string | null> {
  const html = await overlayHtml(page);
  if (!html) return null;
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'text/html');
    doc.querySelectorAll('style').forEach((s) => s.remove());
    const card = doc.querySelector('[role="dialog"]');
    return card ? (card.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
  }, html);
}

export async function waitForCard(page: Page, text?: string | RegExp): Promise<string> {
  await expect.poll(async () => (await cardText(page)) ?? '', { timeout: 10_000 }).toMatch(text ?? /\S/);
  return (await cardText(page))!;
}

/** The extension's tab id for a page (brings it to the front to find it; no tabs permission needed). */
export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  return worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    return tab!.id!;
  });
}

/** Opens the popup as a page about the given content page. */
export async function openPopup(context: BrowserContext, worker: Worker, extensionId: string, contentPage: Page, viewport = { width: 380, height: 600 }): Promise<Page> {
  const tab = await tabIdOf(worker, contentPage);
  const popup = await context.newPage();
  await popup.setViewportSize(viewport);
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tab}`);
  await popup.locator('[data-ready]').waitFor();
  return popup;
}

/** The page's serialized DOM with our host element left out: what the page itself would see without us. */
export async function pageDomWithoutOurHost(page: Page): Promise<string> {
  return page.evaluate((attribute) => {
    const clone = document.documentElement.cloneNode(true) as Element;
    clone.querySelectorAll(`[${attribute}]`).forEach((el) => el.remove());
    return new XMLSerializer().serializeToString(clone);
  }, OVERLAY_HOST_ATTRIBUTE);
}

/** Texts of the marks whose range lies inside an element matching the selector. */
export async function marksInside(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(([sel, names]) => {
    const out: string[] = [];
    for (const name of [...names, 'negotiation-lens-active'])
      for (const r of (CSS.highlights.get(name) ?? []) as Iterable<AbstractRange>) {
        const el = r.startContainer.parentElement;
        if (el?.closest(sel)) out.push(r.startContainer.textContent?.slice(r.startOffset, r.endOffset) ?? '');
      }
    return out;
  }, [selector, MARK_HIGHLIGHTS] as const);
}

/** Sends a content-script message from the service worker, as the background's keyboard commands do. */
export async function sendFromBackground(worker: Worker, tabId: number, message: unknown): Promise<unknown> {
  return worker.evaluate(
    ([id, msg]) => (globalThis as unknown as { chrome: { tabs: { sendMessage(i: number, m: unknown): Promise<unknown> } } }).chrome.tabs.sendMessage(id as number, msg),
    [tabId, message] as const,
  );
}
