import type { CreateBatchParams } from '../create-batch-params.js';
import type { ChunkSummary } from '../types.js';

/** Why a record has no outputs. */
export interface BatchRecordError {
  /** `record`: the model reported errors for it; `chunk`: its chunk failed after every retry; `missing`: Spark returned fewer results than records. */
  kind: 'record' | 'chunk' | 'missing';
  message: string;
  /** Spark's error entries for the record (`errors[i]`), when the model reported some. */
  details?: unknown;
  /** The last error of a failed chunk (e.g. a `SparkServiceUnavailableError`). */
  cause?: unknown;
}

/** The one result of one input record: outputs, or an error. */
export type BatchRecordResult<O = Record<string, unknown>> =
  | { index: number; chunkId: string; outputs: O; error?: undefined; warnings?: unknown; processTime?: number }
  | { index: number; chunkId: string; outputs?: undefined; error: BatchRecordError; warnings?: unknown; processTime?: number };

/** A snapshot of a run, passed to `onProgress` and readable as `run.progress`. */
export interface BatchProgress {
  /** The Spark batch id (async runner), once created. */
  batchId: string | undefined;
  recordsRead: number;
  recordsSubmitted: number;
  /** Records whose result came back (outputs or error). */
  recordsCompleted: number;
  recordsFailed: number;
  /** Records handed to the consumer. */
  recordsEmitted: number;
  chunksSubmitted: number;
  chunksCompleted: number;
  chunksInFlight: number;
  /** Push/execute attempts repeated, plus chunks re-submitted after their results were lost. */
  retries: number;
  /** Chunk results received twice and dropped. */
  duplicatesDropped: number;
  /** Results held client-side: waiting for the consumer or for earlier records (`ordered`). */
  bufferedResults: number;
  /** Highest `bufferedResults` seen. */
  peakBufferedResults: number;
  /** Spark's input buffer, from the last status seen (async runner). */
  inputBufferUsedBytes: number | undefined;
  inputBufferRemainingBytes: number | undefined;
  elapsedMs: number;
  /** Completed records per second since the start. */
  recordsPerSecond: number;
}

/** The outcome of a finished run. */
export interface BatchRunSummary {
  batchId: string | undefined;
  recordsIn: number;
  /** Records with outputs. */
  recordsOut: number;
  recordsFailed: number;
  chunks: number;
  retries: number;
  duplicatesDropped: number;
  peakBufferedResults: number;
  durationMs: number;
  recordsPerSecond: number;
}

/**
 * A running batch: iterate it for results (one per input record, as chunks complete), or read
 * them an array per chunk with `chunks()`; await `summary` for the totals. Iteration drives the
 * run: a slow consumer slows the producer.
 */
export interface BatchRun<O = Record<string, unknown>> extends AsyncIterable<BatchRecordResult<O>> {
  /**
   * Resolves with the totals when the run ends; rejects if it fails or is aborted. The run
   * starts at the first iteration step (or `drain()`): awaiting `summary` alone does not start it.
   */
  readonly summary: Promise<BatchRunSummary>;
  /** The current counters. */
  readonly progress: BatchProgress;
  /** Consumes every result without keeping them (starts the run if needed); resolves with the summary. */
  drain(): Promise<BatchRunSummary>;
  /**
   * Reads the results chunk-wise: each step yields the results of one completed chunk (usually
   * `chunkSize` of them, never none) as one array: the same result objects, order rules
   * (`ordered`), exactly-once guarantee, back-pressure (`maxBufferedResults`) and error, abort
   * and early-`break` behaviour as the per-record iteration, with one `await` per chunk instead
   * of one per record. A failed record is still one entry of its chunk's array, with `error` set.
   * The array is the caller's to keep or change.
   *
   * A run is read one way only: after `chunks()`, iterating the run itself throws a
   * `SparkSdkError`, and the other way round. Calling `chunks()` again returns the same iterator.
   *
   * @example
   * ```ts
   * const run = runBatch(spark, 'my-folder/volume-cylinder', records, { chunkSize: 500 });
   * for await (const results of run.chunks()) {
   *   for (const r of results) {
   *     if (r.error) console.error(r.index, r.error.message);
   *     else save(r.index, r.outputs);
   *   }
   * }
   * ```
   */
  chunks(): AsyncIterableIterator<BatchRecordResult<O>[]>;
  /**
   * Reads the results one record at a time (`for await (const r of run)`). Throws a
   * `SparkSdkError` if the run is already read with {@link BatchRun.chunks}.
   */
  [Symbol.asyncIterator](): AsyncIterableIterator<BatchRecordResult<O>>;
}

/** Options shared by {@link runBatch} and {@link runBatchSync}. */
export interface RunBatchCommonOptions {
  /** Records per chunk (default 200). */
  chunkSize?: number;
  /** Column names when records are rows without a header row. */
  headers?: string[];
  /** Yield results in input order (within a window of `orderWindow` records). Default `false`: as chunks complete. */
  ordered?: boolean;
  /** Most records held back to restore order (default `maxBufferedResults`). */
  orderWindow?: number;
  /** Most results held client-side before the runner stops pulling (default 10 × chunkSize, at least 2,000). */
  maxBufferedResults?: number;
  /** Attempts after the first for a failing chunk before its records are reported as failed (default 5). */
  maxRetries?: number;
  /** First retry delay in ms (default 250; doubles per attempt up to 10 s). */
  retryDelay?: number;
  /** Aborting cancels the run (and the Spark pipeline); the iterator then throws the signal's reason. */
  signal?: AbortSignal;
  /** Most decoded bytes of each response of the run (pushes, pulls, executions), overriding the client's `maxResponseBytes`. */
  maxResponseBytes?: number;
  /** Called after every push and every batch of results. */
  onProgress?: (progress: BatchProgress) => void;
}

/** Options of {@link runBatch}. */
export interface RunBatchOptions extends RunBatchCommonOptions {
  /** Pipeline creation options (metadata, runners, buffers, accuracy). */
  create?: Omit<CreateBatchParams, 'signal' | 'timeout' | 'maxResponseBytes'>;
  /** Values common to every record, sent with each chunk. */
  parameters?: Record<string, unknown>;
  /** Aggregation instructions sent with each chunk. */
  summary?: ChunkSummary;
  /** Most chunks pushed and not yet back (default 16). */
  maxChunksInFlight?: number;
  /** Concurrent push requests (default 4). */
  pushConcurrency?: number;
  /** Most chunk results drained per pull (default 100). */
  pullMax?: number;
  /** Fastest poll interval in ms, used while results flow (default 25): a round of pulls starts at most this often; the time its pulls took counts toward the interval. */
  minPollInterval?: number;
  /** Slowest poll interval in ms, reached while idle (default 2,000). */
  maxPollInterval?: number;
  /**
   * A pushed chunk with no result is re-submitted after this long (default 300,000 ms) during
   * which no result came back or waited on Spark and the client held none back: behind a slow
   * consumer, results wait on Spark and chunks queued there are slow, not lost.
   */
  chunkTimeout?: number;
  /** Per-request timeout in ms (default: the client's). */
  requestTimeout?: number;
}
