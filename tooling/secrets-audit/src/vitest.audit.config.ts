// The audited package's test settings (core and sdk share them) plus the audit setup file:
// vitest has no --setupFiles flag. run-audit.mjs points SPARK_AUDIT_SUITE at the package.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: process.env.SPARK_AUDIT_SUITE!,
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'threads',
    maxWorkers: 2,
    testTimeout: 20_000,
    setupFiles: [fileURLToPath(new URL('./setup.ts', import.meta.url))],
  },
});
