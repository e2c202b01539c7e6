/**
 * npm test: every check, in order, stopping at the first failure:
 * typecheck, lint, pack check, unit tests, the Firefox build and its package lint, the Chrome build, browser tests
 * (the Chrome build in Chromium, and the Firefox build in Firefox: tests/e2e/firefox.spec.ts).
 * Prints one closing line, "N passed, N failed", counting unit and browser tests.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { findBrowser } from './find-browser.mjs';
import { buildForBrowserTests } from './test-build.mjs';

const run = (title, command, env = {}) => {
  console.log(`\n▶ ${title}: ${command}`);
  const started = Date.now();
  const result = spawnSync(command, { shell: true, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`  ${title} ${result.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
};

const readJson = (path) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
};

let passed = 0;
let failed = 0;
const tally = () => {
  const unit = readJson('test-results/vitest.json');
  if (unit) {
    passed += unit.numPassedTests ?? 0;
    failed += unit.numFailedTests ?? 0;
  }
  const browser = readJson('test-results/playwright.json');
  if (browser?.stats) {
    passed += browser.stats.expected ?? 0;
    failed += (browser.stats.unexpected ?? 0) + (browser.stats.flaky ?? 0);
  }
};
const finish = (ok) => {
  tally();
  console.log(`\n${ok && failed === 0 ? 'All checks passed.' : 'Some checks failed.'}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(ok && failed === 0 ? 0 : 1);
};

spawnSync('rm -rf test-results/vitest.json test-results/playwright.json', { shell: true });
const steps = [
  ['typecheck', 'npm run --silent typecheck'],
  ['lint', 'npm run --silent lint'],
  ['knowledge pack', 'npm run --silent pack:check'],
  ['unit tests', 'npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json'],
  // Builds .output/firefox-mv2, which the Firefox browser tests install.
  ['Firefox build and package lint (addons-linter)', 'npm run --silent lint:firefox'],
];
for (const [title, command] of steps) if (!run(title, command)) finish(false);

const testEnv = buildForBrowserTests(run);
if (!testEnv) finish(false);

let browserPath;
try {
  browserPath = await findBrowser();
} catch (error) {
  console.error(`\n${error.message}`);
  finish(false);
}
console.log(`\nBrowser for the browser tests: ${browserPath}`);
finish(run('browser tests', 'npx playwright test', { CHROMIUM_PATH: browserPath, ...testEnv }));
