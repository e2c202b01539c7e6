/**
 * npm run pack:check [path]
 * Checks a knowledge pack (by default the bundled one) and prints each problem with its JSON path.
 * Exits 0 when the pack is valid, 1 when it has problems, 2 when the file cannot be read.
 */
import { readFileSync } from 'node:fs';
import { BUNDLED_PACK_PATH } from '../src/knowledge/build-plugin';
import { validatePackText } from '../src/knowledge/validate';

const path = process.argv[2] ?? BUNDLED_PACK_PATH;
let text: string;
try {
  text = readFileSync(path, 'utf8');
} catch (error) {
  console.error(`pack:check: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  process.exit(2);
}
const result = validatePackText(text);
if (result.ok) {
  const p = result.pack;
  console.log(
    `${path}: valid pack "${p.meta.id}" ${p.meta.version}, as of ${p.meta.asOf}: ${p.actors.length} actors, ${p.topics.length} topics, ` +
      `${p.events.length} events, ${p.stances.length} stances, ${p.agreements.length} agreements, ${p.sources.length} sources.`,
  );
} else {
  console.error(`${path}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`);
  for (const problem of result.problems) console.error(`  ${problem.path}: ${problem.message}`);
  process.exit(1);
}
