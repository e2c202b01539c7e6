/**
 * npm run screenshots: builds the extension and runs the browser tests that take the README's screenshots, with
 * SCREENSHOTS=1 so that they write them into docs/. `npm test` never writes into the working tree.
 */
import { spawnSync } from 'node:child_process';
import { findBrowser } from './find-browser.mjs';
import { buildForBrowserTests } from './test-build.mjs';

const SPECS = ['smoke', 'hover-card', 'page', 'popup', 'options', 'knowledge', 'toolbar', 'pack-cards', 'card-compact', 'touch', 'calm', 'contrast', 'page-language', 'popup-ukrainian', 'options-ukrainian', 'card-ukrainian'].map((name) => `tests/e2e/${name}.spec.ts`);

const run = (command, env = {}) => spawnSync(command, { shell: true, stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;

const testEnv = buildForBrowserTests((_title, command, env) => run(command, env));
if (!testEnv) process.exit(1);
let browserPath;
try {
  browserPath = await findBrowser();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
process.exit(run(`npx playwright test ${SPECS.join(' ')}`, { CHROMIUM_PATH: browserPath, SCREENSHOTS: '1', ...testEnv }) ? 0 : 1);
