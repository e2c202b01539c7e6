import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/dom/**/*.test.ts'],
    environment: 'happy-dom',
    // The default 5 s assumes an idle machine; these run beside builds and browsers on two shared cores.
    testTimeout: 15_000,
  },
});
