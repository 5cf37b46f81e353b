import { sparkTestConfig } from '../../vitest.shared.js';

// The e2e test drives a real Chromium against the built page (`vite build` first: turbo's
// `test:e2e` depends on `build`). One worker: a browser launch is heavy on 2 cores.
export default sparkTestConfig({ include: ['test/**/*.test.ts'], pool: 'forks', maxWorkers: 1, testTimeout: 120_000, hookTimeout: 120_000 });
