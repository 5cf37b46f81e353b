import type { SparkCore, SparkPlugin, CallOptions } from '@spark/core';
import { checkHealth } from './check-health.js';
import { isHealthy } from './is-healthy.js';
import type { HealthCheckResult } from './types.js';

/** The `health` namespace of a client. */
export interface HealthApi {
  /** See {@link checkHealth}. */
  check(options?: CallOptions): Promise<HealthCheckResult>;
  /** See {@link isHealthy}. */
  ok(options?: CallOptions): Promise<boolean>;
}

/**
 * Binds the health operations to one client.
 *
 * @example
 * const health = createHealthApi(spark);
 * await health.ok(); // true
 */
export function createHealthApi(core: SparkCore): HealthApi {
  return {
    check: (options) => checkHealth(core, options),
    ok: (options) => isHealthy(core, options),
  };
}

/**
 * The health plugin: `createClient(opts).use(health)` adds `client.health`.
 *
 * @example
 * const spark = createClient({ baseUrl, apiKey }).use(health);
 * console.log(await spark.health.ok()); // true
 */
export const health: SparkPlugin<'health', HealthApi> = { key: 'health', create: createHealthApi };
