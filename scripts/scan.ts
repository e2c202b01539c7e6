/**
 * npm run --silent scan -- [--lang=uk] FILE...
 * Prints one JSON array: for each file, the language it was read as, whether its text is about the negotiations,
 * and every mention found. Uses the content script's own modules: the matcher, the relevance rule and, for HTML,
 * the text extraction. Without --lang, names in every language of the pack are looked for and each file's language
 * is told from its text; with --lang, names in that language and in English only (English names appear in every
 * language's press), and the files are reported in that language.
 * A file that cannot be scanned is named on stderr; the others are still printed, and the exit status is 1.
 */
import { readFileSync } from 'node:fs';
import { BUNDLED_PACK_PATH } from '../src/knowledge/build-plugin';
import { aliasTableFromPack } from '../src/knowledge/alias-table-from-pack';
import { LANGUAGES, type Language } from '../src/knowledge/inflection';
import { validatePackText } from '../src/knowledge/validate';
import { compileMatcher } from '../src/matcher/compile';
import { indexPack } from '../src/knowledge/pack-index';
import { scanFiles } from '../src/scan/scan-batch';

const args = process.argv.slice(2);
const langArg = args.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
const files = args.filter((a) => !a.startsWith('--lang='));
if (files.length === 0 || args.some((a) => a.startsWith('--') && !a.startsWith('--lang='))) {
  console.error(`usage: npm run --silent scan -- [--lang=${LANGUAGES.join('|')}] FILE... (.txt or .html)`);
  process.exit(2);
}
if (langArg !== undefined && !(LANGUAGES as readonly string[]).includes(langArg)) {
  console.error(`scan: --lang must be one of ${LANGUAGES.join(', ')} (found "${langArg}")`);
  process.exit(2);
}
const language = langArg as Language | undefined;
const packResult = validatePackText(readFileSync(BUNDLED_PACK_PATH, 'utf8'));
if (!packResult.ok) {
  console.error(`scan: the bundled pack is invalid; run npm run pack:check for details`);
  process.exit(2);
}
const table = aliasTableFromPack(packResult.pack, language ? ['en', language] : undefined);
const context = { table, matcher: compileMatcher(table), index: indexPack(packResult.pack) };
const { results, failed } = await scanFiles(context, files, { readFile: (path) => readFileSync(path), report: (line) => console.error(line) }, language);
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
process.exit(failed ? 1 : 0);
