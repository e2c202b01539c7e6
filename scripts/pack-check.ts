/**
 * npm run pack:check [path] [--max-single-source-share=0.3]
 * Checks a knowledge pack (by default the bundled one), prints each problem with its JSON path, then a report on
 * its sourcing: how many stances and topic key facts rest on a single independent source, how many sources are
 * primary, and which claims rest only on weak sources.
 * Exits 0 when the pack is valid, 1 when it has problems, 2 when the file cannot be read.
 */
import { readFileSync } from 'node:fs';
import { BUNDLED_PACK_PATH } from '../src/knowledge/build-plugin';
import { aliasCounts } from '../src/knowledge/inflection';
import { packReport, percent, singleSourceProblems, validatePackText, type PackProblem, type PackReport, type ShareCount } from '../src/knowledge/validate';

/** The most of the bundled pack's stances, or key facts, that may rest on a single independent source (issue 12). */
const BUNDLED_MAX_SINGLE_SOURCE_SHARE = 0.3;
/**
 * On since the 1.1.0 content, which brought second sources (its figures are in docs/knowledge.md, "Research log"),
 * so that the share cannot regress.
 */
const ENFORCE_SHARE_ON_BUNDLED_PACK = true;

const args = process.argv.slice(2);
const shareArg = args.find((a) => a.startsWith('--max-single-source-share='));
const path = args.find((a) => !a.startsWith('--')) ?? BUNDLED_PACK_PATH;
const maxShare = shareArg
  ? Number(shareArg.split('=')[1])
  : path === BUNDLED_PACK_PATH && ENFORCE_SHARE_ON_BUNDLED_PACK
    ? BUNDLED_MAX_SINGLE_SOURCE_SHARE
    : undefined;
if (maxShare !== undefined && !(maxShare >= 0 && maxShare <= 1)) {
  console.error(`pack:check: --max-single-source-share must be a number from 0 to 1`);
  process.exit(2);
}

let text: string;
try {
  text = readFileSync(path, 'utf8');
} catch (error) {
  console.error(`pack:check: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  process.exit(2);
}

const result = validatePackText(text);
const report = result.ok ? packReport(result.pack) : undefined;
const problems: PackProblem[] = result.ok ? [] : result.problems;
if (report && maxShare !== undefined) problems.push(...singleSourceProblems(report, maxShare));

if (result.ok) {
  const p = result.pack;
  const written = (JSON.parse(text) as { format: number }).format;
  console.log(
    `${path}: ${problems.length ? '' : 'valid '}pack "${p.meta.id}" ${p.meta.version}, as of ${p.meta.asOf}: ${p.actors.length} actors, ${p.topics.length} topics, ` +
      `${p.events.length} events, ${p.stances.length} stances, ${p.agreements.length} agreements, ${p.sources.length} sources` +
      (written === p.format ? '.' : ` (format ${written}, read through its upgrade to format ${p.format}).`),
  );
}
if (report) printReport(report, maxShare);
if (result.ok) {
  // The matcher gets every form: these are the counts its speed depends on (npm run bench measures it).
  const counts = aliasCounts(result.pack);
  console.log('Names by language (aliases written → forms the matcher gets):');
  for (const [language, count] of Object.entries(counts)) console.log(`  ${language}: ${count.aliases} → ${count.forms}`);
}
if (problems.length) {
  console.error(`${path}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  for (const problem of problems) console.error(`  ${problem.path}: ${problem.message}`);
  process.exit(1);
}

function printReport(r: PackReport, limit: number | undefined): void {
  const share = (count: ShareCount, what: string) =>
    `  ${what} on a single independent source: ${count.singleSource} of ${count.total} (${percent(count.share)})` +
    (limit === undefined ? '' : `; at most ${percent(limit)}`);
  const labelled = r.weakOnlyClaims.filter((c) => c.labelled).length;
  console.log('Sourcing:');
  console.log(share(r.stances, 'stances'));
  console.log(share(r.keyFacts, 'topic key facts'));
  console.log(`  primary sources: ${r.primarySources} of ${r.sources}`);
  console.log(`  claims resting only on weak sources: ${r.weakOnlyClaims.length} (${labelled} labelled unverified)`);
  for (const c of r.weakOnlyClaims) console.log(`    ${c.path} (${c.id}, ${c.kind})${c.labelled ? ': labelled unverified' : ''}`);
}
