export { checkHealth } from './check-health.js';
export { isHealthy } from './is-healthy.js';
export { healthCheck, type StandaloneHealthCheckOptions } from './health-check.js';
export type { HealthCheckResult, HealthCheckOptions } from './types.js';
export { health, createHealthApi, type HealthApi } from './plugin.js';
