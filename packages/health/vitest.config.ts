import { sparkTestConfig } from '../../vitest.shared.js';

export default sparkTestConfig();
