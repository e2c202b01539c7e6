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
  coreMentions: number;
  distinctCore: Set<number>;
}

export function newTally(): RelevanceTally {
  return { coreMentions: 0, distinctCore: new Set() };
}

/** Adds mentions to a running tally, so pages that grow are judged on everything seen so far. */
export function addToTally(tally: RelevanceTally, matcher: CompiledMatcher, mentions: readonly Mention[]): void {
  for (const m of mentions) {
    if (m.generic || !matcher.entities[m.entity]?.core) continue;
    tally.coreMentions++;
    tally.distinctCore.add(m.entity);
  }
}

export function isRelevant(tally: RelevanceTally): boolean {
  return tally.coreMentions >= MIN_CORE_MENTIONS && tally.distinctCore.size >= MIN_DISTINCT_CORE;
}
