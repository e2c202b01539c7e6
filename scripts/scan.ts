/**
 * npm run --silent scan -- FILE...
 * Prints one JSON array: for each file, whether its text is about the negotiations and every mention found.
 * Uses the content script's own modules: the matcher, the relevance rule and, for HTML, the text extraction.
 */
import { readFileSync } from 'node:fs';
import { BUNDLED_PACK_PATH } from '../src/knowledge/build-plugin';
import { scanFile } from '../src/scan/scan-file';
import { aliasTableFromPack } from '../src/knowledge/alias-table-from-pack';
import { validatePackText } from '../src/knowledge/validate';
import { compileMatcher } from '../src/matcher/compile';
import { indexPack } from '../src/knowledge/pack-index';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run --silent scan -- FILE... (.txt or .html)');
  process.exit(2);
}
const packResult = validatePackText(readFileSync(BUNDLED_PACK_PATH, 'utf8'));
if (!packResult.ok) {
  console.error(`scan: the bundled pack is invalid; run npm run pack:check for details`);
  process.exit(2);
}
const table = aliasTableFromPack(packResult.pack);
const context = { table, matcher: compileMatcher(table), index: indexPack(packResult.pack) };
const results = [];
let failed = false;
for (const file of files) {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`scan: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    failed = true;
    continue;
  }
  results.push({ file, ...(await scanFile(context, content, /\.html?$/i.test(file) ? 'html' : 'text')) });
}
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
process.exit(failed ? 1 : 0);
