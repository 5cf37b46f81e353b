import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks', // the emulator's WASM runner starts worker threads, which vitest's thread pool forbids
    maxWorkers: 2,
    testTimeout: 20_000,
  },
});
