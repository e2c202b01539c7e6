import { defineConfig } from '@playwright/test';

// The built extension is loaded into a persistent Chromium context by tests/e2e/fixtures.ts;
// `npm test` builds it first and finds the browser (CHROMIUM_PATH).
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Two cores: one browser at a time keeps timings honest and the machine responsive.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  outputDir: 'test-results/playwright',
});
