import { requireCore } from '@spark/core';
import type { SparkCore, CallOptions } from '@spark/core';
import type { BatchesDescription } from './types.js';
import { checkCallOptions } from '@spark/core/wire';

/**
 * Describes the tenant's batches: those in progress and those finished within the last hour,
 * plus tenant-wide worker and buffer usage (`GET api/v4/batch/status`).
 *
 * @param core - a client from `createClient()`
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns the description as Spark sends it
 *
 * @example
 * const { in_progress_batches, tenant } = await describeBatches(spark);
 * console.log(in_progress_batches.length, tenant?.status?.workers_in_use);
 */
export async function describeBatches(core: SparkCore, options: CallOptions = {}): Promise<BatchesDescription> {
  requireCore(core, 'batches.describe');
  const call = checkCallOptions(options, 'batches.describe');
  const response = await core.request<BatchesDescription>({
    operation: 'batches.describe',
    method: 'GET',
    path: 'api/v4/batch/status',
    ...call,
  });
  return response.data;
}
