import { sparkTestConfig } from '../../vitest.shared.js';

// Newman runs the Postman collection against a live emulator: one fork, generous timeouts.
export default sparkTestConfig({ include: ['test/**/*.test.ts'], pool: 'forks', maxWorkers: 1, testTimeout: 120_000, hookTimeout: 120_000 });
