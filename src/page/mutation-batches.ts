/**
 * Collecting mutations: what the page changed is gathered for MUTATION_BATCH_MS and handed over as one batch, since
 * a re-rendering app changes many nodes at once. Only changes that can add, move, edit, hide or exclude text are
 * kept; our own UI's changes are not.
 */
import { OVERLAY_HOST_ATTRIBUTE } from '../overlay/host-attribute';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Mutations within this window are scanned together: a re-rendering app changes many nodes at once. */
export const MUTATION_BATCH_MS = 120;
/**
 * Nodes waiting to be scanned at most. An app that adds more in one batch gets its whole page walked again instead
 * (nodes scanned before are skipped), which costs less than remembering every node.
 */
export const MAX_QUEUED_NODES = 20000;

/**
 * Attributes that can turn a region into one we never mark, or hide it (and back): watched on the whole page.
 * `class` is left out on purpose: pages toggle classes constantly, and re-checking would cost more than the rare
 * text hidden by a class change after it was marked. A paragraph hidden that way is unpainted all the same: the
 * viewport observer sees it lose its box (a browser test covers it).
 */
const EXCLUDING_ATTRIBUTES = ['contenteditable', 'hidden', 'style', 'open'];
const HIDING_STYLE = /display|visibility|content-visibility/;

/** What the page changed since the last batch. */
export interface MutationBatch {
  /** Nodes whose text may need scanning (or unmarking). */
  queued: Node[];
  /** Of those, the nodes the page inserted: text in them may have moved from elsewhere. */
  inserted: Set<Node>;
  /** More nodes came than MAX_QUEUED_NODES: walk the whole page instead of `queued`. */
  overflowed: boolean;
  /** Nodes were removed: marks on text no longer in the page must go. */
  removals: boolean;
}

export interface MutationDeps {
  MutationObserver: typeof MutationObserver;
  setTimer: (fn: () => void, ms: number) => number;
  clearTimer: (id: number) => void;
}

/** What the collector tells the lens. */
export interface MutationEvents {
  /** A batch is due: take it with `takeBatch()`. */
  onDue: () => void;
  /** The page removed a node: a scan paused on it must not go on from where it is now. */
  onRemoved: (node: Node) => void;
  /** Nodes moved or regions re-attributed: a scan in progress must not trust its remembered exclusion answers. */
  onStructureChanged: () => void;
}

export class MutationBatches {
  #observer: MutationObserver | null = null;
  #queued = new Set<Node>();
  #inserted = new Set<Node>();
  #overflowed = false;
  #removalsSeen = false;
  #timer: number | null = null;

  readonly #deps: MutationDeps;
  readonly #events: MutationEvents;

  constructor(deps: MutationDeps, events: MutationEvents) {
    this.#deps = deps;
    this.#events = events;
  }

  /** True while a batch waits for its timer. */
  get batchWaiting(): boolean {
    return this.#timer !== null;
  }

  watchPage(root: Node): void {
    this.#observer = new this.#deps.MutationObserver((records) => this.#collect(records));
    // The whole document, not only the body: a page may replace <body> itself (page-transition libraries do).
    // Attributes: only those that make text editable or hidden, which decide whether we may mark it.
    this.#observer.observe(root.ownerDocument?.documentElement ?? root, { childList: true, subtree: true, characterData: true, attributes: true, attributeOldValue: true, attributeFilter: EXCLUDING_ATTRIBUTES });
  }

  /** Stops watching and forgets what was waiting. */
  stopWatching(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    if (this.#timer !== null) this.#deps.clearTimer(this.#timer);
    this.#timer = null;
    this.takeBatch();
  }

  /** Adds a node to the next batch (also for text the lens finds to scan on its own, like shown hidden text). */
  enqueue(node: Node): void {
    if (this.#queued.size < MAX_QUEUED_NODES) this.#queued.add(node);
    else this.#overflowed = true;
  }

  /** The next batch walks the whole page (a first scan that the page kept disturbing). */
  walkWholePage(): void {
    this.#overflowed = true;
  }

  /** Starts the batch timer, unless one runs or there is nothing to do. */
  scheduleBatch(): void {
    if (this.#timer !== null || (this.#queued.size === 0 && !this.#removalsSeen && !this.#overflowed)) return;
    this.#timer = this.#deps.setTimer(() => {
      this.#timer = null;
      this.#events.onDue();
    }, MUTATION_BATCH_MS);
  }

  /** Hands over what was collected, and starts collecting the next batch. */
  takeBatch(): MutationBatch {
    const batch = { queued: [...this.#queued], inserted: this.#inserted, overflowed: this.#overflowed, removals: this.#removalsSeen };
    this.#queued = new Set();
    this.#inserted = new Set();
    this.#overflowed = false;
    this.#removalsSeen = false;
    return batch;
  }

  #collect(records: MutationRecord[]): void {
    let structural = false;
    for (const record of records) {
      if (isOurs(record.target)) continue;
      if (record.type === 'characterData') {
        // Comments and processing instructions change too (frameworks keep placeholders in comments): not text.
        if (record.target.nodeType === TEXT_NODE) this.enqueue(record.target);
      } else if (record.type === 'attributes') {
        // Inline styles change all the time (animations, scroll locks): only those that hide or show text count.
        if (record.attributeName !== 'style' || HIDING_STYLE.test(`${record.oldValue ?? ''} ${(record.target as Element).getAttribute('style') ?? ''}`)) {
          this.enqueue(record.target);
          structural = true;
        }
      } else {
        record.addedNodes.forEach((node) => {
          if (node.nodeType !== TEXT_NODE && node.nodeType !== ELEMENT_NODE) return;
          this.enqueue(node);
          if (this.#inserted.size < MAX_QUEUED_NODES) this.#inserted.add(node);
        });
        if (record.removedNodes.length > 0) {
          this.#removalsSeen = true;
          record.removedNodes.forEach((node) => this.#events.onRemoved(node));
        }
        structural = true;
      }
    }
    if (structural) this.#events.onStructureChanged();
    this.scheduleBatch();
  }
}

/** Is this node part of our own UI (inside the overlay's host element)? */
export function isOurs(node: Node): boolean {
  for (let el = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement)
    if (el.hasAttribute(OVERLAY_HOST_ATTRIBUTE)) return true;
  return false;
}
