import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // Downloads Node 22/24/26 and miniflare into the runtimes cache once (src/runtime-cache.ts).
    globalSetup: ['test/global-setup.ts'],
    hookTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
  },
});
