import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/fuzz/**', 'node_modules/**'],
    testTimeout: 60_000,
    // One temporary folder per run, removed after it (see the file).
    globalSetup: ['test/helpers/temp-root.ts'],
    setupFiles: ['test/helpers/setup.ts'],
    reporters: ['default'],
  },
});
