/** Checkbox groups whose selection must never become empty (the tracks and the parties shown in cards). */

export type SelectionChange<T extends string> = { ok: true; value: T[] } | { ok: false; message: string };

/**
 * Checks or unchecks `item` in `selected`. The result keeps the order of `all`, so what is stored does not
 * depend on the order of clicks. Unchecking the last checked item is refused with `emptyMessage`.
 */
export function toggleSelection<T extends string>(
  all: readonly T[],
  selected: readonly T[],
  item: T,
  checked: boolean,
  emptyMessage: string,
): SelectionChange<T> {
  const next = new Set(selected);
  if (checked) next.add(item);
  else next.delete(item);
  const value = all.filter((candidate) => next.has(candidate));
  if (value.length === 0) return { ok: false, message: emptyMessage };
  return { ok: true, value };
}
