import { defineConfig } from 'vitest/config';

// The e2e test drives a real Chromium against the built page (`vite build` first: turbo's
// `test:e2e` depends on `build`). One worker: a browser launch is heavy on 2 cores.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
