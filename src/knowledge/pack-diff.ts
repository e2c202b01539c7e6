/**
 * What a new pack changes against the active one, for the reader to confirm before it becomes active and for
 * "What's new" in the popup afterwards. Pure: two validated packs in, a list of items out.
 *
 * An item "changed" when anything in it differs (text, date, sources, aliases): a reader who checks facts wants to
 * know that a source was added as much as that a position was reworded.
 */
import type { Pack } from './schema';

export const DIFF_SECTIONS = ['events', 'stances', 'actors', 'topics'] as const;
export type DiffSection = (typeof DIFF_SECTIONS)[number];

export interface DiffItem {
  section: DiffSection;
  id: string;
  /** What a reader recognises the item by: a name, or for a stance its position. */
  label: string;
  /** The item's own date, where it has one (events, stances), for "newest first". */
  date?: string;
}

export interface PackDiff {
  from: { version: string; asOf: string };
  to: { version: string; asOf: string };
  added: DiffItem[];
  changed: DiffItem[];
  removed: DiffItem[];
}

type Item = { id: string };

function describe(section: DiffSection, item: Pack[DiffSection][number]): DiffItem {
  switch (section) {
    case 'events': {
      const event = item as Pack['events'][number];
      return { section, id: event.id, label: event.name, date: typeof event.date === 'string' ? event.date : event.date.start };
    }
    case 'stances': {
      const stance = item as Pack['stances'][number];
      return { section, id: stance.id, label: stance.position, date: stance.date };
    }
    default:
      return { section, id: item.id, label: (item as { name: string }).name };
  }
}

/** Newest first; undated items (actors, topics) after dated ones, then by label. */
export function newestFirst(a: DiffItem, b: DiffItem): number {
  if (a.date !== b.date) return (b.date ?? '').localeCompare(a.date ?? '');
  return a.label.localeCompare(b.label);
}

export function diffPacks(from: Pack, to: Pack): PackDiff {
  const diff: PackDiff = {
    from: { version: from.meta.version, asOf: from.meta.asOf },
    to: { version: to.meta.version, asOf: to.meta.asOf },
    added: [],
    changed: [],
    removed: [],
  };
  for (const section of DIFF_SECTIONS) {
    const before = new Map<string, Item>((from[section] as Item[]).map((item) => [item.id, item]));
    for (const item of to[section] as Item[]) {
      const old = before.get(item.id);
      before.delete(item.id);
      if (!old) diff.added.push(describe(section, item as never));
      else if (JSON.stringify(old) !== JSON.stringify(item)) diff.changed.push(describe(section, item as never));
    }
    for (const old of before.values()) diff.removed.push(describe(section, old as never));
  }
  diff.added.sort(newestFirst);
  diff.changed.sort(newestFirst);
  diff.removed.sort(newestFirst);
  return diff;
}

/** Counts per section, for the one-line summary above the lists ("12 events added, 3 changed"). */
export function countBySection(items: readonly DiffItem[]): Record<DiffSection, number> {
  const counts = { events: 0, stances: 0, actors: 0, topics: 0 };
  for (const item of items) counts[item.section]++;
  return counts;
}
