import { SparkSdkError, type SparkCore, type CallOptions, requireCore } from '@spark/core';
import { batchPath } from '../batch-path.js';
import type { BatchInfo } from '../types.js';
import { checkCallOptions } from '@spark/core/wire';

/** The states a pipeline can be moved to. */
export type DisposeState = 'closed' | 'cancelled';

/**
 * Closes or cancels a pipeline (`PATCH api/v4/batch/{id}` with `{ batch_status }`). After
 * `closed`, queued chunks still finish and can be pulled; after `cancelled` everything pending
 * is discarded.
 *
 * @param core - a client from `createClient()`
 * @param batchId - the id `createBatch()` returned
 * @param state - `closed` (default) or `cancelled`
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns Spark's answer (the batch object)
 *
 * @example
 * await disposeBatch(spark, batch.id);              // close: no more input
 * await disposeBatch(spark, batch.id, 'cancelled'); // drop everything pending
 */
export async function disposeBatch(core: SparkCore, batchId: string, state: DisposeState = 'closed', options: CallOptions = {}): Promise<BatchInfo> {
  requireCore(core, 'batches.dispose');
  const call = checkCallOptions(options, 'batches.dispose');
  const path = batchPath(batchId);
  if (state !== 'closed' && state !== 'cancelled') {
    throw new SparkSdkError(`batches.dispose: "state" must be "closed" or "cancelled" (got ${JSON.stringify(state)})`, { cause: state });
  }
  const response = await core.request<BatchInfo>({
    operation: 'batches.dispose',
    method: 'PATCH',
    path,
    json: { batch_status: state },
    // Setting the same terminal status twice changes nothing.
    idempotent: true,
    ...call,
  });
  return response.data;
}
