import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { aliasTableFromPack } from '../../src/knowledge/alias-table-from-pack';
import type { Pack } from '../../src/knowledge/schema';
import { validatePack } from '../../src/knowledge/validate';
import { compileMatcher } from '../../src/matcher/compile';

// Tests run from the repository's root (npm scripts and Playwright both start there).
export const repoPath = (relative: string) => resolve(process.cwd(), relative);
export const fixturePath = (relative: string) => repoPath(`tests/fixtures/${relative}`);

/** A fresh copy of the small, stable test pack (tests may mutate it). */
export function miniPack(): Pack {
  return JSON.parse(readFileSync(fixturePath('packs/mini-pack.json'), 'utf8')) as Pack;
}

export function bundledPack(): Pack {
  const result = validatePack(JSON.parse(readFileSync(repoPath('data/pack.json'), 'utf8')));
  if (!result.ok) throw new Error(`bundled pack invalid: ${JSON.stringify(result.problems.slice(0, 5))}`);
  return result.pack;
}

export const matcherFor = (pack: Pack) => compileMatcher(aliasTableFromPack(pack));
