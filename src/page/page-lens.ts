/**
 * PageLens finds the negotiations' mentions on a live page and keeps the marks right while the page changes.
 * It reads the DOM, paints through the Highlighter, and writes nothing else. It decides relevance and runs the
 * scans; its parts, each in its own module (see README.md here):
 * - sliced-scan.ts: the time-sliced scan, so that no task blocks the page;
 * - mark-records.ts: the marks of each text node and the first-mention rule, with a cap (MAX_MARKS), so a live
 *   blog that grows for hours costs bounded memory;
 * - article-scope.ts: where the article is, its sections, and the page's chrome around it (calm marking);
 * - viewport-painter.ts: painting only near the viewport;
 * - mutation-batches.ts: collecting the page's changes into batches;
 * - hidden-text.ts: watching hidden text until it is shown.
 */
import type { CompiledMatcher } from '../matcher/compile';
import type { Settings } from '../settings/settings';
import { findMentions } from '../matcher/find-mentions';
import { addToTally, isRelevant, newTally } from '../matcher/relevance';
import { publishedDay, TALKS_BEGAN } from './article-date';
import { ArticleScope } from './article-scope';
import { canWatchMore, shownAtLast, unwatch, watchHidden } from './hidden-text';
import type { Highlighter } from './highlighter';
import { MarkRecords, MAX_MARKS, type ClaimRule, type NodeRecord } from './mark-records';
import { sortByPage, type Mark } from './marks';
import { scanTextNodes, type RenderedCheck } from './mention-scan';
import { isOurs, MutationBatches } from './mutation-batches';
import { listSource, scanInSlices, type NodeSource } from './sliced-scan';
import { isInExcludedRegion, TextNodeCursor } from './text-nodes';
import { PAINT_MARGIN_SCREENS, ViewportPainter } from './viewport-painter';

export { MAX_WATCHED_HIDDEN } from './hidden-text';
export { MAX_MARKS } from './mark-records';
export type { Mark } from './marks';
export { MAX_QUEUED_NODES, MUTATION_BATCH_MS } from './mutation-batches';
export { BATCH_NODES, SLICE_MS } from './sliced-scan';
export { PAINT_MARGIN_SCREENS } from './viewport-painter';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export interface LensOptions {
  markScope: Settings['markScope'];
  wholePage: boolean;
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
  readonly #painter: ViewportPainter;
  readonly #marks: MarkRecords;
  readonly #changes: MutationBatches;
  readonly #article: ArticleScope;
  #viewport: IntersectionObserver | null = null;
  #tally = newTally();
  #relevant = false;
  /** The day the article was published (YYYY-MM-DD), when the page says; cards show where things stood then. */
  articleDay: string | null = null;
  #generation = 0;
  #running = false;
  /** Elements skipped as not rendered although their text has mentions; the viewport observer says when they show. */
  #hiddenWatched = new Set<Element>();
  /** Whether elements are rendered, remembered while the page holds still (a scan, a batch). */
  #visibility = new Map<Element, boolean>();
  /** The cursor of a scan in progress, told to forget its exclusion answers when the page changes under it. */
  #cursors = new Set<TextNodeCursor>();
  /** Resolves when the current scan (initial or batch) is done; for tests and the benchmark. */
  idle: Promise<void> = Promise.resolve();

  readonly #deps: LensDeps;
  #options: LensOptions;

  constructor(deps: LensDeps, options: LensOptions) {
    this.#deps = deps;
    this.#options = options;
    const viewport = () => this.#viewport;
    this.#painter = new ViewportPainter(deps, viewport);
    this.#marks = new MarkRecords(this.#painter);
    this.#article = new ArticleScope(() => {
      const root = deps.root();
      return root && root.nodeType === ELEMENT_NODE ? (root as Element) : null;
    });
    this.#changes = new MutationBatches(deps, {
      onDue: () => this.#scanBatchWhenFree(),
      onRemoved: (node) => {
        for (const cursor of this.#cursors) cursor.removed(node);
      },
      onStructureChanged: () => {
        for (const cursor of this.#cursors) cursor.forget();
      },
    });
  }

  get isRelevant(): boolean {
    return this.#relevant;
  }

  get marks(): number {
    return this.#marks.keptCount;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    const root = this.#deps.root();
    if (!root) return;
    const doc = root.ownerDocument!;
    this.articleDay = publishedDay(doc, doc.URL);
    this.#changes.watchPage(root);
    const Observer = this.#deps.IntersectionObserver;
    if (Observer) this.#viewport = new Observer((entries) => this.#onViewport(entries), { rootMargin: `${PAINT_MARGIN_SCREENS * 100}% 0px` });
    // The observer reports a frame later: during the first scan, paint what is on screen at once.
    this.#painter.checkNearNow = this.#viewport !== null;
    const cursor = new TextNodeCursor(root);
    this.#cursors.add(cursor);
    const generation = ++this.#generation;
    const scan = this.#scan(cursor, generation).finally(() => {
      this.#cursors.delete(cursor);
      // A restart during this scan began another first scan, which still paints at once.
      if (generation !== this.#generation) return;
      this.#painter.checkNearNow = false;
      // The page kept moving what we read: walk all of it again (nodes read before are skipped) once it is quiet.
      if (cursor.incomplete) {
        this.#changes.walkWholePage();
        this.#changes.scheduleBatch();
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
      if (this.idle === settled && !this.#changes.batchWaiting && generation === this.#generation) this.#deps.onIdle?.();
    };
    work.then(atRest, atRest);
  }

  /** Removes every mark and stops watching. The page is as if we had never been there. */
  stop(): void {
    this.#running = false;
    this.#generation++;
    this.#changes.stopWatching();
    this.#viewport?.disconnect();
    this.#viewport = null;
    this.#reset();
  }

  /** A new page in a single-page app: forget everything and scan again. */
  restart(): void {
    this.stop();
    this.start();
  }

  setOptions(options: LensOptions): void {
    if (options.markScope === this.#options.markScope && options.wholePage === this.#options.wholePage) return;
    this.#options = options;
    // Which marks are shown depends on the options: decide again for every mark, in page order.
    const marks = sortByPage(this.#marks.unshowAll());
    if (this.#relevant) this.#marks.applyFirstMentionRule(marks, this.#claimIn, true);
  }

  /**
   * Where a mark may be shown (see ClaimRule). By default only in the article, not its chrome; the first mention of
   * each thing per section, and of each state or bloc once in the whole article.
   */
  readonly #claimIn: ClaimRule = (mark) => {
    const { markScope, wholePage } = this.#options;
    const article = this.#article;
    if (!wholePage && !article.isArticleText(mark.node, mark.end)) return false;
    if (markScope === 'every' || !mark.block) return null;
    if (markScope === 'paragraph') return mark.block;
    return this.#deps.matcher().entities[mark.entity]?.oncePerArticle ? (wholePage ? this.#deps.root() as Element : article.root) : article.sectionOf(mark.block);
  };

  #reset(): void {
    this.#marks.forgetAll();
    this.#article.forget();
    this.#tally = newTally();
    this.#relevant = false;
    this.#visibility.clear();
    this.#painter.forgetParagraphs();
    unwatch(this.#hiddenWatched, this.#viewport, true);
    this.#deps.highlighter.clear();
  }

  /** Shown marks in page order. */
  shownMarks(): Mark[] {
    return sortByPage([...this.#marks.allMarks()].filter((m) => m.shown && m.node.isConnected));
  }

  /** Mention counts per entity index, over every mark kept (shown or not). */
  counts(): Map<number, number> {
    const counts = new Map<number, number>();
    if (!this.#relevant) return counts;
    for (const mark of this.#marks.allMarks()) if (mark.node.isConnected) counts.set(mark.entity, (counts.get(mark.entity) ?? 0) + 1);
    return counts;
  }

  /** The shown mark under a text position, if any. */
  markAt(node: Node, offset: number): Mark | null {
    const record = this.#marks.records.get(node as Text);
    if (!record) return null;
    return record.marks.find((m) => m.shown && offset >= m.start && offset <= m.end) ?? null;
  }

  /** The mark's range, made now if its paragraph was never painted (the keyboard route to a far mark). */
  rangeOf(mark: Mark): StaticRange {
    return this.#painter.rangeOf(mark);
  }

  async #scan(source: NodeSource, generation: number): Promise<void> {
    const fresh: Mark[] = [];
    const finished = await scanInSlices(source, {
      now: this.#deps.now,
      yieldToPage: this.#deps.yieldToPage,
      isCurrent: () => generation === this.#generation,
      needsScan: (node) => this.#needsScan(node),
      scanBatch: (nodes) => this.#scanBatch(nodes, fresh),
      endSlice: (unseen) => this.#showIfRelevant(fresh, unseen),
    });
    if (finished) this.#deps.highlighter.ensureRegistered();
  }

  /** False for a node scanned before whose text has not changed; a changed node loses its old marks first. */
  #needsScan(node: Text): boolean {
    const old = this.#marks.records.get(node);
    if (!old) return true;
    if (old.data === node.data) return false;
    this.#drop(node, old);
    return true;
  }

  #scanBatch(nodes: readonly Text[], fresh: Mark[]): void {
    if (nodes.length === 0 || this.#marks.keptCount >= MAX_MARKS) return;
    const matcher = this.#deps.matcher();
    const hidden = canWatchMore(this.#hiddenWatched, this.#viewport) ? new Set<Element>() : undefined;
    const visible = scanTextNodes(matcher, nodes, this.#visibility, this.#deps.isRendered, hidden);
    if (hidden) watchHidden(this.#hiddenWatched, this.#viewport!, hidden);
    for (const found of visible) {
      const room = MAX_MARKS - this.#marks.keptCount;
      if (room <= 0) return;
      const node = found.node;
      const marks = found.mentions
        .slice(0, room)
        .map((m): Mark => ({ node, start: m.start, end: m.end, entity: m.entity, generic: m.generic, range: null, shown: false, block: null, claim: null }));
      this.#marks.keep(node, { data: found.data, marks });
      fresh.push(...marks);
      addToTally(this.#tally, matcher, marks);
    }
  }

  /** Drops the marks of every text node under `root` (or of `root` itself). */
  #dropUnder(root: Node): void {
    if (this.#marks.keptCount === 0) return;
    if (root.nodeType === TEXT_NODE) {
      const record = this.#marks.records.get(root as Text);
      if (record) this.#drop(root as Text, record);
      return;
    }
    for (const [node, record] of this.#marks.records) if (root.contains(node)) this.#drop(node, record);
  }

  #drop(node: Text, record: NodeRecord): void {
    const heirs = this.#marks.dropNode(node, record);
    addToTally(this.#tally, this.#deps.matcher(), record.marks, -1);
    if (heirs.length > 0 && this.#relevant) this.#marks.applyFirstMentionRule(sortByPage(heirs), this.#claimIn);
  }

  /**
   * Relevance decides whether anything is shown. Until the page is about the talks, marks are kept but not shown;
   * the slice that makes it so shows every mark kept so far.
   */
  #showIfRelevant(fresh: Mark[], inPageOrder: boolean): void {
    if (!this.#relevant) {
      // Relevance is sticky: once a page is about the talks, a re-render that briefly empties it does not unmark it.
      // Published before the talks began: the page is never relevant, whatever it names.
      if ((this.articleDay ?? TALKS_BEGAN) < TALKS_BEGAN || !isRelevant(this.#tally)) return;
      this.#relevant = true;
      fresh.length = 0;
      this.#marks.applyFirstMentionRule(this.#marks.allMarks(), this.#claimIn, inPageOrder);
      return;
    }
    this.#marks.applyFirstMentionRule(fresh, this.#claimIn, inPageOrder);
    fresh.length = 0;
  }

  #onViewport(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (shownAtLast(this.#hiddenWatched, this.#viewport, this.#deps.isRendered, entry)) {
        // Shown at last: scan its text with the next batch.
        this.#changes.enqueue(entry.target);
        this.#changes.scheduleBatch();
      }
      this.#painter.seen(entry);
    }
    this.#deps.highlighter.ensureRegistered();
  }

  /** The batch timer fired: scan the batch after the scan in progress, never beside it. */
  #scanBatchWhenFree(): void {
    const generation = this.#generation;
    // Callers awaiting `idle` get answers about the whole page. A batch runs even if the one before it failed,
    // and a restart in between makes it stale.
    const flush = () => (generation === this.#generation ? this.#flush() : undefined);
    this.#settle(this.idle.then(flush, flush), generation);
  }

  async #flush(): Promise<void> {
    if (!this.#running) return;
    const root = this.#deps.root();
    const batch = this.#changes.takeBatch();
    const overflowed = batch.overflowed && root !== null;
    const queued = overflowed ? [root] : batch.queued;
    // Visibility and blocks can change with the page; do not trust answers from before this batch.
    this.#visibility.clear();
    this.#marks.forgetBlocks();
    this.#article.forget();
    if (batch.removals) {
      for (const [node, record] of this.#marks.records) if (!node.isConnected) this.#drop(node, record);
      unwatch(this.#hiddenWatched, this.#viewport, false);
    }
    // Inserted text may have moved from another paragraph: then its marks are decided again there. Text put back
    // where it was keeps its marks, so an open card stays on its mark.
    const recheck = (text: Text) => {
      const record = this.#marks.records.get(text);
      if (record?.marks.some((m) => m.block !== null && m.block !== this.#marks.blockOf(text))) this.#drop(text, record);
    };
    // A batch too big to list its nodes: check every node with marks (at most MAX_MARKS).
    if (overflowed) for (const text of this.#marks.records.keys()) recheck(text);
    const texts = new Set<Text>();
    for (const node of queued) {
      if (!node.isConnected || isOurs(node)) continue;
      const element = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
      const excluded = isInExcludedRegion(node);
      if (excluded || (element && !this.#deps.isRendered(element))) {
        // Text moved into an editable or hidden region, or a region that became one: its marks must go.
        this.#dropUnder(node);
        // Added while hidden (a collapsed post) and about the talks: scanned once it is shown.
        if (!excluded && node === element && this.#viewport && findMentions(this.#deps.matcher(), element.textContent ?? '').length > 0) watchHidden(this.#hiddenWatched, this.#viewport, [element]);
        continue;
      }
      const fresh = batch.inserted.has(node);
      forEachText(node, (text) => {
        texts.add(text);
        if (fresh) recheck(text);
      });
    }
    await this.#scan(listSource([...texts]), this.#generation);
  }
}

function forEachText(root: Node, visit: (text: Text) => void): void {
  const cursor = new TextNodeCursor(root);
  for (let text = cursor.next(); text; text = cursor.next()) visit(text);
}
