import { sparkTestConfig } from '../../vitest.shared.js';

// The tests run the built binary in child processes: allow for slow starts on a busy machine.
export default sparkTestConfig({ testTimeout: 60_000, hookTimeout: 30_000 });
