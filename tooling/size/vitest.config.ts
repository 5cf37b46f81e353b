import { sparkTestConfig } from '../../vitest.shared.js';

export default sparkTestConfig({ include: ['test/**/*.test.ts'], pool: 'forks', maxWorkers: 1, testTimeout: 60_000 });
