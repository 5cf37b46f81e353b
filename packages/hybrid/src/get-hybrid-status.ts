import { requireCore } from '@spark/core';
import type { SparkCore, CallOptions } from '@spark/core';
import { getRunnerInfo } from './runner-info.js';
import type { HybridStatus } from './types.js';

/**
 * Reads the runner's status (runner v1.46.0+): `GET {runner}/status` — the models loaded per
 * tenant with their timings and memory.
 *
 * @param core - a client from `createHybridClient()`
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns `{ models: [{ tenant, model_stats, … }], memory_usage_mb, memory_limit_mb }`
 *
 * @example
 * const { models } = await getHybridStatus(runner);
 */
export function getHybridStatus(core: SparkCore, options?: CallOptions): Promise<HybridStatus> {
  requireCore(core, 'hybrid.status.get');
  return getRunnerInfo<HybridStatus>(core, 'status', 'hybrid.status.get', options);
}
