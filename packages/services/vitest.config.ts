import { sparkTestConfig } from '../../vitest.shared.js';

// The test files share no global state: reusing modules per worker saves most of the run time.
export default sparkTestConfig({ isolate: false });
