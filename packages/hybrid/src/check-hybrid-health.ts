import { requireCore } from '@spark/core';
import type { SparkCore, CallOptions } from '@spark/core';
import { getRunnerInfo } from './runner-info.js';
import type { HybridHealth } from './types.js';

/**
 * Checks that a hybrid runner is up: `GET {runner}/healthcheck` (no tenant, no credentials).
 *
 * @param core - a client from `createHybridClient()` (or any client pointing at a runner)
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns `{ msg: 'ok' }` when healthy
 *
 * @example
 * const { msg } = await checkHybridHealth(runner); // 'ok'
 */
export function checkHybridHealth(core: SparkCore, options?: CallOptions): Promise<HybridHealth> {
  requireCore(core, 'hybrid.health.check');
  return getRunnerInfo<HybridHealth>(core, 'healthcheck', 'hybrid.health.check', options);
}
