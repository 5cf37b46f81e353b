import { requireCore } from '@spark/core';
import type { SparkCore, CallOptions } from '@spark/core';
import { getRunnerInfo } from './runner-info.js';
import type { HybridVersion } from './types.js';

/**
 * Reads the runner's Neuron compatibility version: `GET {runner}/version`.
 *
 * @param core - a client from `createHybridClient()`
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns `{ version, lastPullDate, filehash }`
 *
 * @example
 * const { version } = await getHybridVersion(runner); // '1.31.2'
 */
export function getHybridVersion(core: SparkCore, options?: CallOptions): Promise<HybridVersion> {
  requireCore(core, 'hybrid.version.get');
  return getRunnerInfo<HybridVersion>(core, 'version', 'hybrid.version.get', options);
}
