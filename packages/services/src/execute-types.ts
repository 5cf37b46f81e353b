import type { SparkV3Response } from '@spark/core';

/** `response_meta` of a v3 execution. */
export interface ExecuteMeta {
  service_id?: string;
  version_id?: string;
  version?: string;
  process_time?: number;
  call_id?: string;
  compiler_type?: string;
  compiler_version?: string;
  source_hash?: string | null;
  engine_id?: string;
  correlation_id?: string | null;
  system?: string;
  request_timestamp?: string;
  [key: string]: unknown;
}

/** `response_data` of a v3 execution. */
export interface ExecuteData<O> {
  outputs: O;
  warnings: unknown;
  errors: unknown;
  service_chain: unknown;
  [key: string]: unknown;
}

/**
 * The "alike" result: the same shape for one record (v3, reshaped) and many (v4), one array
 * entry per input record.
 */
export interface ExecuteResult<O = Record<string, unknown>> {
  outputs: O[];
  process_time: number[];
  warnings: unknown[];
  errors: unknown[];
  service_chain: unknown[];
  service_id?: string;
  version_id?: string;
  version?: string;
  call_id?: string;
  compiler_version?: string;
  correlation_id?: string | null;
  request_timestamp?: string;
  [key: string]: unknown;
}

/** The untouched v3 envelope (`responseFormat: 'original'`, one record). */
export type ExecuteV3Original<O = Record<string, unknown>> = SparkV3Response<ExecuteData<O>, ExecuteMeta>;
