/**
 * A Vite plugin that checks the bundled pack when the extension is built and exposes it as two modules:
 * - `virtual:knowledge-pack`: the whole validated pack, for the background and the extension pages;
 * - `virtual:alias-table`: only the aliases, their case rules and whether each entity is core, packed small, for
 *   the content script. Entities are named by their place in the table, not by id (docs/decisions.md, 3).
 * An invalid pack stops the build with the same messages `npm run pack:check` prints.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { packAliasTable } from '../matcher/alias-table';
import { aliasTableFromPack } from './alias-table-from-pack';
import { validatePackText } from './validate';

export const BUNDLED_PACK_PATH = 'data/pack.json';
const MODULES = { pack: 'virtual:knowledge-pack', table: 'virtual:alias-table' } as const;

export function knowledgePackPlugin(packPath = BUNDLED_PACK_PATH): Plugin {
  let cache: { pack: string; table: string } | undefined;
  const load = (root: string) => {
    const file = resolve(root, packPath);
    const result = validatePackText(readFileSync(file, 'utf8'));
    if (!result.ok) {
      const lines = result.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
      throw new Error(`The knowledge pack ${packPath} is invalid (${result.problems.length} problems):\n${lines}`);
    }
    return { pack: JSON.stringify(result.pack), table: packAliasTable(aliasTableFromPack(result.pack)) };
  };
  let root = process.cwd();
  let building = false;
  return {
    name: 'negotiation-lens:knowledge-pack',
    configResolved(config) {
      root = config.root;
      building = config.command === 'build';
    },
    buildStart() {
      // Check the pack before any bundling work, so an invalid pack fails the build first and clearly.
      if (building) cache = load(root);
      this.addWatchFile(resolve(root, packPath));
    },
    resolveId(id) {
      return id === MODULES.pack || id === MODULES.table ? `\0${id}` : null;
    },
    load(id) {
      if (id !== `\0${MODULES.pack}` && id !== `\0${MODULES.table}`) return null;
      cache ??= load(root);
      // JSON.parse of a string literal is faster to start than the same data as an object literal;
      // the alias table is a plain string already.
      return id === `\0${MODULES.pack}` ? `export default JSON.parse(${JSON.stringify(cache.pack)});` : `export default ${JSON.stringify(cache.table)};`;
    },
    watchChange(id) {
      if (id.endsWith(packPath)) cache = undefined;
    },
  };
}
