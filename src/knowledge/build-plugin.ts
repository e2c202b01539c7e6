/**
 * A Vite plugin that checks the bundled pack when the extension is built and exposes it as
 * `virtual:knowledge-pack`: the whole validated pack, for the background (the fallback active pack) and the popup.
 * The content script carries no pack: it reads the active pack's alias table from storage (matcher-table.ts).
 * An invalid pack stops the build with the same messages `npm run pack:check` prints.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { validatePackText } from './validate';

export const BUNDLED_PACK_PATH = 'data/pack.json';
const MODULE = 'virtual:knowledge-pack';

export function knowledgePackPlugin(packPath = BUNDLED_PACK_PATH): Plugin {
  let cache: string | undefined;
  const load = (root: string) => {
    const file = resolve(root, packPath);
    const result = validatePackText(readFileSync(file, 'utf8'));
    if (!result.ok) {
      const lines = result.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
      throw new Error(`The knowledge pack ${packPath} is invalid (${result.problems.length} problems):\n${lines}`);
    }
    return JSON.stringify(result.pack);
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
      return id === MODULE ? `\0${id}` : null;
    },
    load(id) {
      if (id !== `\0${MODULE}`) return null;
      cache ??= load(root);
      // JSON.parse of a string literal is faster to start than the same data as an object literal.
      return `export default JSON.parse(${JSON.stringify(cache)});`;
    },
    watchChange(id) {
      if (id.endsWith(packPath)) cache = undefined;
    },
  };
}
