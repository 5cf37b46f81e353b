// The audited packages' shared test settings plus the audit setup file:
// vitest has no --setupFiles flag. run-audit.mjs points SPARK_AUDIT_SUITE at the package.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: process.env.SPARK_AUDIT_SUITE!,
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // forks: the emulator's WASM runner cannot start inside worker threads (impex, hybrid).
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
    setupFiles: [fileURLToPath(new URL('./setup.ts', import.meta.url))],
  },
});
