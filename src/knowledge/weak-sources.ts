/**
 * Which sources are weak: too weak for a claim to rest on them alone. One place, so that the checker, its report
 * and the docs agree (docs/knowledge.md, "Weak sources").
 */
import type { PartyId, Source } from './schema';

/**
 * The states at the table: the three whose talks the pack covers. Their state media are cited for what their own
 * government said, which is what a reader needs from them. Europe and the mediators are parties of the stance
 * tables but not single states, and the European public broadcasters are outlets, not state media; state media of
 * any other state (China, Belarus, Iran, a mediator's) is a third country's and counts as weak.
 */
export const PARTY_STATES: Readonly<Record<string, { party: PartyId; adjective: string }>> = {
  'United States': { party: 'us', adjective: 'US' },
  Ukraine: { party: 'ukraine', adjective: 'Ukrainian' },
  Russia: { party: 'russia', adjective: 'Russian' },
};

/** Why a source is weak; undefined when it is not. */
export function weakReason(source: Source): 'partisan' | 'aggregator' | 'third-country state media' | 'state media of an unknown state' | undefined {
  if (source.weak) return source.weak;
  if (source.kind !== 'state-media') return undefined;
  // A version-1 pack may hold state media whose state the upgrade could not tell: weak until an author names it.
  if (source.state === undefined) return 'state media of an unknown state';
  return Object.hasOwn(PARTY_STATES, source.state) ? undefined : 'third-country state media';
}

export const isWeakSource = (source: Source): boolean => weakReason(source) !== undefined;
