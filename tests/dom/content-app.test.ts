/**
 * The content script's application below the browser: what opens a card (click, hover with Alt), what a
 * navigation does to the marks, and which policy answer wins. Only ContentApp's constructor, its dependencies and
 * its public methods are used, so these tests hold however its inside is arranged.
 *
 * happy-dom has no layout: the caret position and the rectangles of text are given by the test (`placeText`), and
 * events the test dispatches are marked trusted, as the browser marks a reader's.
 */
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCardModel } from '../../src/cards/card-model';
import { COUNT_DELAY_MS, createContentApp, type ContentApp, type ContentAppDeps } from '../../src/content/content-app';
import { aliasTableFromPack, entityIds } from '../../src/knowledge/alias-table-from-pack';
import { indexPack } from '../../src/knowledge/pack-index';
import { packAliasTable, unpackAliasTable } from '../../src/matcher/alias-table';
import { compileMatcher } from '../../src/matcher/compile';
import type { PagePolicy } from '../../src/messaging/protocol';
import { HIGHLIGHT_NAMES, type HighlightApi } from '../../src/page/highlighter';
import { languageOf } from '../../src/page/page-language';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { LONG_PRESS_MS } from '../../src/overlay/hover-machine';
import { hoverCardBody } from '../../src/ui/CardBody';
import { FakeClock, nextTurn } from '../helpers/fake-clock';
import { miniPack } from '../helpers/packs';
import { cardFrameWords } from '../../src/cards/card-words';
import { ENGLISH } from '../../src/i18n/messages';

const pack = miniPack();
const table = aliasTableFromPack(pack);
const ids = entityIds(pack);
const index = indexPack(pack);

const ARTICLE = `<article>
  <p id="first">Zelensky met Putin in Kyiv to discuss a ceasefire.</p>
  <p id="story">Lavrov said Russia would answer the minerals deal.</p>
</article>`;

class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

/** The Custom Highlight API's StaticRange, which happy-dom lacks. */
class FakeStaticRange {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  readonly collapsed = false;
  constructor(init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
  }
}

function policy(on: boolean, cardTrigger: PagePolicy['display']['cardTrigger'] = 'hover'): PagePolicy {
  return {
    decision: { on, site: on ? '127.0.0.1' : null, reason: on ? 'default' : 'site-choice' },
    display: { highlightStyle: DEFAULT_SETTINGS.highlightStyle, markScope: 'paragraph', wholePage: true, cardTrigger, cardTheme: 'page' },
  };
}

interface Harness {
  window: Window;
  document: Document;
  app: ContentApp;
  clock: FakeClock;
  registry: Map<string, FakeHighlight>;
  cardsAsked: string[];
  policyRequests: { url: string; answer: (p: PagePolicy) => void }[];
  storageChanged: (keys: string[]) => void;
  /** Each count the app told the background, for the toolbar badge. */
  countsTold: number[];
  /** Sends the app a message, as the popup or the background would. */
  ask: (message: unknown) => Promise<unknown> | undefined;
}

const open: { window: Window; app: ContentApp }[] = [];
afterEach(async () => {
  for (const { window, app } of open.splice(0)) {
    app.destroy();
    await window.happyDOM.abort();
    window.close();
  }
});

/**
 * A page with the app on it. Policy answers wait until the test gives them (`policyRequests[i].answer`), unless
 * `answer` is set, in which case every request gets it at once.
 */
function harness(html = ARTICLE, answer: PagePolicy | null = policy(true)): Harness {
  const window = new Window({ url: 'http://127.0.0.1/story', settings: { disableJavaScriptEvaluation: true } });
  const document = window.document as unknown as Document;
  const parsed = new window.DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((node) => document.importNode(node as unknown as Node, true)));
  const clock = new FakeClock();
  // The app's timers and frames run on the fake clock; its scan gives way with a zero-delay timer.
  Object.assign(window, {
    setTimeout: clock.setTimer,
    clearTimeout: clock.clearTimer,
    requestAnimationFrame: (fn: () => void) => clock.setTimer(fn, 16),
    cancelAnimationFrame: clock.clearTimer,
    StaticRange: FakeStaticRange,
    IntersectionObserver: undefined,
  });
  const registry = new Map<string, FakeHighlight>();
  const highlightApi: HighlightApi = { registry: registry as unknown as HighlightRegistry, create: () => new FakeHighlight() as unknown as Highlight };
  const cardsAsked: string[] = [];
  const policyRequests: Harness['policyRequests'] = [];
  let storageChanged: (keys: string[]) => void = () => undefined;
  const countsTold: number[] = [];
  let listener: Parameters<ContentAppDeps['listen']>[0] = () => undefined;
  const deps: ContentAppDeps = {
    window: window as unknown as ContentAppDeps['window'],
    loadMatcherTable: async () => ({ revision: 'test-pack', table: packAliasTable(table) }),
    compileMatcher: (packed) => compileMatcher(unpackAliasTable(packed)),
    highlightApi,
    getCardFrame: async () => ({ css: '.card{}', words: cardFrameWords(ENGLISH) }),
    getPolicy: (url) =>
      new Promise<PagePolicy>((resolve) => {
        policyRequests.push({ url, answer: resolve });
        if (answer) resolve(answer);
      }),
    watchStorage: (onChange) => {
      storageChanged = onChange;
    },
    getCard: async (entity) => {
      cardsAsked.push(ids[entity]!);
      const model = buildCardModel(index, ids[entity]!);
      return model && { model, body: hoverCardBody(model) };
    },
    openInPopup: () => undefined,
    openSettings: () => undefined,
    reportProblem: () => undefined,
    listen: (fn) => void (listener = fn),
    reportThings: (count) => void countsTold.push(count),
    mark: () => undefined,
    isAlive: () => true,
  };
  const app = createContentApp(deps);
  open.push({ window, app });
  return { window, document, app, clock, registry, cardsAsked, policyRequests, storageChanged: (keys) => storageChanged(keys), countsTold, ask: (message) => listener(message, {}) };
}

/** Runs the app's timers and promise chains until nothing is left to do (or `limit` timers have run). */
async function settle(h: Harness, limit = 500): Promise<void> {
  await nextTurn();
  for (let i = 0; i < limit && h.clock.runNext(); i++) await nextTurn();
  await nextTurn();
}

/**
 * Layout for happy-dom: every text node is one line at `top` (its paragraph's index × 40 px), one 10 px glyph per
 * character. The caret at a point is the character there.
 */
function placeText(h: Harness): void {
  // A paragraph's text is its own, or its one link's.
  const texts = [...h.document.querySelectorAll('p')].map((p) => (p.firstElementChild ?? p).firstChild as Text);
  const lineOf = (node: Node) => texts.indexOf(node as Text);
  Object.assign(h.document, {
    caretPositionFromPoint: (x: number, y: number) => {
      const node = texts[Math.floor(y / 40)];
      return node ? { offsetNode: node, offset: Math.min(Math.floor(x / 10), node.length) } : null;
    },
  });
  const RangeClass = (h.window as unknown as { Range: typeof Range }).Range;
  RangeClass.prototype.getClientRects = function (this: Range) {
    // As in a browser, text that has left the page has no rectangles.
    if (!this.startContainer.isConnected) return [] as unknown as DOMRectList;
    const top = lineOf(this.startContainer) * 40;
    const rect = { left: this.startOffset * 10, right: this.endOffset * 10, top, bottom: top + 20 };
    return [{ ...rect, width: rect.right - rect.left, height: 20, x: rect.left, y: top, toJSON: () => rect }] as unknown as DOMRectList;
  };
}

/** The centre of the first occurrence of `text` on the page, by the layout of `placeText`. */
function pointOf(h: Harness, text: string): { x: number; y: number } {
  const paragraphs = [...h.document.querySelectorAll('p')];
  const line = paragraphs.findIndex((p) => p.textContent!.includes(text));
  const at = paragraphs[line]!.textContent!.indexOf(text);
  return { x: (at + text.length / 2) * 10, y: line * 40 + 10 };
}

function dispatch(h: Harness, type: 'click' | 'pointermove', point: { x: number; y: number }, options: { altKey?: boolean; trusted?: boolean } = {}): void {
  const EventClass = type === 'click' ? h.window.MouseEvent : h.window.PointerEvent;
  const event = new EventClass(type, { clientX: point.x, clientY: point.y, altKey: options.altKey ?? false, bubbles: true });
  if (options.trusted !== false) Object.defineProperty(event, 'isTrusted', { value: true });
  h.document.getElementById('first')!.dispatchEvent(event as unknown as Event);
}

/**
 * A finger on the page: `pointerdown` and `pointerup` of a touch, the `click` of a tap, the `contextmenu` of a long
 * press, dispatched trusted on the element that holds the text at the point (a paragraph, or its link). Returns
 * the event, to see whether the default was prevented.
 */
function touch(h: Harness, type: 'pointerdown' | 'pointerup' | 'click' | 'contextmenu', point: { x: number; y: number }, pointerType = 'touch'): Event {
  const EventClass = type === 'pointerdown' || type === 'pointerup' ? h.window.PointerEvent : h.window.MouseEvent;
  const event = new EventClass(type, { clientX: point.x, clientY: point.y, bubbles: true, cancelable: true, pointerType } as never) as unknown as Event;
  Object.defineProperty(event, 'isTrusted', { value: true });
  const paragraph = h.document.querySelectorAll('p')[Math.floor(point.y / 40)]!;
  (paragraph.firstElementChild ?? paragraph).dispatchEvent(event);
  return event;
}

const tap = (h: Harness, point: { x: number; y: number }): Event => {
  touch(h, 'pointerdown', point);
  touch(h, 'pointerup', point);
  return touch(h, 'click', point);
};

/** The text of the active mark (the one whose card is open), or null. */
function activeMark(h: Harness): string | null {
  const [range] = [...(h.registry.get(HIGHLIGHT_NAMES.active) ?? [])];
  return range ? (range.startContainer as Text).data.slice(range.startOffset, range.endOffset) : null;
}

const painted = (h: Harness) => [...(h.registry.get(HIGHLIGHT_NAMES.underline) ?? [])];

async function started(html?: string, answer?: PagePolicy): Promise<Harness> {
  const h = harness(html, answer ?? policy(true));
  placeText(h);
  await h.app.start();
  await settle(h);
  expect(painted(h).length).toBeGreaterThan(3);
  return h;
}

describe('ContentApp: what opens a card', () => {
  it('with cards on click, a click on a mark opens its card at once, and a pointer resting there opens none', async () => {
    const h = await started(ARTICLE, policy(true, 'click'));
    dispatch(h, 'pointermove', pointOf(h, 'Putin'));
    await settle(h);
    expect(activeMark(h)).toBeNull();
    expect(h.cardsAsked).toEqual([]);

    dispatch(h, 'click', pointOf(h, 'Putin'));
    await settle(h);
    expect(activeMark(h)).toBe('Putin');
    expect(h.cardsAsked).toEqual(['putin']);
    expect(h.document.querySelectorAll('[data-negotiation-lens-ui]')).toHaveLength(1);
  });

  it('a click the page made up (not trusted) opens nothing', async () => {
    const h = await started(ARTICLE, policy(true, 'click'));
    dispatch(h, 'click', pointOf(h, 'Putin'), { trusted: false });
    await settle(h);
    expect(activeMark(h)).toBeNull();
    expect(h.cardsAsked).toEqual([]);
  });

  it('a click beside the marks opens nothing', async () => {
    const h = await started(ARTICLE, policy(true, 'click'));
    dispatch(h, 'click', pointOf(h, 'met'));
    await settle(h);
    expect(activeMark(h)).toBeNull();
  });

  it('with cards on hover with Alt, resting on a mark opens its card only while Alt is held', async () => {
    const h = await started(ARTICLE, policy(true, 'modifier-hover'));
    dispatch(h, 'pointermove', pointOf(h, 'Kyiv'));
    await settle(h);
    expect(activeMark(h)).toBeNull();

    dispatch(h, 'pointermove', pointOf(h, 'Kyiv'), { altKey: true });
    await settle(h);
    expect(activeMark(h)).toBe('Kyiv');
    expect(h.cardsAsked).toEqual(['ukraine']);
  });

  it('with cards on hover, a pointer move the page made up opens nothing, however long it waits', async () => {
    const h = await started();
    dispatch(h, 'pointermove', pointOf(h, 'Zelensky'), { trusted: false });
    await settle(h);
    expect(activeMark(h)).toBeNull();
    dispatch(h, 'pointermove', pointOf(h, 'Zelensky'));
    await settle(h);
    expect(activeMark(h)).toBe('Zelensky');
  });
});

describe('ContentApp: touch', () => {
  const LINKED = `<article>
  <p id="first">Zelensky met Putin in Kyiv to discuss a ceasefire.</p>
  <p id="story"><a href="#elsewhere">Lavrov said Russia would answer the minerals deal.</a></p>
</article>`;

  it.each(['hover', 'click'] as const)('with cards on %s, a tap on a mark opens its card, and a tap beside the marks closes it', async (trigger) => {
    const h = await started(ARTICLE, policy(true, trigger));
    expect(tap(h, pointOf(h, 'Putin')).defaultPrevented).toBe(false);
    await settle(h);
    expect(activeMark(h)).toBe('Putin');
    expect(h.cardsAsked).toEqual(['putin']);
    tap(h, pointOf(h, 'met'));
    await settle(h);
    expect(activeMark(h)).toBeNull();
  });

  it('a finger moving over the marks (scrolling) opens nothing', async () => {
    const h = await started();
    const event = new h.window.PointerEvent('pointermove', { clientX: pointOf(h, 'Putin').x, clientY: pointOf(h, 'Putin').y, bubbles: true, pointerType: 'touch' });
    Object.defineProperty(event, 'isTrusted', { value: true });
    h.document.getElementById('first')!.dispatchEvent(event as unknown as Event);
    await settle(h);
    expect(activeMark(h)).toBeNull();
  });

  it('a tap on a mark inside a link leaves the link to the page; a long press opens the card and holds back the click and the menu', async () => {
    const h = await started(LINKED);
    expect(tap(h, pointOf(h, 'Lavrov')).defaultPrevented).toBe(false);
    await settle(h);
    expect(activeMark(h)).toBeNull();

    const at = pointOf(h, 'Lavrov');
    touch(h, 'pointerdown', at);
    h.clock.advance(LONG_PRESS_MS);
    await settle(h);
    expect(activeMark(h)).toBe('Lavrov');
    expect(touch(h, 'contextmenu', at).defaultPrevented).toBe(true);
    touch(h, 'pointerup', at);
    expect(touch(h, 'click', at).defaultPrevented).toBe(true);
    // The next tap is a tap again.
    expect(tap(h, pointOf(h, 'Russia')).defaultPrevented).toBe(false);
  });

  it('a long press that ends early is a tap: the link is followed', async () => {
    const h = await started(LINKED);
    const at = pointOf(h, 'Lavrov');
    touch(h, 'pointerdown', at);
    h.clock.advance(LONG_PRESS_MS / 2);
    touch(h, 'pointerup', at);
    expect(touch(h, 'click', at).defaultPrevented).toBe(false);
    await settle(h);
    expect(activeMark(h)).toBeNull();
  });

  it('when the browser\'s menu comes before our long press, the card opens then; the menu is held back only on a mark, and only for a finger', async () => {
    const h = await started(LINKED);
    touch(h, 'pointerdown', pointOf(h, 'Lavrov'));
    expect(touch(h, 'contextmenu', pointOf(h, 'Lavrov')).defaultPrevented).toBe(true);
    await settle(h);
    expect(activeMark(h)).toBe('Lavrov');

    touch(h, 'pointerdown', pointOf(h, 'said'));
    expect(touch(h, 'contextmenu', pointOf(h, 'said')).defaultPrevented).toBe(false);
    // A mouse's right button on a mark: the page's menu as usual.
    touch(h, 'pointerdown', pointOf(h, 'Putin'), 'mouse');
    expect(touch(h, 'contextmenu', pointOf(h, 'Putin'), 'mouse').defaultPrevented).toBe(false);
  });
});

describe('ContentApp: a card opens beside its mark, or not at all', () => {
  const hosts = (h: Harness) => h.document.querySelectorAll('[data-negotiation-lens-ui]').length;

  it('a hover that lands while the page re-renders opens no card (none pinned to the window\'s corner)', async () => {
    const h = await started();
    dispatch(h, 'pointermove', pointOf(h, 'Putin'));
    // One frame: the pointer rests on the mark, and its card waits out the dwell.
    h.clock.advance(20);
    expect(h.clock.pending).toBeGreaterThan(0);
    // The page renders the paragraph again before the card opens: the mark's text leaves the page.
    const first = h.document.getElementById('first')!;
    first.replaceChildren(h.document.createTextNode(first.textContent!));
    await settle(h);
    expect(activeMark(h)).toBeNull();
    expect(h.cardsAsked).toEqual([]);
    expect(hosts(h)).toBe(0);

    // The new text is marked again, and resting on it opens its card as usual.
    placeText(h);
    dispatch(h, 'pointermove', pointOf(h, 'Putin'));
    await settle(h);
    expect(activeMark(h)).toBe('Putin');
    expect(h.cardsAsked).toEqual(['putin']);
    expect(hosts(h)).toBe(1);
  });
});

describe('ContentApp: navigation', () => {
  const rangesNow = (h: Harness) => new Set(painted(h));

  it('a jump to an element of the page keeps the marks and the open card', async () => {
    const h = await started();
    dispatch(h, 'pointermove', pointOf(h, 'Lavrov'));
    await settle(h);
    expect(activeMark(h)).toBe('Lavrov');
    const before = rangesNow(h);
    h.app.onNavigation('http://127.0.0.1/story', 'http://127.0.0.1/story#story');
    await settle(h);
    expect(rangesNow(h)).toEqual(before);
    expect(activeMark(h)).toBe('Lavrov');
  });

  it('a hash that names no element ("#/world/…", a hash router) is a new page: the card closes and the page is read again', async () => {
    const h = await started();
    dispatch(h, 'pointermove', pointOf(h, 'Lavrov'));
    await settle(h);
    const before = rangesNow(h);
    h.app.onNavigation('http://127.0.0.1/story', 'http://127.0.0.1/story#/world/next');
    expect(activeMark(h)).toBeNull();
    await settle(h);
    const after = rangesNow(h);
    expect(after.size).toBe(before.size);
    expect([...after].some((range) => before.has(range))).toBe(false);
  });

  it('a hash that is not valid percent-encoding does not throw, and names the element whose id it is as written', async () => {
    const h = await started(`${ARTICLE}<p id="%E0%A4%A">Footnote.</p>`);
    const before = rangesNow(h);
    expect(() => h.app.onNavigation('http://127.0.0.1/story', 'http://127.0.0.1/story#%E0%A4%A')).not.toThrow();
    await settle(h);
    expect(rangesNow(h)).toEqual(before);
    // Not valid encoding, and no element of that id: a new page.
    expect(() => h.app.onNavigation('http://127.0.0.1/story#%E0%A4%A', 'http://127.0.0.1/story#%ZZ')).not.toThrow();
    await settle(h);
    expect([...rangesNow(h)].some((range) => before.has(range))).toBe(false);
  });

  it('a new path is a new page even when its hash names an element', async () => {
    const h = await started();
    const before = rangesNow(h);
    h.app.onNavigation('http://127.0.0.1/story', 'http://127.0.0.1/next#story');
    await settle(h);
    expect([...rangesNow(h)].some((range) => before.has(range))).toBe(false);
  });
});

describe('ContentApp: policy answers', () => {
  it('an answer that arrives after a newer one is dropped', async () => {
    const h = harness(ARTICLE, null);
    placeText(h);
    const starting = h.app.start();
    await nextTurn();
    expect(h.policyRequests).toHaveLength(1);
    // Settings change while the first answer is on its way: a second request goes out.
    h.storageChanged(['site:127.0.0.1']);
    await nextTurn();
    expect(h.policyRequests).toHaveLength(2);
    // The newer answer comes first: on. Then the older one: off. The older one must not switch the page off.
    h.policyRequests[1]!.answer(policy(true));
    await settle(h);
    h.policyRequests[0]!.answer(policy(false));
    await starting;
    await settle(h);
    expect(painted(h).length).toBeGreaterThan(3);
    expect(h.registry.has(HIGHLIGHT_NAMES.underline)).toBe(true);
  });

  it('storage changes that are not settings ask for no new answer', async () => {
    const h = await started();
    const asked = h.policyRequests.length;
    h.storageChanged(['seen-events']);
    await settle(h);
    expect(h.policyRequests).toHaveLength(asked);
  });

  it('an answer of "off" takes every mark away, and "on" brings them back', async () => {
    const h = harness(ARTICLE, null);
    placeText(h);
    const starting = h.app.start();
    await nextTurn();
    h.policyRequests[0]!.answer(policy(true));
    await starting;
    await settle(h);
    expect(painted(h).length).toBeGreaterThan(3);
    h.storageChanged(['site:127.0.0.1']);
    await nextTurn();
    h.policyRequests[1]!.answer(policy(false));
    await settle(h);
    expect(h.registry.has(HIGHLIGHT_NAMES.underline)).toBe(false);
  });
});

describe('ContentApp: the count for the toolbar badge', () => {
  const OFF_TOPIC = '<article><p id="first">The Gaza ceasefire held; sanctions on the club were lifted.</p></article>';
  /** How many distinct things the page's report (what the popup lists) names. */
  const reported = async (h: Harness) => ((await h.ask({ type: 'getPageReport', payload: {} })) as { mentions?: unknown[] }).mentions?.length ?? 0;

  it('tells the background once, after the lens is at rest, how many distinct things the page mentions: as many as the popup lists', async () => {
    const h = await started();
    expect(h.countsTold).toHaveLength(1);
    expect(h.countsTold[0]).toBeGreaterThan(3);
    expect(h.countsTold[0]).toBe(await reported(h));
  });

  it('tells nothing on a page that is not about the talks: its badge is already empty', async () => {
    const h = harness(OFF_TOPIC);
    placeText(h);
    await h.app.start();
    await settle(h);
    expect(painted(h)).toHaveLength(0);
    expect(h.countsTold).toEqual([]);
  });

  it("reports, for a page that is not about the talks, what its language is told from: the declaration and the article's text", async () => {
    const UKRAINIAN =
      '<nav><p>Home · World · Sport</p></nav><article><p>Делегації провели переговори в Стамбулі і домовилися про нову зустріч.</p>' +
      '<p>Сторони обмінялися полоненими та пообіцяли передати списки дітей, яких вивезли з окупованих територій.</p></article>';
    const h = harness(UKRAINIAN);
    h.document.documentElement.setAttribute('lang', 'en');
    placeText(h);
    await h.app.start();
    await settle(h);
    const report = (await h.ask({ type: 'getPageReport', payload: {} })) as { state: string; language: { declared: string; text: string } };
    expect(report.state).toBe('not-relevant');
    expect(report.language.declared).toBe('en');
    expect(report.language.text).toContain('Делегації провели переговори');
    expect(report.language.text).not.toContain('Home');
    expect(languageOf(report.language)).toBe('uk');
  });

  it('tells again only when the count changes, once for a burst of changes', async () => {
    const h = await started();
    const first = h.countsTold[0]!;
    // Another mention of something already counted: the count stays, nothing is sent.
    h.document.getElementById('story')!.append(' Putin agreed.');
    await settle(h);
    expect(h.countsTold).toEqual([first]);
    // Two new things, appended one after the other before the lens comes to rest for long: one message.
    const more = h.document.createElement('p');
    more.textContent = 'Trump flew to Riyadh.';
    h.document.querySelector('article')!.append(more);
    h.clock.advance(COUNT_DELAY_MS / 2);
    const again = h.document.createElement('p');
    again.textContent = 'The EU spoke of sanctions.';
    h.document.querySelector('article')!.append(again);
    await settle(h);
    expect(h.countsTold).toHaveLength(2);
    expect(h.countsTold[1]).toBeGreaterThan(first);
    expect(h.countsTold[1]).toBe(await reported(h));
  });

  it('after "off" (the background shows "off"), tells the count again when switched back on, even if it is the same', async () => {
    const h = harness(ARTICLE, null);
    placeText(h);
    const starting = h.app.start();
    await nextTurn();
    h.policyRequests[0]!.answer(policy(true));
    await starting;
    await settle(h);
    const [count] = h.countsTold;
    h.storageChanged(['site:127.0.0.1']);
    await nextTurn();
    h.policyRequests[1]!.answer(policy(false));
    await settle(h);
    h.storageChanged(['site:127.0.0.1']);
    await nextTurn();
    h.policyRequests[2]!.answer(policy(true));
    await settle(h);
    expect(h.countsTold).toEqual([count, count]);
  });

  it('tells 0 when a single-page app moves on to a page that is not about the talks', async () => {
    const h = await started();
    const sport = h.document.createElement('p');
    sport.textContent = 'The Gaza ceasefire held; sanctions on the club were lifted.';
    h.document.body.replaceChildren(sport);
    h.app.onNavigation('http://127.0.0.1/story', 'http://127.0.0.1/sport');
    await settle(h);
    expect(h.countsTold.at(-1)).toBe(0);
  });

  it('tells the count again when the page comes back from the back/forward cache, whose return cleared the badge', async () => {
    const h = await started();
    const asked = h.policyRequests.length;
    // happy-dom's PageTransitionEvent ignores `persisted`: the flag is set on a plain event instead.
    const event = Object.defineProperty(new h.window.Event('pageshow'), 'persisted', { value: true });
    h.window.dispatchEvent(event);
    await settle(h);
    expect(h.countsTold).toEqual([h.countsTold[0], h.countsTold[0]]);
    // And asks for the policy again, so that an "off" comes back too.
    expect(h.policyRequests.length).toBe(asked + 1);
  });

  it('tells nothing once taken away, even with a count waiting to go', async () => {
    const h = await started();
    // A change of the page, read, and a moment later the extension goes away (reloaded, updated or removed).
    const more = h.document.createElement('p');
    more.textContent = 'Trump flew to Riyadh.';
    h.document.querySelector('article')!.append(more);
    for (let i = 0; i < 300 && !painted(h).some((r) => (r.startContainer as Text).data === more.textContent); i++) {
      await nextTurn();
      h.clock.advance(1);
    }
    await nextTurn();
    h.app.destroy();
    await settle(h);
    expect(h.countsTold).toHaveLength(1);
  });
});
