import type { AliasTable, TableEntity } from '../matcher/alias-table';
import { aliasKey } from '../matcher/normalize';
import { formsOf, type Language } from './inflection';
import type { Pack } from './schema';

/** The entity ids in alias-table order: `entityIds(pack)[key]` is the id of the content script's entity key. */
export function entityIds(pack: Pack): string[] {
  return aliasTableFromPack(pack).entities.map((e) => e.id);
}

/**
 * Reduces a valid pack to what the content script needs to find mentions. Each alias comes with every form of it
 * (src/knowledge/inflection.ts), each with the alias's case rule; a form two aliases of one entity share (the same
 * word in Ukrainian and Russian) is listed once. With `languages`, only the aliases written in those (the scan
 * command's --lang); the entities, and so their keys, stay the same.
 */
export function aliasTableFromPack(pack: Pack, languages?: readonly Language[]): AliasTable {
  const entities: TableEntity[] = [];
  const aliases: AliasTable['aliases'] = [];
  const addEntity = (entity: TableEntity, list: Pack['actors'][number]['aliases']) => {
    const index = entities.push(entity) - 1;
    const seen = new Set<string>();
    for (const alias of list) {
      if (languages && !languages.includes(alias.lang ?? 'en')) continue;
      for (const text of formsOf(alias)) {
        const key = `${alias.case} ${alias.generic ?? false} ${aliasKey(text)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        aliases.push({ text, case: alias.case, generic: alias.generic ?? false, entity: index });
      }
    }
  };
  for (const a of pack.actors) addEntity({ id: a.id, core: a.party === 'ukraine' || a.party === 'russia', oncePerArticle: a.kind !== 'person' }, a.aliases);
  for (const t of pack.topics) addEntity({ id: t.id, core: true }, t.aliases);
  for (const e of pack.events) addEntity({ id: e.id, core: true }, e.aliases);
  return { entities, aliases };
}
