import { defineConfig, type ViteUserConfig } from 'vitest/config';

type TestOptions = NonNullable<ViteUserConfig['test']>;

/**
 * The test settings every package shares: Node, tests beside the source and in `test/`, at
 * most 2 workers (2-core machines). Packages pass only what differs (e.g. `pool: 'forks'`
 * where the emulator's WASM runner starts worker threads, which vitest's thread pool forbids).
 */
export function sparkTestConfig(overrides: TestOptions = {}): ViteUserConfig {
  return defineConfig({
    test: {
      environment: 'node',
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      pool: 'threads',
      maxWorkers: 2,
      testTimeout: 20_000,
      ...overrides,
    },
  });
}
