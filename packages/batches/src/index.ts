export { describeBatches } from './describe-batches.js';
export { createBatch } from './create-batch.js';
export type { CreateBatchParams } from './create-batch-params.js';
export { getBatchInfo } from './pipeline/get-batch-info.js';
export { getBatchStatus } from './pipeline/get-batch-status.js';
export { pushBatchChunks } from './pipeline/push-batch-chunks.js';
export { pullBatchResults, type PullBatchResultsParams } from './pipeline/pull-batch-results.js';
export { disposeBatch, type DisposeState } from './pipeline/dispose-batch.js';
export { Pipeline, batchPipeline, type PipelineState, type PipelineStats } from './pipeline/pipeline.js';
export type { PushParams, PushOptions, ChunkInput } from './pipeline/push-body.js';
export { createChunks, DEFAULT_CHUNK_SIZE, type CreateChunksOptions } from './create-chunks.js';
export { toChunks } from './to-chunks.js';
export type { BatchRecord } from './tabulate.js';
export { runBatch } from './runner/run-batch.js';
export { runBatchSync, executeBatchSync, type RunBatchSyncOptions } from './runner/run-batch-sync.js';
export { BatchRunStoppedError } from './runner/stopped-error.js';
export type { RecordInput } from './runner/record-source.js';
export type {
  BatchRun,
  RunBatchCommonOptions,
  RunBatchOptions,
  BatchRecordResult,
  BatchRecordError,
  BatchProgress,
  BatchRunSummary,
} from './runner/run-types.js';
export type {
  BatchStatusValue,
  BatchStatus,
  BatchData,
  BatchInfoSummary,
  BatchConfiguration,
  BatchInfo,
  ChunkData,
  ChunkSummary,
  BatchChunk,
  ChunkResult,
  PullResult,
  BatchesDescription,
} from './types.js';
export { batches, createBatchesApi, type BatchesApi } from './plugin.js';
