import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Fixtures are code for the checker to read (the evaluation set has its own `*.test.ts`), not tests to run.
    exclude: [...configDefaults.exclude, 'tests/fixtures/**'],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
