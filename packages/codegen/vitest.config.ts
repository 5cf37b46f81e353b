import { sparkTestConfig } from '../../vitest.shared.js';

// 'forks': the emulator's WASM runner starts worker threads, which vitest's thread pool forbids.
export default sparkTestConfig({ pool: 'forks' });
