import { requireCore } from '@spark/core';
import type { SparkCore, CallOptions } from '@spark/core';
import { batchPath } from '../batch-path.js';
import type { BatchInfo } from '../types.js';
import { checkCallOptions } from '@spark/core/wire';

/**
 * Reads a batch: its metadata, counters (`data.summary`) and configuration (`GET api/v4/batch/{id}`).
 *
 * @param core - a client from `createClient()`
 * @param batchId - the id `createBatch()` returned
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns the batch object
 *
 * @example
 * const info = await getBatchInfo(spark, batch.id);
 * console.log(info.data.batch_status, info.data.summary?.records_completed);
 */
export async function getBatchInfo(core: SparkCore, batchId: string, options: CallOptions = {}): Promise<BatchInfo> {
  requireCore(core, 'batches.getInfo');
  const call = checkCallOptions(options, 'batches.getInfo');
  const path = batchPath(batchId);
  const response = await core.request<BatchInfo>({ operation: 'batches.getInfo', method: 'GET', path, ...call });
  return response.data;
}
