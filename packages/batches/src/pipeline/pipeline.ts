import { SparkSdkError, type SparkCore, type CallOptions, requireCore } from '@spark/core';
import { checkCallOptions } from '@spark/core/wire';
import { batchPath } from '../batch-path.js';
import { newChunkId } from '../chunk-id.js';
import type { BatchChunk, BatchInfo, BatchStatus, PullResult } from '../types.js';
import { disposeBatch, type DisposeState } from './dispose-batch.js';
import { getBatchInfo } from './get-batch-info.js';
import { getBatchStatus } from './get-batch-status.js';
import { pullBatchResults, type PullBatchResultsParams } from './pull-batch-results.js';
import { pushBatchChunks } from './push-batch-chunks.js';
import { pushChunks, type PushOptions, type PushParams } from './push-body.js';

/** Local lifecycle of a {@link Pipeline} (it does not reflect the server's status). */
export type PipelineState = 'open' | 'closed' | 'cancelled';

/** What one {@link Pipeline} object pushed: distinct chunk ids and their records. */
export interface PipelineStats {
  chunks: number;
  records: number;
}

/**
 * A client-side handle on one batch pipeline (no HTTP call to create it). Its `state` and
 * `stats` are local and per object: unlike the Python SDK, whose chunk registry is shared by
 * every pipeline, two pipelines never see each other's chunk ids.
 *
 * @example
 * const pipeline = batchPipeline(spark, batch.id);
 * await pipeline.push({ inputs: records }, { chunkSize: 500 });
 * const { data } = await pipeline.pull({ maxChunks: 10 });
 * await pipeline.close();
 */
export class Pipeline {
  readonly id: string;
  readonly #core: SparkCore;
  readonly #chunks = new Map<string, number>();
  #state: PipelineState = 'open';

  constructor(core: SparkCore, batchId: string) {
    batchPath(batchId);
    this.#core = core;
    this.id = batchId.trim();
  }

  /** `open`, or `closed`/`cancelled` after a successful dispose. */
  get state(): PipelineState {
    return this.#state;
  }

  /** Distinct chunk ids this object pushed and the sum of their sizes. */
  get stats(): PipelineStats {
    let records = 0;
    for (const size of this.#chunks.values()) records += size;
    return { chunks: this.#chunks.size, records };
  }

  /** Whether the pipeline was closed or cancelled through this object. */
  get isDisposed(): boolean {
    return this.#state !== 'open';
  }

  /** See {@link getBatchInfo}. */
  getInfo(options?: CallOptions): Promise<BatchInfo> {
    return getBatchInfo(this.#core, this.id, options);
  }

  /** See {@link getBatchStatus}. */
  getStatus(options?: CallOptions): Promise<BatchStatus> {
    return getBatchStatus(this.#core, this.id, options);
  }

  /**
   * Pushes records or chunks, applying `ifChunkIdDuplicated` against the ids this object already
   * pushed. When `ignore` leaves nothing to send, the current status is read instead.
   */
  async push(params: PushParams, options: PushOptions = {}): Promise<BatchStatus> {
    this.#guard('push', ['closed', 'cancelled']);
    const call = checkCallOptions(options, 'batches.push', ['ifChunkIdDuplicated', 'chunkSize', 'headers', 'parameters', 'summary']);
    const policy = options.ifChunkIdDuplicated ?? 'replace';
    if (!['replace', 'throw', 'ignore'].includes(policy)) {
      throw new SparkSdkError(`batches.push: "ifChunkIdDuplicated" must be "replace", "throw" or "ignore" (got ${JSON.stringify(policy)})`);
    }
    const seen = new Set(this.#chunks.keys());
    const chunks: BatchChunk[] = [];
    for (const chunk of pushChunks(params, options, this.id)) {
      if (seen.has(chunk.id)) {
        if (policy === 'throw') throw new SparkSdkError(`chunk id ${chunk.id} is duplicated for batch pipeline ${this.id}`, { cause: chunk.id });
        // Like the Python SDK, `ignore` leaves the chunk out (the TS SDK sent it anyway).
        if (policy === 'ignore') continue;
        let id = newChunkId();
        while (seen.has(id)) id = newChunkId();
        chunks.push({ ...chunk, id });
        seen.add(id);
        continue;
      }
      seen.add(chunk.id);
      chunks.push(chunk);
    }
    if (chunks.length === 0) return this.getStatus(call);
    const status = await pushBatchChunks(this.#core, this.id, chunks, call);
    for (const chunk of chunks) this.#chunks.set(chunk.id, chunk.size);
    return status;
  }

  /** Drains up to `maxChunks` (default 100) chunk results; see {@link pullBatchResults}. */
  async pull<O = Record<string, unknown>>(params?: PullBatchResultsParams): Promise<PullResult<O>> {
    this.#guard('pull', ['cancelled']);
    return pullBatchResults<O>(this.#core, this.id, params);
  }

  /** Closes (default) or cancels the pipeline; fails if this object already did. */
  async dispose(state: DisposeState = 'closed', options?: CallOptions): Promise<BatchInfo> {
    this.#guard('dispose', ['closed', 'cancelled']);
    const info = await disposeBatch(this.#core, this.id, state, options);
    this.#state = state;
    return info;
  }

  /** No more input: queued chunks still finish and can be pulled. */
  close(options?: CallOptions): Promise<BatchInfo> {
    return this.dispose('closed', options);
  }

  /** Drops everything pending. */
  cancel(options?: CallOptions): Promise<BatchInfo> {
    return this.dispose('cancelled', options);
  }

  #guard(operation: string, refused: PipelineState[]): void {
    if (refused.includes(this.#state)) {
      throw new SparkSdkError(`batches.${operation}: batch pipeline ${this.id} is already ${this.#state}`);
    }
  }
}

/**
 * A handle on an existing pipeline (no HTTP call).
 *
 * @param core - a client from `createClient()`
 * @param batchId - the id `createBatch()` returned
 * @returns a {@link Pipeline}
 *
 * @example
 * const pipeline = batchPipeline(spark, (await createBatch(spark, 'f/s')).id);
 */
export function batchPipeline(core: SparkCore, batchId: string): Pipeline {
  requireCore(core, 'batches.pipeline');
  return new Pipeline(core, batchId);
}
