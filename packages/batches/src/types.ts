/** `batch_status` values Spark reports (contract §6.7). */
export type BatchStatusValue =
  | 'created'
  | 'in_progress'
  | 'closed'
  | 'closed_by_timeout'
  | 'completed'
  | 'completed_by_timeout'
  | 'failed'
  | 'cancelled'
  | (string & {});

/**
 * A pipeline's live status: returned by `getStatus()`, by every push, and nested as `status` in
 * every pull. Note Spark's singular `record_submitted` next to the plural `records_*` counters.
 */
export interface BatchStatus {
  request_timestamp?: string;
  response_timestamp?: string;
  batch_status: BatchStatusValue;
  pipeline_status?: string;
  /** Records accepted so far (singular on the wire, sic). */
  record_submitted: number;
  records_completed: number;
  records_available: number;
  records_failed?: number;
  chunks_submitted: number;
  chunks_completed: number;
  chunks_available: number;
  chunks_failed?: number;
  compute_time_ms?: number;
  workers_in_use?: number;
  input_buffer_used_bytes?: number;
  input_buffer_remaining_bytes?: number;
  output_buffer_used_bytes?: number;
  output_buffer_remaining_bytes?: number;
  [key: string]: unknown;
}

/** The `data` of a batch as returned by create and info. */
export interface BatchData {
  batch_status: BatchStatusValue;
  pipeline_status?: string;
  service_uri?: string;
  service_id?: string;
  version_id?: string;
  compiler_version?: string;
  source_system?: string | null;
  correlation_id?: string | null;
  unique_record_key?: string | null;
  created_by?: string;
  created_timestamp?: string;
  updated_timestamp?: string;
  response_timestamp?: string;
  /** Only in `getInfo()`. */
  summary?: BatchInfoSummary;
  /** Only in `getInfo()`. */
  configuration?: BatchConfiguration;
  [key: string]: unknown;
}

/** Counters of a batch in `getInfo()`. */
export interface BatchInfoSummary {
  chunks_submitted?: number;
  chunks_retried?: number;
  chunks_completed?: number;
  chunks_failed?: number;
  records_retried?: number;
  input_size_bytes?: number;
  output_size_bytes?: number;
  avg_compute_time_ms?: number;
  records_submitted?: number;
  records_failed?: number;
  records_completed?: number;
  compute_time_ms?: number;
  batch_time_ms?: number;
  [key: string]: unknown;
}

/** Worker and buffer configuration of a batch in `getInfo()`. */
export interface BatchConfiguration {
  initial_workers?: number;
  chunks_per_request?: number;
  runner_thread_count?: number;
  acceptable_error_percentage?: number;
  input_buffer_allocated_bytes?: number;
  output_buffer_allocated_bytes?: number;
  max_workers?: number;
  [key: string]: unknown;
}

/** A batch object: `createBatch()` and `getInfo()` return it. */
export interface BatchInfo {
  object: 'batch' | (string & {});
  id: string;
  data: BatchData;
  [key: string]: unknown;
}

/** The data of one chunk: tabular inputs (header row first), shared parameters, aggregation. */
export interface ChunkData {
  /** `[headers, ...rows]`: the first row names the columns; every other row is one record. */
  inputs: unknown[][];
  /** Values common to every record of the chunk (`{}` when none). */
  parameters: Record<string, unknown>;
  /** Optional aggregation instructions, e.g. `{ ignore_error: false, aggregation: [{ output_name: 'volume', operator: 'SUM' }] }`. */
  summary?: ChunkSummary;
}

/** Aggregation instructions of a chunk. */
export interface ChunkSummary {
  ignore_error?: boolean;
  aggregation?: { output_name: string; operator: string }[];
  [key: string]: unknown;
}

/** One chunk on the wire. */
export interface BatchChunk {
  id: string;
  /** Number of records (rows after the header). */
  size: number;
  data: ChunkData;
}

/** One processed chunk, as pulled from the output buffer. Arrays hold one entry per record. */
export interface ChunkResult<O = Record<string, unknown>> {
  id: string;
  outputs: O[];
  process_time?: number[];
  warnings?: unknown[];
  errors?: unknown[];
  summary_output?: unknown[];
  [key: string]: unknown;
}

/** What `pull()` returns: the drained chunk results and the pipeline's status. */
export interface PullResult<O = Record<string, unknown>> {
  data: ChunkResult<O>[];
  status: BatchStatus;
}

/** Everything `describeBatches()` returns. */
export interface BatchesDescription {
  in_progress_batches: BatchInfo[];
  recent_batches: BatchInfo[];
  tenant?: {
    configuration?: Record<string, unknown>;
    status?: Record<string, unknown>;
  };
  environment?: Record<string, unknown>;
  [key: string]: unknown;
}

