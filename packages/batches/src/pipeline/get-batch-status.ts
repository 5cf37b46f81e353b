import { requireCore } from '@spark/core';
import type { SparkCore, CallOptions } from '@spark/core';
import { batchPath } from '../batch-path.js';
import type { BatchStatus } from '../types.js';
import { checkCallOptions } from '@spark/core/wire';

/**
 * Reads a pipeline's live status: records and chunks submitted/completed/available, workers and
 * buffer usage (`GET api/v4/batch/{id}/status`). Mind the singular `record_submitted`.
 *
 * @param core - a client from `createClient()`
 * @param batchId - the id `createBatch()` returned
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns the status object
 *
 * @example
 * const s = await getBatchStatus(spark, batch.id);
 * if (s.records_available > 0) await batchPipeline(spark, batch.id).pull();
 */
export async function getBatchStatus(core: SparkCore, batchId: string, options: CallOptions = {}): Promise<BatchStatus> {
  requireCore(core, 'batches.getStatus');
  const call = checkCallOptions(options, 'batches.getStatus');
  const path = batchPath(batchId, 'status');
  const response = await core.request<BatchStatus>({ operation: 'batches.getStatus', method: 'GET', path, ...call });
  return response.data;
}
