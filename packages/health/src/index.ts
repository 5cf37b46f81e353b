export { checkHealth } from './check-health.js';
export { isHealthy } from './is-healthy.js';
export { checkHealthAt, type CheckHealthAtOptions } from './check-health-at.js';
export type { HealthCheckResult } from './types.js';
export { health, createHealthApi, type HealthApi } from './plugin.js';
