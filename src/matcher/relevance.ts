/**
 * The page-level rule: is this text about the negotiations?
 *
 * A page is relevant when it has at least `MIN_CORE_MENTIONS` mentions of core entities (topics, events, and the
 * actors who speak for Ukraine or Russia) through specific aliases, naming at least `MIN_DISTINCT_CORE` different
 * ones. Generic aliases ("ceasefire", "sanctions") never count, and neither do names that also appear in other
 * stories (Trump, Witkoff, Qatar). So a Gaza ceasefire report that names Russia once is not relevant, while a wire
 * story that names Zelensky, Kyiv and Russia is. The same function decides for the content script and the scan command.
 */
import type { CompiledMatcher } from './compile';
import type { Mention } from './find-mentions';

export const MIN_CORE_MENTIONS = 3;
export const MIN_DISTINCT_CORE = 2;

export interface RelevanceTally {
  /** Core mentions counted so far. */
  coreMentions: number;
  /** Core mentions per entity; an entity whose last mention went away is removed. */
  perEntity: Map<number, number>;
}

export function newTally(): RelevanceTally {
  return { coreMentions: 0, perEntity: new Map() };
}

/**
 * Adds mentions to a running tally (or, with `sign` −1, takes away those of text that left the page), so pages
 * that change are judged on what they show now.
 */
export function addToTally(tally: RelevanceTally, matcher: CompiledMatcher, mentions: readonly Pick<Mention, 'entity' | 'generic'>[], sign: 1 | -1 = 1): void {
  for (const m of mentions) {
    if (m.generic || !matcher.entities[m.entity]?.core) continue;
    const count = (tally.perEntity.get(m.entity) ?? 0) + sign;
    if (count > 0) tally.perEntity.set(m.entity, count);
    else tally.perEntity.delete(m.entity);
    tally.coreMentions += sign;
  }
}

export function isRelevant(tally: RelevanceTally): boolean {
  return tally.coreMentions >= MIN_CORE_MENTIONS && tally.perEntity.size >= MIN_DISTINCT_CORE;
}
