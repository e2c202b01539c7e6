/**
 * npm run --silent scan -- FILE...
 * Prints one JSON array: for each file, whether its text is about the negotiations and every mention found.
 * Uses the content script's own modules: the matcher, the relevance rule and, for HTML, the text extraction.
 * A file that cannot be scanned is named on stderr; the others are still printed, and the exit status is 1.
 */
import { readFileSync } from 'node:fs';
import { BUNDLED_PACK_PATH } from '../src/knowledge/build-plugin';
import { aliasTableFromPack } from '../src/knowledge/alias-table-from-pack';
import { validatePackText } from '../src/knowledge/validate';
import { compileMatcher } from '../src/matcher/compile';
import { indexPack } from '../src/knowledge/pack-index';
import { scanFiles } from '../src/scan/scan-batch';

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
const { results, failed } = await scanFiles(context, files, { readFile: (path) => readFileSync(path), report: (line) => console.error(line) });
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
process.exit(failed ? 1 : 0);
