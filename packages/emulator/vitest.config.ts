import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // 'forks': the WASM runner (poolifier) refuses to start its thread pool inside a worker thread.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
  },
});
