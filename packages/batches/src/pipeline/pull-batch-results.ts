import * as v from 'valibot';
import { parseParams, type SparkCore, type CallOptions, requireCore } from '@spark/core';
import { callOptionsEntries, pickCallOptions } from '@spark/core/wire';
import { batchPath } from '../batch-path.js';
import type { BatchStatus, ChunkResult, PullResult } from '../types.js';

/** Options of {@link pullBatchResults}. */
export interface PullBatchResultsParams extends CallOptions {
  /** Most chunk results to drain in this call (default 100, at least 1). */
  maxChunks?: number;
}

const Schema = v.object({
  maxChunks: v.optional(v.pipe(v.number(), v.integer())),
  ...callOptionsEntries,
});

/**
 * Drains up to `maxChunks` processed chunks from a pipeline's output buffer
 * (`GET api/v4/batch/{id}/chunkresults?max=N`). Drained results are gone from Spark: keep them.
 * When nothing is ready, `data` is empty and only `status` matters.
 *
 * @param core - a client from `createClient()`
 * @param batchId - the id `createBatch()` returned
 * @param params - `maxChunks` (default 100), `signal`, `timeout`, `maxResponseBytes`
 * @returns the chunk results (one entry per record in `outputs`) and the pipeline status
 *
 * @example
 * const { data, status } = await pullBatchResults(spark, batch.id, { maxChunks: 10 });
 * for (const chunk of data) console.log(chunk.id, chunk.outputs.length);
 */
export async function pullBatchResults<O = Record<string, unknown>>(core: SparkCore, batchId: string, params: PullBatchResultsParams = {}): Promise<PullResult<O>> {
  requireCore(core, 'batches.pull');
  const path = batchPath(batchId, 'chunkresults');
  const options = parseParams(Schema, params, 'batches.pull');
  const response = await core.request<Partial<PullResult<O>> | null>({
    operation: 'batches.pull',
    method: 'GET',
    path,
    // `?max=` is the Postman collection's and the Python SDK's spelling since PY 0.2.3; the
    // TS SDK 0.4 still sends `?max_chunks=` (contract §9, §13).
    query: { max: Math.max(1, options.maxChunks ?? 100) },
    ...pickCallOptions(options),
  });
  const body = response.data ?? {};
  return {
    data: Array.isArray(body.data) ? (body.data as ChunkResult<O>[]) : [],
    status: (body.status ?? {}) as BatchStatus,
  };
}
