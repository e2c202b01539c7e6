import type { AliasTable, TableEntity } from '../matcher/alias-table';
import type { Pack } from './schema';

/** Reduces a valid pack to what the content script needs to find mentions. */
export function aliasTableFromPack(pack: Pack): AliasTable {
  const entities: TableEntity[] = [];
  const aliases: AliasTable['aliases'] = [];
  const addEntity = (entity: TableEntity, list: Pack['actors'][number]['aliases']) => {
    const index = entities.push(entity) - 1;
    for (const alias of list) aliases.push({ text: alias.text, case: alias.case, generic: alias.generic ?? false, entity: index });
  };
  for (const a of pack.actors) addEntity({ id: a.id, name: a.name, kind: a.kind, core: a.party === 'ukraine' || a.party === 'russia' }, a.aliases);
  for (const t of pack.topics) addEntity({ id: t.id, name: t.name, kind: 'topic', core: true }, t.aliases);
  for (const e of pack.events) addEntity({ id: e.id, name: e.name, kind: 'event', core: true }, e.aliases);
  return { entities, aliases };
}
