import { SparkSdkError, type SparkCore, type CallOptions, requireCore } from '@spark/core';
import { batchPath } from '../batch-path.js';
import type { BatchChunk, BatchStatus } from '../types.js';
import { checkCallOptions } from '@spark/core/wire';

/**
 * Pushes chunks into a pipeline's input buffer as they are (`POST api/v4/batch/{id}/chunks`,
 * body `{ chunks }`). Build chunks with `createChunks()`; `Pipeline.push()` adds duplicate-id
 * handling and accepts other input forms.
 *
 * @param core - a client from `createClient()`
 * @param batchId - the id `createBatch()` returned
 * @param chunks - one or more chunks in the wire format
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns the pipeline status after the push
 *
 * @example
 * await pushBatchChunks(spark, batch.id, createChunks(records, { chunkSize: 500 }));
 */
export async function pushBatchChunks(core: SparkCore, batchId: string, chunks: readonly BatchChunk[], options: CallOptions = {}): Promise<BatchStatus> {
  requireCore(core, 'batches.push');
  const call = checkCallOptions(options, 'batches.push');
  const path = batchPath(batchId, 'chunks');
  if (!Array.isArray(chunks) || chunks.length === 0) throw new SparkSdkError(`batches.push: at least one chunk is required for batch pipeline ${batchId}`, { cause: chunks });
  const response = await core.request<BatchStatus>({
    operation: 'batches.push',
    method: 'POST',
    path,
    json: { chunks },
    // Re-sending a chunk id is deduplicated by the pipeline, so a push whose answer was lost
    // (dropped connection, 502/504) can be repeated safely.
    idempotent: true,
    attributes: { 'spark.record.count': chunks.reduce((n, c) => n + (Number(c?.size) || 0), 0) },
    ...call,
  });
  return response.data;
}
