/**
 * The alias table is what the content script ships instead of the whole pack: every alias with its case rule
 * and the entity it names, plus the little the page needs to know about each entity. It is produced from the
 * pack at build time (see `src/knowledge/build-plugin.ts`), so the content script never parses the pack.
 */
import type { CaseRule, EntityKind } from '../knowledge/schema';

export interface TableEntity {
  id: string;
  name: string;
  kind: EntityKind;
  /**
   * A mention of a core entity counts toward deciding that a page is about the negotiations. Core entities are
   * the topics, the events, and the actors who speak for Ukraine or Russia: names like Trump or Witkoff also
   * appear in stories about other conflicts, so on their own they prove nothing.
   */
  core: boolean;
}

export interface TableAlias {
  text: string;
  case: CaseRule;
  generic: boolean;
  /** Index into `entities`. */
  entity: number;
}

export interface AliasTable {
  entities: TableEntity[];
  aliases: TableAlias[];
}
