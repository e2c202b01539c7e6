/**
 * The hand-over of the active pack's alias table from the background to content scripts. The background writes it
 * to `storage.local` whenever a pack becomes active (ActivePackStore.writeMatcherTable); a content script reads it
 * there, which does not wake the background, and asks the background only when it is missing. Kept free of other
 * imports: it is bundled into the content script.
 */
import type { PackedAliasTable } from '../matcher/alias-table';

export const MATCHER_TABLE_KEY = 'pack:matcher';

/** What the content script reads to build its matcher. `revision` names the pack, so card requests can say which. */
export interface MatcherTableRecord {
  revision: string;
  table: PackedAliasTable;
}

export const isMatcherTable = (value: unknown): value is MatcherTableRecord =>
  !!value && typeof (value as MatcherTableRecord).revision === 'string' && typeof (value as MatcherTableRecord).table === 'string';

/** Storage first; the background when storage has no usable table (a fresh install, a cleared profile). */
export async function readMatcherTable(
  readStored: (key: string) => Promise<Record<string, unknown>>,
  askBackground: () => Promise<MatcherTableRecord>,
): Promise<MatcherTableRecord> {
  const stored = (await readStored(MATCHER_TABLE_KEY).catch((): Record<string, unknown> => ({})))[MATCHER_TABLE_KEY];
  return isMatcherTable(stored) ? stored : askBackground();
}
