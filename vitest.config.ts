import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/fuzz/**', 'node_modules/**'],
    testTimeout: 60_000,
    setupFiles: ['test/helpers/setup.ts'],
    reporters: ['default'],
  },
});
