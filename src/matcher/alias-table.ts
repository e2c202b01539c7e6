/**
 * The alias table is what the content script ships instead of the whole pack: every alias with its case rule and
 * the entity it names, and for each entity only whether it is core. It is produced from the pack at build time
 * (`src/knowledge/build-plugin.ts`), packed small, so the content script never parses the pack.
 *
 * The content script refers to an entity by its index in this table (its "entity key"). The background and the
 * popup derive the same table from the same bundled pack, so `entityIds(pack)[key]` is the entity's id there.
 * Ids are left out of the content script's copy: they are a third of its size.
 */
import { CASE_RULES, type CaseRule } from '../knowledge/schema';

export interface TableEntity {
  id: string;
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

/** What the matcher needs: whether each entity is core, and the aliases. */
export interface MatcherTable {
  entities: readonly { core: boolean }[];
  aliases: readonly TableAlias[];
}

export interface AliasTable extends MatcherTable {
  entities: TableEntity[];
  aliases: TableAlias[];
}

/**
 * The wire form in the content script bundle: the number of entities, the core ones as a list of keys, and each
 * alias as `[entity * 8 + case * 2 + generic, text]`.
 */
export interface PackedAliasTable {
  count: number;
  core: number[];
  aliases: [number, string][];
}

export function packAliasTable(table: AliasTable): PackedAliasTable {
  return {
    count: table.entities.length,
    core: table.entities.flatMap((e, i) => (e.core ? [i] : [])),
    aliases: table.aliases.map((a) => [a.entity * 8 + CASE_RULES.indexOf(a.case) * 2 + (a.generic ? 1 : 0), a.text]),
  };
}

export function unpackAliasTable(packed: PackedAliasTable): MatcherTable {
  const core = new Set(packed.core);
  return {
    entities: Array.from({ length: packed.count }, (_, i) => ({ core: core.has(i) })),
    aliases: packed.aliases.map(([code, text]) => ({ text, entity: code >> 3, case: CASE_RULES[(code >> 1) & 3]!, generic: (code & 1) === 1 })),
  };
}
