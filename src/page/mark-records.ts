/**
 * The mark records: the marks found in each text node, and which of them are shown. By default only the first
 * mention of each thing in its claim (a section of the article, a paragraph: the caller decides) is shown; the
 * others wait behind it, and the next one takes its place when it goes. Shown marks are handed to the painter,
 * which decides whether they are near enough to paint.
 */
import { blockOf } from './text-nodes';
import { comesBefore, type Mark } from './marks';
import type { ViewportPainter } from './viewport-painter';

/** Marks kept at most. Beyond it new text is not marked until older marked text leaves the page. */
export const MAX_MARKS = 5000;

/**
 * Where a mark may be shown: in the element it claims (the first mention of its thing there), everywhere (null),
 * or nowhere (false: the page's chrome).
 */
export type ClaimRule = (mark: Mark) => Element | null | false;

export interface NodeRecord {
  data: string;
  marks: Mark[];
}

export class MarkRecords {
  #records = new Map<Text, NodeRecord>();
  /** Per claim: the shown mark of each entity, and the marks of that entity held back behind it, in page order. */
  #claims = new WeakMap<Element, Map<number, { holder: Mark; waiting: Mark[] }>>();
  #count = 0;
  /** Each parent element's block (blockOf), remembered while the page holds still. */
  #blocks = new Map<Element, Element | null>();

  readonly #painter: ViewportPainter;

  constructor(painter: ViewportPainter) {
    this.#painter = painter;
  }

  /** How many marks are kept, shown or not. */
  get keptCount(): number {
    return this.#count;
  }

  /** The marks of each text node that has any, by node. Read it; change it through `keep` and `dropNode`. */
  get records(): ReadonlyMap<Text, NodeRecord> {
    return this.#records;
  }

  keep(node: Text, record: NodeRecord): void {
    this.#records.set(node, record);
    this.#count += record.marks.length;
  }

  /** Marks in the order they were found (page order for an initial scan). */
  *allMarks(): Iterable<Mark> {
    for (const record of this.#records.values()) yield* record.marks;
  }

  /** The paragraph a text node belongs to, remembered until `forgetBlocks`. */
  blockOf(node: Text): Element | null {
    return blockOf(node, this.#blocks);
  }

  /** The page may have changed: paragraphs are looked up afresh. */
  forgetBlocks(): void {
    this.#blocks.clear();
  }

  /**
   * Removes a node's marks. When a paragraph's shown mark goes, the marks that waited behind it are returned:
   * those still kept must be decided again (the next mention takes its place).
   */
  dropNode(node: Text, record: NodeRecord): Mark[] {
    const heirs: Mark[] = [];
    for (const mark of record.marks) {
      if (mark.shown) this.#painter.unpaint(mark);
      // The first mention in its claim goes: the next mention of the same thing there takes its place.
      const claimed = mark.shown && mark.claim ? this.#claims.get(mark.claim) : undefined;
      const claim = claimed?.get(mark.entity);
      if (claim?.holder === mark) {
        claimed!.delete(mark.entity);
        heirs.push(...claim.waiting);
      }
    }
    this.#count -= record.marks.length;
    this.#records.delete(node);
    return heirs.filter((m) => this.isKept(m));
  }

  /** Is this mark still one of ours, on a node that is still in the page? */
  isKept(mark: Mark): boolean {
    return mark.node.isConnected && this.#records.get(mark.node)?.marks.includes(mark) === true;
  }

  /**
   * The first-mention rule: decides which of `marks` are shown, and hands those to the painter. `claimIn` says where
   * each mark may be shown. With `inPageOrder` the caller promises that no mark comes before a mark already shown
   * in its claim (a first scan); otherwise a mark that does (a re-rendered first sentence) takes over.
   */
  applyFirstMentionRule(marks: Iterable<Mark>, claimIn: ClaimRule, inPageOrder = false): void {
    for (const mark of marks) {
      if (mark.shown) continue;
      mark.block = this.blockOf(mark.node);
      const where = claimIn(mark);
      if (where === false) continue;
      mark.claim = where;
      if (where) {
        let claimed = this.#claims.get(where);
        if (!claimed) this.#claims.set(where, (claimed = new Map()));
        const claim = claimed.get(mark.entity);
        const holder = claim?.holder;
        if (claim && holder !== mark && holder!.shown && this.isKept(holder!)) {
          // A page that re-renders a paragraph over and over leaves marks that are gone: keep the list short.
          if (claim.waiting.length >= 16) claim.waiting = claim.waiting.filter((m) => this.isKept(m));
          if (inPageOrder || !comesBefore(mark, holder!)) {
            claim.waiting.push(mark);
            continue;
          }
          // The new mark comes first in its claim: it is the first mention now, and the old one waits.
          this.#painter.unpaint(holder!);
          holder!.shown = false;
          claim.waiting.push(holder!);
        }
        claimed.set(mark.entity, { holder: mark, waiting: claim?.waiting ?? [] });
      }
      mark.shown = true;
      this.#painter.paintIfNear(mark);
    }
  }

  /** Every mark is decided again (the rule changed): none is shown until `applyFirstMentionRule` runs. */
  unshowAll(): Mark[] {
    const marks = [...this.allMarks()];
    for (const mark of marks) if (mark.shown) this.#painter.unpaint(mark);
    this.#forgetClaims();
    for (const mark of marks) mark.shown = false;
    return marks;
  }

  forgetAll(): void {
    this.#records.clear();
    this.#count = 0;
    this.#forgetClaims();
  }

  #forgetClaims(): void {
    this.#claims = new WeakMap();
    this.#blocks.clear();
  }
}
