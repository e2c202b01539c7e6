/**
 * The alias table is what the content script ships instead of the whole pack: every alias with its case rule and
 * the entity it names, and for each entity only whether it is core. It is produced from the pack at build time
 * (`src/knowledge/build-plugin.ts`), packed small, so the content script never parses the pack.
 *
 * The content script refers to an entity by its index in this table (its "entity key"). The background and the
 * popup derive the same table from the same bundled pack, so `entityIds(pack)[key]` is the entity's id there.
 * Ids are left out of the content script's copy: they are a third of its size.
 */
import { CASE_RULES, type CaseRule } from '../vocabulary/pack-terms';

export interface TableEntity {
  id: string;
  /**
   * A mention of a core entity counts toward deciding that a page is about the negotiations. Core entities are
   * the topics, the events, and the actors who speak for Ukraine or Russia: names like Trump or Witkoff also
   * appear in stories about other conflicts, so on their own they prove nothing.
   */
  core: boolean;
  /**
   * A state or a bloc (Ukraine, Russia, the United States, the EU, NATO, with their capitals as aliases): named all
   * through any article about the talks, so marked once per article by default. Still counts for relevance.
   */
  oncePerArticle?: boolean;
}

export interface TableAlias {
  text: string;
  case: CaseRule;
  generic: boolean;
  /** Index into `entities`. */
  entity: number;
}

/** What the matcher needs: whether each entity is core and marked once per article, and the aliases. */
export interface MatcherTable {
  entities: readonly Pick<TableEntity, 'core' | 'oncePerArticle'>[];
  aliases: readonly TableAlias[];
}

export interface AliasTable extends MatcherTable {
  entities: TableEntity[];
  aliases: TableAlias[];
}

/**
 * The wire form in the content script bundle, a string with one line per entity (the line number is the entity
 * key). A line starts with "!" for a core entity and "^" for one marked once per article (in that order), then lists its aliases separated by "|", each prefixed with its
 * case rule ("a" any, "p" proper, "e" exact) and "*" when generic: `!pZelensky|pZelenskyy|pVolodymyr Zelensky`.
 * The pack checker forbids "|" and line breaks in alias text.
 */
export type PackedAliasTable = string;

const CASE_LETTERS = 'ape';

export function packAliasTable(table: AliasTable): PackedAliasTable {
  const flags = table.entities.map((e) => (e.core ? '!' : '') + (e.oncePerArticle ? '^' : ''));
  const items: string[][] = table.entities.map(() => []);
  for (const a of table.aliases) items[a.entity]!.push(CASE_LETTERS[CASE_RULES.indexOf(a.case)]! + (a.generic ? '*' : '') + a.text);
  return flags.map((flag, i) => flag + items[i]!.join('|')).join('\n');
}

export function unpackAliasTable(packed: PackedAliasTable): MatcherTable {
  const entities: MatcherTable['entities'][number][] = [];
  const aliases: TableAlias[] = [];
  packed.split('\n').forEach((line, entity) => {
    const flags = /^!?\^?/.exec(line)![0];
    entities.push({ core: flags.includes('!'), oncePerArticle: flags.includes('^') });
    for (const item of line.slice(flags.length).split('|')) {
      if (!item) continue;
      const generic = item[1] === '*';
      aliases.push({ entity, case: CASE_RULES[CASE_LETTERS.indexOf(item[0]!)]!, generic, text: item.slice(generic ? 2 : 1) });
    }
  });
  return { entities, aliases };
}
