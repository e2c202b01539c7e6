/**
 * The DOM tier: the page lens (text extraction, matching, relevance, first-per-paragraph, mutations) on saved
 * news-like pages in happy-dom, with each page's expected mentions. The highlight registry is a plain Map here;
 * the real Custom Highlight API is exercised by the browser tests.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { aliasTableFromPack } from '../../src/knowledge/alias-table-from-pack';
import { compileMatcher } from '../../src/matcher/compile';
import { Highlighter, HIGHLIGHT_NAMES, type HighlightApi } from '../../src/page/highlighter';
import { BATCH_NODES, MAX_MARKS, MAX_QUEUED_NODES, MAX_WATCHED_HIDDEN, PageLens, SLICE_MS, type LensDeps, type LensOptions } from '../../src/page/page-lens';
import { isRendered } from '../../src/page/text-nodes';
import { FakeClock, nextTurn } from '../helpers/fake-clock';
import { bundledPack, fixturePath } from '../helpers/packs';

const pack = bundledPack();
const table = aliasTableFromPack(pack);
const matcher = compileMatcher(table);
/** happy-dom computes no colours: every mark here is in the highlight for light backgrounds, out of links. */
const onLightPage = () => 0;

class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

interface Setup {
  window: Window;
  /** The lens's timers (mutation batches): they run when the test settles the lens, never on their own. */
  clock: FakeClock;
  document: Document;
  lens: PageLens;
  registry: Map<string, FakeHighlight>;
  painted: () => { text: string; id: string }[];
}

const open: Window[] = [];
afterEach(async () => {
  for (const w of open.splice(0)) {
    await w.happyDOM.abort();
    w.close();
  }
});

function setup(html: string, markEveryMention = true, overrides: Partial<LensDeps> = {}, options: Partial<LensOptions> = {}): Setup {
  const window = new Window({ url: 'http://127.0.0.1/', settings: { disableJavaScriptEvaluation: true } });
  open.push(window);
  const parsed = new window.DOMParser().parseFromString(html, 'text/html');
  window.document.documentElement.replaceChildren(window.document.importNode(parsed.head, true), window.document.importNode(parsed.body, true));
  const document = window.document as unknown as Document;
  const registry = new Map<string, FakeHighlight>();
  const clock = new FakeClock();
  const api: HighlightApi = { registry: registry as unknown as HighlightRegistry, create: () => new FakeHighlight() as unknown as Highlight };
  const lens = new PageLens(
    {
      matcher: () => matcher,
      highlighter: new Highlighter(api, 'underline', onLightPage),
      root: () => document.body,
      now: () => performance.now(),
      yieldToPage: () => Promise.resolve(),
      setTimer: clock.setTimer,
      clearTimer: clock.clearTimer,
      MutationObserver: window.MutationObserver as unknown as typeof MutationObserver,
      makeRange: (node, start, end) => ({ startContainer: node, startOffset: start, endContainer: node, endOffset: end, collapsed: false }) as StaticRange,
      isRendered,
      ...overrides,
    },
    // The paragraph rule and the whole page unless a test says otherwise: most tests here are about other things.
    { markScope: markEveryMention ? 'every' : 'paragraph', wholePage: true, ...options },
  );
  const painted = () =>
    lens.shownMarks().map((m) => ({ text: m.node.data.slice(m.start, m.end), id: table.entities[m.entity]!.id }));
  return { window, clock, document, lens, registry, painted };
}

/** Tests that insert MAX_QUEUED_NODES elements into happy-dom take seconds on a busy machine, beyond Vitest's default. */
const MANY_NODES_TIMEOUT_MS = 60_000;

const fixture = (name: string) => readFileSync(fixturePath(`pages/${name}`), 'utf8');
const expected = (name: string) => JSON.parse(readFileSync(fixturePath(`pages/${name}.expected.json`), 'utf8')) as { relevant: boolean; mentions: { text: string; id: string }[] };

/**
 * Settles the lens: the scan in progress, then every mutation batch it schedules (MUTATION_BATCH_MS on the fake
 * clock) and that batch's scan, until no timer is left.
 */
async function settle(s: Setup) {
  await s.lens.idle;
  await nextTurn();
  while (s.clock.runNext()) {
    await s.lens.idle;
    await nextTurn();
  }
  await s.lens.idle;
}

/** An IntersectionObserver that reports only when the test says so. */
class FakeViewport {
  static last: FakeViewport | null = null;
  observed = new Set<Element>();
  constructor(private readonly callback: (entries: IntersectionObserverEntry[]) => void) {
    FakeViewport.last = this;
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {
    this.observed.clear();
  }
  /** `box`: the element's size as the observer saw it; 0 × 0 for an element without a box of its own. */
  report(el: Element, isIntersecting: boolean, box = { width: 100, height: 40 }) {
    this.callback([{ target: el, isIntersecting, boundingClientRect: box as DOMRectReadOnly } as IntersectionObserverEntry]);
  }
}

/** Texts of the shown marks inside elements matching the selector, in page order. */
const textsIn = (s: Setup, selector: string) =>
  s.lens.shownMarks().filter((m) => m.node.parentElement?.closest(selector)).map((m) => m.node.data.slice(m.start, m.end));
/** Gives each element a fixed box (happy-dom has no layout): top edge by id, 40 px high. */
function placeAt(s: Setup, tops: Record<string, number>) {
  for (const [id, top] of Object.entries(tops))
    s.document.getElementById(id)!.getBoundingClientRect = () => ({ top, bottom: top + 40, left: 0, right: 100, width: 100, height: 40, x: 0, y: top, toJSON: () => ({}) }) as DOMRect;
}

/** A page whose elements sit at the given tops, watched by a FakeViewport; started and settled. */
async function startWithViewport(html: string, tops: Record<string, number>, overrides: Partial<LensDeps> = {}): Promise<Setup> {
  const s = setup(html, false, { IntersectionObserver: FakeViewport as unknown as typeof IntersectionObserver, ...overrides });
  placeAt(s, tops);
  s.lens.start();
  await settle(s);
  return s;
}

describe('the lens says when it comes to rest', () => {
  it('after the first scan, and after each batch of changes once no other batch waits', async () => {
    let rests = 0;
    const s = setup('<body><p id="a">Zelensky met Putin in Kyiv.</p></body>', true, { onIdle: () => rests++ });
    s.lens.start();
    await s.lens.idle;
    await nextTurn();
    expect(rests).toBe(1);
    // A change schedules a batch: not at rest while it waits.
    s.document.getElementById('a')!.append(' Lavrov too.');
    await nextTurn();
    expect(s.clock.pending).toBe(1);
    expect(rests).toBe(1);
    await settle(s);
    expect(rests).toBe(2);
    expect(s.painted().map((m) => m.text)).toContain('Lavrov');
    // Stopped, it is not at rest: it is gone, and says nothing more.
    s.lens.stop();
    s.document.getElementById('a')!.append(' Witkoff.');
    await settle(s);
    expect(rests).toBe(2);
  });
});

describe('page lens on saved pages', () => {
  it.each(['wire-story', 'live-blog', 'opinion', 'forms-code'])('%s: marks exactly the expected mentions', async (name) => {
    const s = setup(fixture(`${name}.html`));
    s.lens.start();
    await settle(s);
    const want = expected(name);
    expect(s.lens.isRelevant).toBe(want.relevant);
    expect(s.painted()).toEqual(want.mentions);
    expect(s.registry.get(HIGHLIGHT_NAMES.underline)?.size).toBe(want.mentions.length);
  });

  it('forms-code: nothing inside an excluded region is marked', async () => {
    const s = setup(fixture('forms-code.html'));
    s.lens.start();
    await settle(s);
    const inExcluded = s.lens.shownMarks().filter((m) => m.node.parentElement?.closest('[data-excluded]'));
    expect(inExcluded).toEqual([]);
    expect(s.lens.marks).toBeGreaterThan(0);
  });

  it('marks the first mention of each thing per paragraph with the paragraph rule', async () => {
    const s = setup('<body><p>Putin met Zelensky. Putin spoke in Kyiv.</p><p>Putin again, and Russia.</p></body>', false);
    s.lens.start();
    await settle(s);
    expect(s.painted()).toEqual([
      { text: 'Putin', id: 'putin' },
      { text: 'Zelensky', id: 'zelensky' },
      { text: 'Kyiv', id: 'ukraine' },
      { text: 'Putin', id: 'putin' },
      { text: 'Russia', id: 'russia' },
    ]);
    s.lens.setOptions({ markScope: 'every', wholePage: true });
    expect(s.painted()).toHaveLength(6);
  });

  it('a page published before the talks began gets no marks, and the same text undated does', async () => {
    const old = setup(fixture('old-2016.html'));
    old.lens.start();
    await settle(old);
    expect(old.lens.marks).toBeGreaterThan(5);
    expect({ relevant: old.lens.isRelevant, painted: old.painted().length }).toEqual({ relevant: false, painted: 0 });
    const undated = setup(fixture('old-2016.html').replace(/<meta property="article:published_time"[^>]*>/, '').replace(/<time[^>]*>/, '<time>'));
    undated.lens.start();
    await settle(undated);
    expect(undated.lens.isRelevant).toBe(true);
  });

  it('off-topic pages get no marks', async () => {
    for (const name of ['gaza-ceasefire', 'ncaa-sanctions', 'geology-minerals', 'bridge-column']) {
      const s = setup(fixture(`${name}.html`));
      s.lens.start();
      await settle(s);
      expect({ name, marks: s.painted().length, relevant: s.lens.isRelevant }).toEqual({ name, marks: 0, relevant: false });
    }
  });
});

describe('calm marking: the article, not its chrome; each thing once per section; states and blocs once', () => {
  const calm = { markScope: 'section', wholePage: false } as const;
  async function calmLens(name: string, options: Partial<LensOptions> = calm) {
    const s = setup(fixture(`${name}.html`), false, {}, options);
    s.lens.start();
    await settle(s);
    return s;
  }
  const ids = (s: Setup) => s.lens.shownMarks().map((m) => table.entities[m.entity]!.id);
  /** Every thing named in the article's own text, found by marking every mention there. */
  async function thingsInArticle(name: string) {
    return new Set(ids(await calmLens(name, { markScope: 'every', wholePage: false })));
  }
  const chrome = 'nav, .masthead, header, h1, aside, footer, .byline, .related-stories';

  it.each(['calm-article', 'wire-story', 'live-blog', 'opinion', 'long-read'])('%s: nothing in the chrome, every thing of the article marked', async (name) => {
    const s = await calmLens(name);
    expect(s.lens.isRelevant).toBe(true);
    expect(textsIn(s, chrome)).toEqual([]);
    expect(new Set(ids(s))).toEqual(await thingsInArticle(name));
    // States and blocs once in the whole article.
    const states = ids(s).filter((id) => table.entities.find((e) => e.id === id)!.oncePerArticle);
    expect(states.length).toBe(new Set(states).size);
  });

  it('calm-article: the masthead, navigation, headline, byline, dateline, related list and footer stay unmarked', async () => {
    const s = await calmLens('calm-article');
    const first = s.document.querySelector('article > p')!;
    // "JEDDAH, Saudi Arabia (Kyiv Ledger) —": the dateline's place names are not the story's mentions.
    expect(textsIn(s, 'article > p:first-of-type')).not.toContain('JEDDAH');
    expect(textsIn(s, 'article > p:first-of-type')).not.toContain('Saudi Arabia');
    expect(first.textContent).toMatch(/^JEDDAH, Saudi Arabia/);
    // The whole page, on request: the related list and the navigation are marked again.
    s.lens.setOptions({ markScope: 'section', wholePage: true });
    expect(textsIn(s, 'aside')).toEqual(expect.arrayContaining(['Putin']));
    // The masthead's "Kyiv" is now the page's first mention of Ukraine, and so its one mark.
    expect(textsIn(s, '.masthead')).toEqual(['Kyiv']);
    expect(textsIn(s, 'nav')).toContain('Russia');
    expect(textsIn(s, 'article > p:first-of-type')[0]).toBe('Saudi Arabia');
  });

  it('long-read: a person is marked again in a later section, a state is not', async () => {
    const s = await calmLens('long-read');
    const sectionOf = (m: { node: Text }) => {
      let heading = 'before';
      for (const h of s.document.querySelectorAll('article h2')) if (h.compareDocumentPosition(m.node) & 4) heading = h.id;
      return heading;
    };
    const shown = s.lens.shownMarks();
    const perThing = new Map<string, Set<string>>();
    for (const m of shown) {
      const id = table.entities[m.entity]!.id;
      const sections = perThing.get(id) ?? new Set<string>();
      // At most one mark of a thing per section.
      expect(sections.has(sectionOf(m)), `${id} twice in ${sectionOf(m)}`).toBe(false);
      perThing.set(id, sections.add(sectionOf(m)));
    }
    expect([...perThing.values()].some((sections) => sections.size > 1)).toBe(true);
    expect(perThing.get('ukraine')?.size ?? 0).toBeLessThanOrEqual(1);
    expect(perThing.get('russia')?.size ?? 0).toBeLessThanOrEqual(1);
  });

  it('live-blog: the updates are one section, so each thing is marked once, not once per update', async () => {
    const s = await calmLens('live-blog');
    expect(ids(s).length).toBe(new Set(ids(s)).size);
    const paragraphRule = await calmLens('live-blog', { markScope: 'paragraph', wholePage: false });
    expect(paragraphRule.lens.shownMarks().length).toBeGreaterThan(s.lens.shownMarks().length);
  });

  it('a page changing under calm marking: when the first mention in a section goes, the next one there takes its place', async () => {
    const s = setup('<body><main><p id="a">Zelensky spoke.</p><p id="b">Putin and Zelensky met in Kyiv with Lavrov.</p></main></body>', false, {}, calm);
    s.lens.start();
    await settle(s);
    expect(s.painted().filter((m) => m.id === 'zelensky')).toHaveLength(1);
    s.document.getElementById('a')!.remove();
    await settle(s);
    expect(textsIn(s, '#b')).toContain('Zelensky');
  });
});

describe('page lens on a changing page', () => {
  it('scans appended live-blog updates, and only those', async () => {
    const s = setup(fixture('live-blog.html'));
    s.lens.start();
    await settle(s);
    const before = s.painted().length;
    const li = s.document.createElement('li');
    li.textContent = 'Steve Witkoff said the Black Sea ceasefire talks in Riyadh would resume.';
    s.document.getElementById('updates')!.prepend(li);
    await settle(s);
    expect(s.painted().length).toBeGreaterThan(before);
    const inNewUpdate = s.lens.shownMarks().filter((m) => li.contains(m.node));
    expect(inNewUpdate.map((m) => m.node.data.slice(m.start, m.end))).toEqual(['Steve Witkoff', 'Black Sea ceasefire', 'Riyadh']);
  });

  it('drops the ranges of removed nodes, and re-renders keep the same marks', async () => {
    const s = setup('<body><div id="root"><p>Zelensky met Putin in Istanbul.</p><p>Lavrov and Kyiv.</p></div></body>');
    s.lens.start();
    await settle(s);
    const before = s.painted();
    const root = s.document.getElementById('root')!;
    // A framework re-render: new nodes, same text.
    const fresh = root.cloneNode(true) as Element;
    root.replaceWith(fresh);
    await settle(s);
    expect(s.painted()).toEqual(before);
    expect(s.lens.shownMarks().every((m) => m.node.isConnected)).toBe(true);
    expect(s.lens.marks).toBe(before.length);
  });

  it('when the first mention of a paragraph goes, the next mention of the same thing there is shown', async () => {
    const s = setup('<body><p id="p"><span id="first">Putin spoke.</span> Later <b>Putin</b> and Zelensky, then Putin again.</p><p>Kyiv, Russia.</p></body>', false);
    s.lens.start();
    await settle(s);
    const putins = () => s.lens.shownMarks().filter((m) => m.node.parentElement?.closest('#p') && m.node.data.slice(m.start, m.end) === 'Putin');
    expect(putins().map((m) => m.node.parentElement!.id || m.node.parentElement!.localName)).toEqual(['first']);
    s.document.getElementById('first')!.remove();
    await settle(s);
    // The <b> Putin is next in page order; the one after it stays held back.
    expect(putins().map((m) => m.node.parentElement!.localName)).toEqual(['b']);
    expect(s.painted().filter((m) => m.id === 'putin')).toHaveLength(1);
    s.document.querySelector('b')!.firstChild!.textContent = 'Medvedev';
    await settle(s);
    expect(putins().map((m) => m.node.data.slice(m.start))).toEqual(['Putin again.']);
  });

  it('rescans a text node whose text the page edits, so marks stay right', async () => {
    const s = setup('<body><p id="p">Zelensky met Putin in Kyiv.</p><p>Russia and Ukraine.</p></body>');
    s.lens.start();
    await settle(s);
    const text = s.document.getElementById('p')!.firstChild as Text;
    text.data = 'Later, Marco Rubio flew to Riyadh.';
    await settle(s);
    expect(s.painted().slice(0, 2)).toEqual([
      { text: 'Marco Rubio', id: 'rubio' },
      { text: 'Riyadh', id: 'saudi-arabia' },
    ]);
  });

  it('ignores text added inside excluded regions', async () => {
    const s = setup('<body><p>Zelensky met Putin in Kyiv.</p><textarea id="t"></textarea><div contenteditable="true" id="e"></div></body>');
    s.lens.start();
    await settle(s);
    const before = s.lens.marks;
    const span = s.document.createElement('span');
    span.textContent = 'Lavrov and Witkoff';
    s.document.getElementById('e')!.append(span);
    s.document.getElementById('t')!.append(s.document.createTextNode('Lavrov'));
    await settle(s);
    expect(s.lens.marks).toBe(before);
  });

  it('keeps at most MAX_MARKS marks on a page that keeps growing', async () => {
    const s = setup('<body><main id="m"><p>Zelensky met Putin in Kyiv.</p></main></body>');
    s.lens.start();
    await settle(s);
    const main = s.document.getElementById('m')!;
    const sentence = 'Putin, Zelensky, Lavrov, Witkoff, Rubio, Kyiv, Moscow, Riyadh, Jeddah, Ukraine. ';
    for (let batch = 0; batch < 8; batch++) {
      for (let i = 0; i < 100; i++) {
        const p = s.document.createElement('p');
        p.textContent = sentence;
        main.append(p);
      }
      await settle(s);
    }
    expect(s.lens.marks).toBe(MAX_MARKS);
  });

  it('stop() removes every mark and stops watching', async () => {
    const s = setup(fixture('wire-story.html'));
    s.lens.start();
    await settle(s);
    expect(s.registry.get(HIGHLIGHT_NAMES.underline)!.size).toBeGreaterThan(0);
    s.lens.stop();
    expect(s.registry.get(HIGHLIGHT_NAMES.underline)!.size).toBe(0);
    const p = s.document.createElement('p');
    p.textContent = 'Zelensky, Putin and Lavrov in Kyiv.';
    s.document.body.append(p);
    await settle(s);
    expect(s.lens.marks).toBe(0);
  });
});

describe('text that becomes excluded after it was marked', () => {
  const page = '<body><p id="p">Zelensky met Putin in Kyiv.</p><p>Russia and Ukraine.</p><div id="editor" contenteditable="true"></div></body>';

  it('loses its marks when it moves into an editable region', async () => {
    const s = setup(page);
    s.lens.start();
    await settle(s);
    expect(s.painted().map((m) => m.text)).toContain('Zelensky');
    s.document.getElementById('editor')!.append(s.document.getElementById('p')!);
    await settle(s);
    expect(s.painted().map((m) => m.text)).toEqual(['Russia', 'Ukraine']);
  });

  it('loses its marks when its region becomes editable or hidden, and gets them back after', async () => {
    const s = setup(page);
    s.lens.start();
    await settle(s);
    const p = s.document.getElementById('p')!;
    p.setAttribute('contenteditable', 'true');
    await settle(s);
    expect(s.painted().map((m) => m.text)).toEqual(['Russia', 'Ukraine']);
    p.removeAttribute('contenteditable');
    await settle(s);
    expect(s.painted().map((m) => m.text)).toEqual(['Zelensky', 'Putin', 'Kyiv', 'Russia', 'Ukraine']);
    p.setAttribute('hidden', '');
    await settle(s);
    expect(s.painted().map((m) => m.text)).toEqual(['Russia', 'Ukraine']);
    p.removeAttribute('hidden');
    await settle(s);
    expect(s.painted()).toHaveLength(5);
    // An inline style that hides the paragraph counts; one that only colours it does not matter.
    p.setAttribute('style', 'color: red');
    await settle(s);
    expect(s.painted()).toHaveLength(5);
    p.setAttribute('style', 'display: none');
    await settle(s);
    expect(s.painted().map((m) => m.text)).toEqual(['Russia', 'Ukraine']);
  });
});

describe('a page that changes under the first scan', () => {
  it('scans the rest of the page when the subtree being read is removed between slices', async () => {
    // Many paragraphs, so the scan takes several slices; a clock that jumps makes every batch end a slice.
    const paragraphs = Array.from({ length: 400 }, (_, i) => `<p>Paragraph ${i}: Zelensky met Putin in Kyiv.</p>`).join('');
    let clock = 0;
    let yields = 0;
    let s: Setup | null = null;
    s = setup(`<body><div id="app">${paragraphs}</div><p id="last">Finally, Lavrov spoke in Riyadh.</p></body>`, true, {
      now: () => (clock += SLICE_MS),
      yieldToPage: async () => {
        // A framework re-renders the app while we wait: the subtree the walker stands in leaves the page.
        if (++yields === 1) s!.document.getElementById('app')!.replaceWith(s!.document.getElementById('app')!.cloneNode(true));
      },
    });
    s.lens.start();
    await settle(s);
    expect(yields).toBeGreaterThan(1);
    const texts = s.painted().map((m) => m.text);
    expect(texts.slice(-2)).toEqual(['Lavrov', 'Riyadh']);
    expect(s.lens.shownMarks().every((m) => m.node.isConnected)).toBe(true);
  });
});

describe('painting near the viewport', () => {
  const page = `<body>${['p1', 'p2', 'p3'].map((id) => `<p id="${id}">Putin met Zelensky in Kyiv about the ceasefire.</p>`).join('')}</body>`;

  function setupFar() {
    const s = setup(page, false, { IntersectionObserver: FakeViewport as unknown as typeof IntersectionObserver });
    // p1 on screen, p2 and p3 far below it (happy-dom has no layout).
    const tops: Record<string, number> = { p1: 0, p2: 50_000, p3: 100_000 };
    for (const [id, top] of Object.entries(tops)) {
      const el = s.document.getElementById(id)!;
      el.getBoundingClientRect = () => ({ top, bottom: top + 40, left: 0, right: 100, width: 100, height: 40, x: 0, y: top, toJSON: () => ({}) }) as DOMRect;
    }
    return s;
  }
  const paintedIn = (s: Setup) => s.lens.shownMarks().filter((m) => m.range && s.registry.get(HIGHLIGHT_NAMES.underline)?.has(m.range)).map((m) => (m.node.parentElement as Element).id);

  it('paints the paragraphs on screen at once and the others when they come near', async () => {
    const s = setupFar();
    s.lens.start();
    await settle(s);
    const viewport = FakeViewport.last!;
    expect(new Set(paintedIn(s))).toEqual(new Set(['p1']));
    expect(s.lens.shownMarks()).toHaveLength(12);
    expect([...viewport.observed].map((el) => el.id)).toEqual(['p1', 'p2', 'p3']);
    viewport.report(s.document.getElementById('p2')!, true);
    expect(new Set(paintedIn(s))).toEqual(new Set(['p1', 'p2']));
    viewport.report(s.document.getElementById('p1')!, false);
    expect(new Set(paintedIn(s))).toEqual(new Set(['p2']));
    expect(s.registry.get(HIGHLIGHT_NAMES.underline)?.size).toBe(4);
  });

  it('a paragraph that goes far keeps its active mark (the one whose card is open) marked as active', async () => {
    const registry = new Map<string, FakeHighlight>();
    const highlighter = new Highlighter({ registry: registry as unknown as HighlightRegistry, create: () => new FakeHighlight() as unknown as Highlight }, 'underline', onLightPage);
    const s = await startWithViewport(page, { p1: 0, p2: 50_000, p3: 100_000 }, { highlighter });
    const first = s.lens.shownMarks()[0]!;
    highlighter.setActive(s.lens.rangeOf(first));
    FakeViewport.last!.report(s.document.getElementById('p1')!, false);
    expect(registry.get(HIGHLIGHT_NAMES.underline)?.size ?? 0).toBe(0);
    expect(registry.get(HIGHLIGHT_NAMES.active)?.size).toBe(1);
  });

  it('stops watching a paragraph whose marks are gone, and everything on stop()', async () => {
    const s = setupFar();
    s.lens.start();
    await settle(s);
    const viewport = FakeViewport.last!;
    s.document.getElementById('p3')!.remove();
    await settle(s);
    expect([...viewport.observed].map((el) => el.id)).toEqual(['p1', 'p2']);
    s.lens.stop();
    expect(viewport.observed.size).toBe(0);
    expect(s.registry.get(HIGHLIGHT_NAMES.underline)?.size ?? 0).toBe(0);
  });
});

describe('pages that move, re-render and replace their text', () => {
  /** 400 paragraphs and a clock that ends a slice after every batch: the first scan pauses many times. */
  const many = Array.from({ length: 400 }, (_, i) => `<p id="p${i}">Paragraph ${i}: Zelensky met Putin in Kyiv.</p>`).join('');
  const slicedClock = () => {
    let clock = 0;
    return () => (clock += SLICE_MS);
  };
  const underline = (s: Setup) => s.registry.get(HIGHLIGHT_NAMES.underline)?.size ?? 0;

  it('comment nodes the page adds or edits (frameworks use them as placeholders) do not stop later updates', async () => {
    const s = setup('<body><p>Zelensky met Putin in Kyiv.</p><div id="app"></div></body>');
    s.lens.start();
    await settle(s);
    const app = s.document.getElementById('app')!;
    const comment = s.document.createComment('v-if');
    app.append(comment);
    await settle(s);
    comment.data = '$';
    await settle(s);
    app.append(Object.assign(s.document.createElement('p'), { textContent: 'Lavrov and Witkoff met in Riyadh.' }));
    await settle(s);
    expect(textsIn(s, '#app')).toEqual(['Lavrov', 'Witkoff', 'Riyadh']);
  });

  it('a text node moved into another paragraph counts there, and its old paragraph shows its next mention', async () => {
    const s = setup('<body><p id="a"><span id="s">Putin spoke.</span> Later Putin again.</p><p id="b">Zelensky in Kyiv.</p></body>', false);
    s.lens.start();
    await settle(s);
    expect(textsIn(s, '#a')).toEqual(['Putin']);
    s.document.getElementById('b')!.append(s.document.getElementById('s')!);
    await settle(s);
    const shown = s.lens.shownMarks().map((m) => `${m.node.parentElement!.closest('p')!.id}: ${m.node.data.slice(m.start, m.end)}`);
    expect(shown).toEqual(['a: Putin', 'b: Zelensky', 'b: Kyiv', 'b: Putin']);
  });

  it('a text node moved into a paragraph near the viewport is painted there', async () => {
    const s = await startWithViewport('<body><p id="p1">Putin met Zelensky in Kyiv.</p><p id="p2">Putin met Zelensky in Kyiv. <span id="s">Lavrov spoke.</span></p></body>', { p1: 0, p2: 100_000 });
    const p1 = s.document.getElementById('p1')!;
    p1.append(s.document.getElementById('s')!);
    await settle(s);
    FakeViewport.last!.report(p1, true);
    const lavrov = s.lens.shownMarks().find((m) => m.node.data.startsWith('Lavrov'))!;
    expect(lavrov.block).toBe(p1);
    expect(lavrov.range !== null && s.registry.get(HIGHLIGHT_NAMES.underline)!.has(lavrov.range)).toBe(true);
  });

  it('a re-rendered first mention stays the shown one; the later mention stays held back', async () => {
    const s = setup('<body><p id="p"><span id="first">Putin spoke.</span> Later <b>Putin</b> again.</p><p>Kyiv, Zelensky, Russia.</p></body>', false);
    s.lens.start();
    await settle(s);
    const shownPutin = () => s.lens.shownMarks().filter((m) => m.node.parentElement!.closest('#p') && m.node.data.slice(m.start, m.end) === 'Putin').map((m) => m.node.parentElement!.localName);
    expect(shownPutin()).toEqual(['span']);
    const first = s.document.getElementById('first')!;
    first.replaceWith(first.cloneNode(true));
    await settle(s);
    expect(shownPutin()).toEqual(['span']);
    expect(underline(s)).toBe(s.lens.shownMarks().length);
  });

  it('restart() while the first scan is paused and a mutation batch waits behind it leaves no duplicate marks', async () => {
    let yields = 0;
    let s: Setup | null = null;
    s = setup(`<body>${many}</body>`, true, {
      now: slicedClock(),
      yieldToPage: async () => {
        if (++yields === 1) {
          const doc = s!.document;
          doc.body.append(Object.assign(doc.createElement('p'), { textContent: 'Lavrov in Riyadh.' }));
          // The batch's timer fires while the scan is paused: the batch waits behind the scan.
          await nextTurn();
          s!.clock.advance(200);
          s!.lens.restart();
          doc.body.append(Object.assign(doc.createElement('p'), { textContent: 'Witkoff met Dmitriev in Miami.' }));
          return;
        }
        await nextTurn();
      },
    });
    s.lens.start();
    await settle(s);
    const shown = s.lens.shownMarks().length;
    expect({ marks: s.lens.marks, painted: underline(s) }).toEqual({ marks: shown, painted: shown });
  });

  it.each([
    ['later in the page (a carousel rotates an item to the end)', (list: Element, p: Element) => list.append(p)],
    ['earlier in the page (a post pinned to the top)', (list: Element, p: Element) => list.prepend(p)],
  ])('the node the paused first scan stands on, moved %s: every node is scanned once', async (_, move) => {
    let yields = 0;
    let s: Setup | null = null;
    s = setup(`<body><div id="list">${many}</div></body>`, true, {
      now: slicedClock(),
      yieldToPage: async () => {
        // After the first batch (BATCH_NODES text nodes) the walker stands on the next paragraph's text.
        if (++yields === 1) move(s!.document.getElementById('list')!, s!.document.getElementById(`p${BATCH_NODES}`)!);
      },
    });
    s.lens.start();
    await settle(s);
    expect({ shown: s.lens.shownMarks().length, marks: s.lens.marks, painted: underline(s) }).toEqual({ shown: 1200, marks: 1200, painted: 1200 });
  });

  it('a node the paused first scan has read, moved further down by the page, is counted and painted once', async () => {
    let yields = 0;
    let s: Setup | null = null;
    s = setup(`<body><div id="list">${many}</div></body>`, true, {
      now: slicedClock(),
      yieldToPage: async () => {
        // A carousel rotates its first item to the end; the walker has passed it but does not stand in it.
        if (++yields === 1) s!.document.getElementById('list')!.append(s!.document.getElementById('p0')!);
      },
    });
    s.lens.start();
    await settle(s);
    expect({ shown: s.lens.shownMarks().length, marks: s.lens.marks, painted: underline(s) }).toEqual({ shown: 1200, marks: 1200, painted: 1200 });
  });

  it('the first scan finishes on a page that re-sorts a small live table at every pause, and the page is complete after', async () => {
    const plain = Array.from({ length: BATCH_NODES - 2 }, (_, i) => `<p>Weather item ${i}: sunny.</p>`).join('');
    const table = `<ol id="scores">${Array.from({ length: 4 }, (_, i) => `<li>Team ${i}: ${i} points</li>`).join('')}</ol>`;
    const rest = Array.from({ length: 300 }, (_, i) => `<p>More weather ${i}.</p>`).join('');
    let yields = 0;
    let s: Setup | null = null;
    s = setup(`<body>${plain}${table}${rest}<p id="last">Zelensky met Putin in Kyiv; Lavrov in Riyadh.</p></body>`, true, {
      now: slicedClock(),
      yieldToPage: async () => {
        // Re-sorted (rows re-appended) whenever the page gets its thread; it stops after 2,000 so the test ends.
        if (++yields < 2000) {
          const list = s!.document.getElementById('scores')!;
          list.append(...[...list.children].reverse());
        }
      },
    });
    s.lens.start();
    await s.lens.idle;
    expect(yields).toBeLessThan(50);
    await settle(s);
    expect(textsIn(s, '#last')).toEqual(['Zelensky', 'Putin', 'Kyiv', 'Lavrov', 'Riyadh']);
  });

  it('a text node moved into another paragraph in a batch that overflows MAX_QUEUED_NODES counts in its new paragraph', async () => {
    const s = setup('<body><p id="a"><span id="s">Putin spoke.</span> Later Putin again.</p><p id="b">Zelensky in Kyiv.</p><main id="m"></main></body>', false);
    s.lens.start();
    await settle(s);
    const main = s.document.getElementById('m')!;
    for (let i = 0; i < MAX_QUEUED_NODES; i++) main.append(s.document.createElement('i'));
    s.document.getElementById('b')!.append(s.document.getElementById('s')!);
    await settle(s);
    const shown = s.lens.shownMarks().map((m) => `${m.node.parentElement!.closest('p')!.id}: ${m.node.data.slice(m.start, m.end)}`);
    expect(shown).toEqual(['a: Putin', 'b: Zelensky', 'b: Kyiv', 'b: Putin']);
  }, MANY_NODES_TIMEOUT_MS);

  it('a paragraph the page takes out and puts back in the same place keeps its marks (same mark, still active)', async () => {
    const registry = new Map<string, FakeHighlight>();
    const highlighter = new Highlighter({ registry: registry as unknown as HighlightRegistry, create: () => new FakeHighlight() as unknown as Highlight }, 'underline', onLightPage);
    const s = setup('<body><p id="a">Zelensky met Putin in Kyiv.</p><p id="b">Lavrov in Riyadh.</p></body>', false, { highlighter });
    s.lens.start();
    await settle(s);
    const a = s.document.getElementById('a')!;
    const text = a.firstChild as Text;
    const before = s.lens.markAt(text, 0)!;
    // Its card is open: the content app makes its range the active highlight.
    highlighter.setActive(s.lens.rangeOf(before));
    a.parentNode!.insertBefore(a, a.nextSibling);
    await settle(s);
    expect({ sameMark: s.lens.markAt(text, 0) === before, active: registry.get(HIGHLIGHT_NAMES.active)?.size ?? 0 }).toEqual({ sameMark: true, active: 1 });
  });

  it.each([
    ['without a URL change', false],
    ['right after a History API navigation (restart first, then the new body)', true],
  ])('a page that replaces <body> %s is marked, and so are later updates', async (_, navigated) => {
    const s = setup('<body><p id="old">Zelensky met Putin in Kyiv.</p></body>');
    s.lens.start();
    await settle(s);
    if (navigated) s.lens.restart();
    const body = s.document.createElement('body');
    const main = s.document.createElement('main');
    main.id = 'm';
    main.append(Object.assign(s.document.createElement('p'), { textContent: 'Zelensky met Putin in Kyiv.' }));
    body.append(main);
    s.document.body.replaceWith(body);
    await settle(s);
    main.append(Object.assign(s.document.createElement('p'), { textContent: 'Lavrov and Witkoff met in Riyadh.' }));
    await settle(s);
    expect(textsIn(s, '#m')).toEqual(['Zelensky', 'Putin', 'Kyiv', 'Lavrov', 'Witkoff', 'Riyadh']);
    expect(s.lens.marks).toBe(6);
  });

  it('a batch of more nodes than MAX_QUEUED_NODES is scanned all the same', async () => {
    const s = setup('<body><p>Zelensky met Putin in Kyiv.</p><main id="m"></main></body>');
    s.lens.start();
    await settle(s);
    const main = s.document.getElementById('m')!;
    for (let i = 0; i < MAX_QUEUED_NODES; i++) main.append(s.document.createElement('i'));
    main.append(Object.assign(s.document.createElement('p'), { textContent: 'Lavrov and Witkoff met in Riyadh.' }));
    await settle(s);
    expect(textsIn(s, '#m')).toEqual(['Lavrov', 'Witkoff', 'Riyadh']);
  }, MANY_NODES_TIMEOUT_MS);

  it('restart() during the first scan still paints what is on screen at once', async () => {
    const onScreen = Array.from({ length: 400 }, (_, i) => `<p id="p${i}">Putin met Zelensky in Kyiv.</p>`).join('');
    let yields = 0;
    let s: Setup | null = null;
    s = setup(`<body>${onScreen}</body>`, false, {
      IntersectionObserver: FakeViewport as unknown as typeof IntersectionObserver,
      now: slicedClock(),
      yieldToPage: async () => {
        if (++yields === 1) return s!.lens.restart();
        await nextTurn();
      },
    });
    // A tall viewport: every paragraph is on screen, and the fake observer never reports (no frame drawn yet).
    placeAt(s, Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`p${i}`, 0])));
    s.lens.start();
    await settle(s);
    expect(underline(s)).toBe(1200);
  });
});

describe('text that is hidden when the page is scanned', () => {
  it('is marked once the viewport observer sees it shown (a "read more" that removes a class)', async () => {
    const hidden = new Set<string>(['more']);
    const s = setup('<body><p id="p1">Putin met Zelensky in Kyiv.</p><div id="more"><p id="p2">Later Lavrov met Witkoff in Riyadh.</p></div></body>', true, {
      IntersectionObserver: FakeViewport as unknown as typeof IntersectionObserver,
      // Hidden by a style sheet rule the lens cannot see change: only the viewport observer can tell.
      isRendered: (el) => ![...hidden].some((id) => el.closest(`#${id}`)),
    });
    placeAt(s, { p1: 0, p2: 40, more: 40 });
    s.lens.start();
    await settle(s);
    expect(textsIn(s, '#more')).toEqual([]);
    const viewport = FakeViewport.last!;
    const watched = [...viewport.observed].filter((el) => el.closest('#more'));
    expect(watched.map((el) => el.id)).toEqual(['p2']);
    // Still hidden: a report changes nothing. Shown: its text is scanned with the next batch.
    viewport.report(watched[0]!, true);
    await settle(s);
    expect(textsIn(s, '#more')).toEqual([]);
    hidden.clear();
    viewport.report(watched[0]!, true);
    await settle(s);
    expect(textsIn(s, '#more')).toEqual(['Lavrov', 'Witkoff', 'Riyadh']);
  });
});

describe('hidden text added or removed later', () => {
  function hiddenSetup() {
    const hidden = new Set<Element>();
    const s = setup('<body><p id="p1">Putin met Zelensky in Kyiv.</p><div id="slides"></div></body>', true, {
      IntersectionObserver: FakeViewport as unknown as typeof IntersectionObserver,
      isRendered: (el) => ![...hidden].some((h) => h.contains(el)),
    });
    placeAt(s, { p1: 0 });
    return { s, hidden };
  }

  it('an update the page appends already hidden (a collapsed post) is marked once shown', async () => {
    const { s, hidden } = hiddenSetup();
    s.lens.start();
    await settle(s);
    const post = Object.assign(s.document.createElement('p'), { textContent: 'Lavrov and Witkoff met in Riyadh.' });
    hidden.add(post);
    s.document.getElementById('slides')!.append(post);
    await settle(s);
    const watched = FakeViewport.last!.observed.has(post);
    hidden.delete(post);
    FakeViewport.last!.report(post, true);
    await settle(s);
    expect({ watched, marked: textsIn(s, '#slides') }).toEqual({ watched: true, marked: ['Lavrov', 'Witkoff', 'Riyadh'] });
  });

  it('hidden elements the page removed are no longer watched, so hidden text added later is still marked when shown', async () => {
    const { s, hidden } = hiddenSetup();
    s.lens.start();
    await settle(s);
    const slides = s.document.getElementById('slides')!;
    /** A visible slide holder with a hidden caption (a carousel's inactive slide). */
    const addSlide = (text: string) => {
      const holder = s.document.createElement('div');
      const caption = Object.assign(s.document.createElement('p'), { textContent: text });
      holder.append(caption);
      hidden.add(caption);
      slides.append(holder);
      return caption;
    };
    for (let i = 0; i < MAX_WATCHED_HIDDEN; i++) addSlide(`Slide ${i}: Putin in Moscow.`);
    await settle(s);
    slides.replaceChildren();
    await settle(s);
    const viewport = FakeViewport.last!;
    expect([...viewport.observed].filter((el) => !el.isConnected)).toHaveLength(0);
    const caption = addSlide('Lavrov and Witkoff met in Riyadh.');
    await settle(s);
    hidden.delete(caption);
    viewport.report(caption, true);
    await settle(s);
    expect(textsIn(s, '#slides')).toEqual(['Lavrov', 'Witkoff', 'Riyadh']);
  });
});

describe('a paragraph element without a box of its own', () => {
  it('display: contents: its marks stay painted although the observer never sees it intersect', async () => {
    const s = await startWithViewport('<body><p id="p1">Putin met Zelensky in Kyiv.</p><div id="wrap">Sergei Lavrov spoke in Riyadh.</div></body>', { p1: 0, wrap: 0 });
    const wrap = s.document.getElementById('wrap')!;
    const painted = () => s.lens.shownMarks().filter((m) => m.block === wrap && m.range && s.registry.get(HIGHLIGHT_NAMES.underline)!.has(m.range)).length;
    expect(painted()).toBe(2);
    FakeViewport.last!.report(wrap, false, { width: 0, height: 0 });
    expect(painted()).toBe(2);
    // With a box, not intersecting means far away: unpainted.
    FakeViewport.last!.report(wrap, false);
    expect(painted()).toBe(0);
  });
});
