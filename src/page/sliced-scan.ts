/**
 * The time-sliced scan: reads text nodes in batches and gives the page its thread back between slices, so that no
 * task of ours blocks the page however long it is.
 */

/** Longest stretch of scanning before we give the page its thread back; well under the 50 ms long-task line. */
export const SLICE_MS = 8;
/** Text nodes matched in one pass (see mention-scan.ts); small enough to stay well inside a slice. */
export const BATCH_NODES = 128;

/** Text nodes to scan: a cursor over a subtree, or a list (a mutation batch). */
export interface NodeSource {
  next(): Text | null;
  /** True while every node given is new to the lens (a first scan): then nothing needs checking against records. */
  readonly givesEachNodeOnce?: boolean;
  /** After a yield: the page may have changed under the source. True if it started again from the root. */
  resume?(): boolean;
}

export const listSource = (nodes: readonly Text[]): NodeSource => {
  let i = 0;
  return { next: () => nodes[i++] ?? null };
};

/** What a slice does with the nodes it reads. */
export interface SliceWork {
  now: () => number;
  yieldToPage: () => Promise<void>;
  /** False once the scan is stale (the lens stopped or started again): it ends at the next yield. */
  isCurrent: () => boolean;
  /** Whether a node must be read: false for one read before whose text has not changed. */
  needsScan: (node: Text) => boolean;
  /** Matches a batch of nodes. */
  scanBatch: (nodes: readonly Text[]) => void;
  /**
   * The slice is over: what it found can be shown. `unseen`: every node of the slice was new to the lens and
   * came in page order.
   */
  endSlice: (unseen: boolean) => void;
}

/** Scans every node the source gives; false if it stopped early because the scan went stale. */
export async function scanInSlices(source: NodeSource, work: SliceWork): Promise<boolean> {
  const batch: Text[] = [];
  let node = source.next();
  while (node) {
    const deadline = work.now() + SLICE_MS;
    // Every node new to us, in page order (a first scan the page has not disturbed): no node needs checking
    // against our records, and no new mark can come before a paragraph's shown one. Only a pause can change it.
    const unseen = source.givesEachNodeOnce === true;
    // At least one batch per slice, so the scan always moves on, however the clock behaves.
    do {
      batch.length = 0;
      for (; node && batch.length < BATCH_NODES; node = source.next()) if (unseen || work.needsScan(node)) batch.push(node);
      work.scanBatch(batch);
    } while (node && work.now() < deadline);
    work.endSlice(unseen);
    if (node) {
      await work.yieldToPage();
      if (!work.isCurrent()) return false;
      // Started again from the root: the node held here comes again in its new place, or is gone.
      if (source.resume?.()) node = source.next();
    }
  }
  return true;
}
