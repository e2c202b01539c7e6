/**
 * PageLens finds the negotiations' mentions on a live page and keeps the marks right while the page changes.
 * It reads the DOM, paints through the Highlighter, and writes nothing else.
 *
 * Work is sliced (SLICE_MS) so that no task blocks the page, mutations are batched (MUTATION_BATCH_MS), and
 * the number of marks it keeps is capped (MAX_MARKS), so a live blog that grows for hours costs bounded memory.
 */
import type { CompiledMatcher } from '../matcher/compile';
import { findMentions } from '../matcher/find-mentions';
import { addToTally, isRelevant, newTally } from '../matcher/relevance';
import { OVERLAY_HOST_ATTRIBUTE } from '../overlay/host-attribute';
import type { Highlighter } from './highlighter';
import { scanTextNodes, type RenderedCheck } from './mention-scan';
import { blockOf, isInExcludedRegion, TextNodeCursor } from './text-nodes';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Longest stretch of scanning before we give the page its thread back; well under the 50 ms long-task line. */
export const SLICE_MS = 8;
/** Mutations within this window are scanned together: a re-rendering app changes many nodes at once. */
export const MUTATION_BATCH_MS = 120;
/** Marks kept at most. Beyond it new text is not marked until older marked text leaves the page. */
export const MAX_MARKS = 5000;
/** Text nodes matched in one pass (see mention-scan.ts); small enough to stay well inside a slice. */
export const BATCH_NODES = 128;
/**
 * Nodes waiting to be scanned at most. An app that adds more in one batch gets its whole page walked again instead
 * (nodes scanned before are skipped), which costs less than remembering every node.
 */
export const MAX_QUEUED_NODES = 20000;
/** Hidden elements whose text had mentions, watched until they are shown (a "read more", a closed <details>). */
export const MAX_WATCHED_HIDDEN = 1000;
/**
 * Marks are painted (their ranges registered) only in paragraphs within this many screen heights of the viewport,
 * above and below. Chromium re-checks every registered range whenever the page's DOM changes: with thousands of
 * ranges each change of a live page costs rendering time, with the ranges of a few screens almost none (the
 * measurements are in docs/decisions.md, 8). Scrolling up to two screens at once still finds the next marks painted.
 */
export const PAINT_MARGIN_SCREENS = 2;

/**
 * Attributes that can turn a region into one we never mark, or hide it (and back): watched on the whole page.
 * `class` is left out on purpose: pages toggle classes constantly, and re-checking would cost more than the rare
 * text hidden by a class change after it was marked. A paragraph hidden that way is unpainted all the same: the
 * viewport observer sees it lose its box (a browser test covers it).
 */
const EXCLUDING_ATTRIBUTES = ['contenteditable', 'hidden', 'style', 'open'];
const HIDING_STYLE = /display|visibility|content-visibility/;

export interface Mark {
  node: Text;
  start: number;
  end: number;
  entity: number;
  generic: boolean;
  /**
   * Made when the mark is painted, and let go when its paragraph leaves the painted area: most marks on a long
   * page are never shown (first mention per paragraph), and most shown ones are far from the viewport.
   */
  range: StaticRange | null;
  shown: boolean;
  /** The paragraph it was shown or held back in (first mention per paragraph); kept for when it goes away. */
  block: Element | null;
}

/** Text nodes to scan: a cursor over a subtree, or a list (a mutation batch). */
interface NodeSource {
  next(): Text | null;
  /** True while every node given is new to the lens (a first scan): then nothing needs checking against records. */
  readonly givesEachNodeOnce?: boolean;
  /** After a yield: the page may have changed under the source. True if it started again from the root. */
  resume?(): boolean;
}

const listSource = (nodes: readonly Text[]): NodeSource => {
  let i = 0;
  return { next: () => nodes[i++] ?? null };
};

interface NodeRecord {
  data: string;
  marks: Mark[];
}

export interface LensOptions {
  markEveryMention: boolean;
}

export interface LensDeps {
  /** The compiled matcher, asked for when text is matched: the caller decides when it is compiled. */
  matcher: () => CompiledMatcher;
  highlighter: Highlighter;
  root: () => Node | null;
  now: () => number;
  /** Gives the page its thread back between slices. */
  yieldToPage: () => Promise<void>;
  setTimer: (fn: () => void, ms: number) => number;
  clearTimer: (id: number) => void;
  MutationObserver: typeof MutationObserver;
  makeRange: (node: Text, start: number, end: number) => StaticRange;
  isRendered: RenderedCheck;
  /**
   * Tells when paragraphs come near the viewport (PAINT_MARGIN_SCREENS). Without it (Node tools, tests) every
   * shown mark is painted.
   */
  IntersectionObserver?: typeof IntersectionObserver;
  /**
   * Called each time the lens comes to rest: a scan or a batch of changes is done and no other batch is waiting.
   * The signal that tests and tools wait on instead of waiting for time to pass.
   */
  onIdle?: () => void;
}

export class PageLens {
  #records = new Map<Text, NodeRecord>();
  /** Per paragraph: the shown mark of each entity, and the marks of that entity held back behind it, in page order. */
  #claims = new WeakMap<Element, Map<number, { holder: Mark; waiting: Mark[] }>>();
  #tally = newTally();
  #relevant = false;
  #markCount = 0;
  #generation = 0;
  #observer: MutationObserver | null = null;
  #queued = new Set<Node>();
  /** Queued nodes that the page inserted: text in them may have moved from elsewhere, so its old marks go. */
  #inserted = new Set<Node>();
  /** More nodes came than MAX_QUEUED_NODES: the next batch walks the whole page. */
  #overflowed = false;
  #removalsSeen = false;
  /** Elements skipped as not rendered although their text has mentions; the viewport observer says when they show. */
  #hiddenWatched = new Set<Element>();
  #batchTimer: number | null = null;
  #running = false;
  #visibility = new Map<Element, boolean>();
  /** Shown marks by paragraph, and the paragraphs near the viewport, whose marks are painted. */
  #shownIn = new Map<Element, Set<Mark>>();
  #near = new WeakSet<Element>();
  #viewport: IntersectionObserver | null = null;
  /** During the first scan: paragraphs are checked for nearness at once, until one lies below the painted area. */
  #checkNearNow = false;
  /** Each parent element's block (blockOf), remembered like `visibility`: while the page holds still. */
  #blocks = new Map<Element, Element | null>();
  /** The cursor of a scan in progress, told to forget its exclusion answers when the page changes under it. */
  #cursors = new Set<TextNodeCursor>();
  /** Resolves when the current scan (initial or batch) is done; for tests and the benchmark. */
  idle: Promise<void> = Promise.resolve();

  readonly #deps: LensDeps;
  #options: LensOptions;

  constructor(deps: LensDeps, options: LensOptions) {
    this.#deps = deps;
    this.#options = options;
  }

  get isRelevant(): boolean {
    return this.#relevant;
  }

  get marks(): number {
    return this.#markCount;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    const root = this.#deps.root();
    if (!root) return;
    this.#observer = new this.#deps.MutationObserver((records) => this.#onMutations(records));
    // The whole document, not only the body: a page may replace <body> itself (page-transition libraries do).
    // Attributes: only those that make text editable or hidden, which decide whether we may mark it.
    this.#observer.observe(root.ownerDocument?.documentElement ?? root, { childList: true, subtree: true, characterData: true, attributes: true, attributeOldValue: true, attributeFilter: EXCLUDING_ATTRIBUTES });
    const Observer = this.#deps.IntersectionObserver;
    if (Observer) this.#viewport = new Observer((entries) => this.#onViewport(entries), { rootMargin: `${PAINT_MARGIN_SCREENS * 100}% 0px` });
    // The observer reports a frame later: during the first scan, paint what is on screen at once.
    this.#checkNearNow = this.#viewport !== null;
    const cursor = new TextNodeCursor(root);
    this.#cursors.add(cursor);
    const generation = ++this.#generation;
    const scan = this.#scan(cursor, generation).finally(() => {
      this.#cursors.delete(cursor);
      // A restart during this scan began another first scan, which still paints at once.
      if (generation !== this.#generation) return;
      this.#checkNearNow = false;
      // The page kept moving what we read: walk all of it again (nodes read before are skipped) once it is quiet.
      if (cursor.incomplete) {
        this.#overflowed = true;
        this.#scheduleFlush();
      }
    });
    this.#settle(scan, generation);
  }

  /**
   * Makes `work` the lens's current work, and says so when it ends with nothing else to do. Work of an older
   * generation is not: a restart while it began (as from inside its first slice) made newer work current.
   */
  #settle(work: Promise<void>, generation: number): void {
    if (generation !== this.#generation) return;
    const settled = (this.idle = work);
    const atRest = () => {
      if (this.idle === settled && this.#batchTimer === null && generation === this.#generation) this.#deps.onIdle?.();
    };
    work.then(atRest, atRest);
  }

  /** Removes every mark and stops watching. The page is as if we had never been there. */
  stop(): void {
    this.#running = false;
    this.#generation++;
    this.#observer?.disconnect();
    this.#observer = null;
    this.#viewport?.disconnect();
    this.#viewport = null;
    if (this.#batchTimer !== null) this.#deps.clearTimer(this.#batchTimer);
    this.#batchTimer = null;
    this.#queued.clear();
    this.#inserted.clear();
    this.#overflowed = false;
    this.#removalsSeen = false;
    this.#reset();
  }

  /** A new page in a single-page app: forget everything and scan again. */
  restart(): void {
    this.stop();
    this.start();
  }

  setOptions(options: LensOptions): void {
    if (options.markEveryMention === this.#options.markEveryMention) return;
    this.#options = options;
    // Which marks are shown depends on the option: decide again for every mark, in page order.
    const marks = sortByPage([...this.#allMarks()]);
    for (const mark of marks) if (mark.shown) this.#unshow(mark);
    this.#claims = new WeakMap();
    this.#blocks.clear();
    for (const mark of marks) mark.shown = false;
    if (this.#relevant) this.#applyFirstMentionRule(marks, true);
  }

  #reset(): void {
    this.#records.clear();
    this.#claims = new WeakMap();
    this.#tally = newTally();
    this.#relevant = false;
    this.#markCount = 0;
    this.#visibility.clear();
    this.#blocks.clear();
    for (const block of this.#shownIn.keys()) this.#viewport?.unobserve(block);
    this.#shownIn.clear();
    for (const el of this.#hiddenWatched) this.#viewport?.unobserve(el);
    this.#hiddenWatched.clear();
    this.#near = new WeakSet();
    this.#deps.highlighter.clear();
  }

  /** Marks in the order they were found (page order for an initial scan). */
  *#allMarks(): Iterable<Mark> {
    for (const record of this.#records.values()) yield* record.marks;
  }

  /** Shown marks in page order. */
  shownMarks(): Mark[] {
    return sortByPage([...this.#allMarks()].filter((m) => m.shown && m.node.isConnected));
  }

  /** Mention counts per entity index, over every mark kept (shown or not). */
  counts(): Map<number, number> {
    const counts = new Map<number, number>();
    if (!this.#relevant) return counts;
    for (const mark of this.#allMarks()) if (mark.node.isConnected) counts.set(mark.entity, (counts.get(mark.entity) ?? 0) + 1);
    return counts;
  }

  /** The shown mark under a text position, if any. */
  markAt(node: Node, offset: number): Mark | null {
    const record = this.#records.get(node as Text);
    if (!record) return null;
    return record.marks.find((m) => m.shown && offset >= m.start && offset <= m.end) ?? null;
  }

  async #scan(source: NodeSource, generation: number): Promise<void> {
    const { now, yieldToPage } = this.#deps;
    const fresh: Mark[] = [];
    const batch: Text[] = [];
    let node = source.next();
    while (node) {
      const deadline = now() + SLICE_MS;
      // Every node new to us, in page order (a first scan the page has not disturbed): no node needs checking
      // against our records, and no new mark can come before a paragraph's shown one. Only a pause can change it.
      const unseen = source.givesEachNodeOnce === true;
      // At least one batch per slice, so the scan always moves on, however the clock behaves.
      do {
        batch.length = 0;
        for (; node && batch.length < BATCH_NODES; node = source.next()) if (unseen || this.#needsScan(node)) batch.push(node);
        this.#scanBatch(batch, fresh);
      } while (node && now() < deadline);
      this.#showIfRelevant(fresh, unseen);
      if (node) {
        await yieldToPage();
        if (generation !== this.#generation) return;
        // Started again from the root: the node held here comes again in its new place, or is gone.
        if (source.resume?.()) node = source.next();
      }
    }
    this.#deps.highlighter.ensureRegistered();
  }

  /** False for a node scanned before whose text has not changed; a changed node loses its old marks first. */
  #needsScan(node: Text): boolean {
    const old = this.#records.get(node);
    if (!old) return true;
    if (old.data === node.data) return false;
    this.#drop(node, old);
    return true;
  }

  #scanBatch(nodes: readonly Text[], fresh: Mark[]): void {
    if (nodes.length === 0 || this.#markCount >= MAX_MARKS) return;
    const matcher = this.#deps.matcher();
    const hidden = this.#viewport && this.#hiddenWatched.size < MAX_WATCHED_HIDDEN ? new Set<Element>() : undefined;
    const visible = scanTextNodes(matcher, nodes, this.#visibility, this.#deps.isRendered, hidden);
    if (hidden) this.#watchHidden(hidden);
    for (const found of visible) {
      const room = MAX_MARKS - this.#markCount;
      if (room <= 0) return;
      const node = found.node;
      const marks = found.mentions
        .slice(0, room)
        .map((m): Mark => ({ node, start: m.start, end: m.end, entity: m.entity, generic: m.generic, range: null, shown: false, block: null }));
      this.#records.set(node, { data: found.data, marks });
      this.#markCount += marks.length;
      fresh.push(...marks);
      addToTally(this.#tally, matcher, marks);
    }
  }

  /** Drops the marks of every text node under `root` (or of `root` itself). */
  #dropUnder(root: Node): void {
    if (this.#records.size === 0) return;
    if (root.nodeType === TEXT_NODE) {
      const record = this.#records.get(root as Text);
      if (record) this.#drop(root as Text, record);
      return;
    }
    for (const [node, record] of this.#records) if (root.contains(node)) this.#drop(node, record);
  }

  #drop(node: Text, record: NodeRecord): void {
    const heirs: Mark[] = [];
    for (const mark of record.marks) {
      if (mark.shown) this.#unshow(mark);
      // The first mention of its paragraph goes: the next mention of the same thing there takes its place.
      const claimed = mark.shown && mark.block ? this.#claims.get(mark.block) : undefined;
      const claim = claimed?.get(mark.entity);
      if (claim?.holder === mark) {
        claimed!.delete(mark.entity);
        heirs.push(...claim.waiting);
      }
    }
    addToTally(this.#tally, this.#deps.matcher(), record.marks, -1);
    this.#markCount -= record.marks.length;
    this.#records.delete(node);
    const alive = heirs.filter((m) => this.#isKept(m));
    if (alive.length > 0 && this.#relevant) this.#applyFirstMentionRule(sortByPage(alive));
  }

  /** Is this mark still one of ours, on a node that is still in the page? */
  #isKept(mark: Mark): boolean {
    return mark.node.isConnected && this.#records.get(mark.node)?.marks.includes(mark) === true;
  }

  /**
   * Relevance decides whether anything is shown. Until the page is about the talks, marks are kept but not shown;
   * the slice that makes it so shows every mark kept so far.
   */
  #showIfRelevant(fresh: Mark[], inPageOrder: boolean): void {
    if (!this.#relevant) {
      // Relevance is sticky: once a page is about the talks, a re-render that briefly empties it does not unmark it.
      if (!isRelevant(this.#tally)) return;
      this.#relevant = true;
      fresh.length = 0;
      this.#applyFirstMentionRule(this.#allMarks(), inPageOrder);
      return;
    }
    this.#applyFirstMentionRule(fresh, inPageOrder);
    fresh.length = 0;
  }

  /**
   * The first-mention rule: decides which marks are shown (by default the first mention of each thing per
   * paragraph; the others wait behind it) and hands those to the viewport check. With `inPageOrder` the caller
   * promises that no mark comes before a mark already shown in its paragraph (a first scan); otherwise a mark that
   * does (a re-rendered first sentence) takes over.
   */
  #applyFirstMentionRule(marks: Iterable<Mark>, inPageOrder = false): void {
    const every = this.#options.markEveryMention;
    for (const mark of marks) {
      if (mark.shown) continue;
      const block = blockOf(mark.node, this.#blocks);
      mark.block = block;
      if (!every) {
        if (block) {
          let claimed = this.#claims.get(block);
          if (!claimed) this.#claims.set(block, (claimed = new Map()));
          const claim = claimed.get(mark.entity);
          const holder = claim?.holder;
          if (claim && holder !== mark && holder!.shown && this.#isKept(holder!)) {
            // A page that re-renders a paragraph over and over leaves marks that are gone: keep the list short.
            if (claim.waiting.length >= 16) claim.waiting = claim.waiting.filter((m) => this.#isKept(m));
            if (inPageOrder || !comesBefore(mark, holder!)) {
              claim.waiting.push(mark);
              continue;
            }
            // The new mark is earlier in the paragraph: it is the first mention now, and the old one waits.
            this.#unshow(holder!);
            holder!.shown = false;
            claim.waiting.push(holder!);
          }
          claimed.set(mark.entity, { holder: mark, waiting: claim?.waiting ?? [] });
        }
      }
      mark.shown = true;
      this.#paintIfNear(mark);
    }
  }

  /** The viewport decides: a shown mark is painted when its paragraph is near it, or always where nothing tells us. */
  #paintIfNear(mark: Mark): void {
    const block = mark.block;
    if (!this.#viewport || !block) return this.#draw(mark);
    let marks = this.#shownIn.get(block);
    if (!marks) {
      this.#shownIn.set(block, (marks = new Set()));
      this.#viewport.observe(block);
      if (this.#checkNearNow) {
        // One layout read per paragraph, while the page is still settling from its load; then only until the
        // first paragraph below the painted area.
        const where = placeOf(block);
        if (where === 'near') this.#near.add(block);
        // Paragraphs come in page order: past the first one below the painted area, the observer decides.
        else if (where === 'below') this.#checkNearNow = false;
      }
    }
    marks.add(mark);
    if (this.#near.has(block)) this.#draw(mark);
  }

  /** Draws a mark: its range, made once, goes to the highlighter. */
  #draw(mark: Mark): void {
    mark.range ??= this.#deps.makeRange(mark.node, mark.start, mark.end);
    this.#deps.highlighter.add(mark.range);
  }

  /** The mark is no longer shown (dropped, or decided again): unpaint it and forget it in its paragraph. */
  #unshow(mark: Mark): void {
    if (mark.range) this.#deps.highlighter.delete(mark.range);
    const block = mark.block;
    const marks = block ? this.#shownIn.get(block) : undefined;
    if (!marks) return;
    marks.delete(mark);
    // The paragraph stays "near" until the observer says otherwise: marks shown there again are painted at once.
    if (marks.size === 0) {
      this.#shownIn.delete(block!);
      this.#viewport?.unobserve(block!);
    }
  }

  #onViewport(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const block = entry.target;
      if (this.#hiddenWatched.has(block)) {
        // Shown at last (a class change, an opened <details>): scan its text with the next batch.
        if (entry.isIntersecting && block.isConnected && this.#deps.isRendered(block)) {
          this.#hiddenWatched.delete(block);
          this.#viewport?.unobserve(block);
          this.#enqueue(block);
          this.#scheduleFlush();
        }
      }
      const marks = this.#shownIn.get(block);
      if (!marks) continue;
      if (entry.isIntersecting || this.#isBoxlessButShown(entry, marks)) {
        if (this.#near.has(block)) continue;
        this.#near.add(block);
        for (const mark of marks) this.#draw(mark);
      } else if (this.#near.delete(block)) {
        // Far away now: let go of the ranges too; they are made again when the paragraph comes back.
        for (const mark of marks) {
          if (mark.range) this.#deps.highlighter.delete(mark.range, true);
          mark.range = null;
        }
      }
    }
    this.#deps.highlighter.ensureRegistered();
  }

  /**
   * A paragraph element with `display: contents` has no box of its own, so the observer never sees it intersect,
   * although its text is on the page. Its marks are painted wherever it is (such wrappers are rare). A hidden
   * paragraph has no box either, but then its text is not rendered.
   */
  #isBoxlessButShown(entry: IntersectionObserverEntry, marks: Set<Mark>): boolean {
    const box = entry.boundingClientRect;
    if (box.width !== 0 || box.height !== 0) return false;
    for (const mark of marks) {
      const parent = mark.node.parentElement;
      return parent !== null && parent.isConnected && this.#deps.isRendered(parent);
    }
    return false;
  }

  /** The mark's range, made now if its paragraph was never painted (the keyboard route to a far mark). */
  rangeOf(mark: Mark): StaticRange {
    return (mark.range ??= this.#deps.makeRange(mark.node, mark.start, mark.end));
  }

  #onMutations(records: MutationRecord[]): void {
    let structural = false;
    for (const record of records) {
      if (isOurs(record.target)) continue;
      if (record.type === 'characterData') {
        // Comments and processing instructions change too (frameworks keep placeholders in comments): not text.
        if (record.target.nodeType === TEXT_NODE) this.#enqueue(record.target);
      } else if (record.type === 'attributes') {
        // Inline styles change all the time (animations, scroll locks): only those that hide or show text count.
        if (record.attributeName !== 'style' || HIDING_STYLE.test(`${record.oldValue ?? ''} ${(record.target as Element).getAttribute('style') ?? ''}`)) {
          this.#enqueue(record.target);
          structural = true;
        }
      } else {
        record.addedNodes.forEach((node) => {
          if (node.nodeType !== TEXT_NODE && node.nodeType !== ELEMENT_NODE) return;
          this.#enqueue(node);
          if (this.#inserted.size < MAX_QUEUED_NODES) this.#inserted.add(node);
        });
        if (record.removedNodes.length > 0) {
          this.#removalsSeen = true;
          // A scan paused on a node the page took away (or moved) must not go on from where that node is now.
          for (const cursor of this.#cursors) record.removedNodes.forEach((node) => cursor.removed(node));
        }
        structural = true;
      }
    }
    // Nodes moved or regions re-attributed: a scan in progress must not trust its remembered exclusion answers.
    if (structural) for (const cursor of this.#cursors) cursor.forget();
    this.#scheduleFlush();
  }

  #scheduleFlush(): void {
    if (this.#batchTimer !== null || (this.#queued.size === 0 && !this.#removalsSeen && !this.#overflowed)) return;
    const generation = this.#generation;
    this.#batchTimer = this.#deps.setTimer(() => {
      this.#batchTimer = null;
      // After the scan in progress, never beside it: callers awaiting `idle` get answers about the whole page.
      // A batch runs even if the one before it failed, and a restart in between makes it stale.
      const flush = () => (generation === this.#generation ? this.#flush() : undefined);
      this.#settle(this.idle.then(flush, flush), generation);
    }, MUTATION_BATCH_MS);
  }

  #enqueue(node: Node): void {
    if (this.#queued.size < MAX_QUEUED_NODES) this.#queued.add(node);
    else this.#overflowed = true;
  }

  async #flush(): Promise<void> {
    if (!this.#running) return;
    const root = this.#deps.root();
    const overflowed = this.#overflowed && root !== null;
    const queued = overflowed ? [root] : [...this.#queued];
    const inserted = this.#inserted;
    this.#queued = new Set();
    this.#inserted = new Set();
    this.#overflowed = false;
    // Visibility and blocks can change with the page; do not trust answers from before this batch.
    this.#visibility.clear();
    this.#blocks.clear();
    if (this.#removalsSeen) {
      this.#removalsSeen = false;
      for (const [node, record] of this.#records) if (!node.isConnected) this.#drop(node, record);
      for (const el of this.#hiddenWatched)
        if (!el.isConnected) {
          this.#hiddenWatched.delete(el);
          this.#viewport?.unobserve(el);
        }
    }
    // Inserted text may have moved from another paragraph: then its marks are decided again there. Text put back
    // where it was keeps its marks, so an open card stays on its mark.
    const recheck = (text: Text) => {
      const record = this.#records.get(text);
      if (record?.marks.some((m) => m.block !== null && m.block !== blockOf(text, this.#blocks))) this.#drop(text, record);
    };
    // A batch too big to list its nodes: check every node with marks (at most MAX_MARKS).
    if (overflowed) for (const text of this.#records.keys()) recheck(text);
    const texts = new Set<Text>();
    for (const node of queued) {
      if (!node.isConnected || isOurs(node)) continue;
      const element = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
      const excluded = isInExcludedRegion(node);
      if (excluded || (element && !this.#deps.isRendered(element))) {
        // Text moved into an editable or hidden region, or a region that became one: its marks must go.
        this.#dropUnder(node);
        // Added while hidden (a collapsed post) and about the talks: scanned once it is shown.
        if (!excluded && node === element && this.#viewport && findMentions(this.#deps.matcher(), element.textContent ?? '').length > 0) this.#watchHidden([element]);
        continue;
      }
      const fresh = inserted.has(node);
      forEachText(node, (text) => {
        texts.add(text);
        if (fresh) recheck(text);
      });
    }
    await this.#scan(listSource([...texts]), this.#generation);
  }

  /** Watches hidden elements whose text has mentions: once the viewport observer sees them, they are scanned. */
  #watchHidden(elements: Iterable<Element>): void {
    for (const el of elements) {
      if (this.#hiddenWatched.size >= MAX_WATCHED_HIDDEN) return;
      if (this.#hiddenWatched.has(el)) continue;
      this.#hiddenWatched.add(el);
      this.#viewport!.observe(el);
    }
  }
}

function forEachText(root: Node, visit: (text: Text) => void): void {
  const cursor = new TextNodeCursor(root);
  for (let text = cursor.next(); text; text = cursor.next()) visit(text);
}

/** Where an element is against the painted area: the viewport and PAINT_MARGIN_SCREENS above and below it. */
function placeOf(el: Element): 'above' | 'near' | 'below' {
  const height = el.ownerDocument.defaultView?.innerHeight ?? 0;
  const rect = el.getBoundingClientRect();
  if (rect.top > height * (1 + PAINT_MARGIN_SCREENS)) return 'below';
  if (rect.bottom < -height * PAINT_MARGIN_SCREENS) return 'above';
  return 'near';
}

/** Is mark `a` before mark `b` in the page? */
function comesBefore(a: Mark, b: Mark): boolean {
  return a.node === b.node ? a.start < b.start : (a.node.compareDocumentPosition(b.node) & 4) !== 0;
}

function sortByPage(marks: Mark[]): Mark[] {
  return marks.sort((a, b) => (comesBefore(a, b) ? -1 : 1));
}

function isOurs(node: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement)
    if (el.hasAttribute(OVERLAY_HOST_ATTRIBUTE)) return true;
  return false;
}
