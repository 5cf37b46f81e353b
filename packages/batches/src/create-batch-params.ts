import * as v from 'valibot';
import type { CallOptions, SparkDateInput } from '@spark/core';
import { callOptionsEntries, dateInputSchema } from '@spark/core/wire';

const list = v.union([v.string(), v.array(v.string())]);
const count = v.pipe(v.number(), v.integer(), v.minValue(1));
const megabytes = v.pipe(v.number(), v.gtValue(0));

/** Schema of {@link CreateBatchParams}, checked before anything is sent. */
export const CreateBatchParamsSchema = v.object({
  activeSince: v.optional(dateInputSchema),
  sourceSystem: v.optional(v.string()),
  correlationId: v.optional(v.string()),
  callPurpose: v.optional(v.string()),
  subservices: v.optional(list),
  selectedOutputs: v.optional(list),
  uniqueRecordKey: v.optional(list),
  minRunners: v.optional(count),
  maxRunners: v.optional(count),
  chunksPerVm: v.optional(count),
  runnersPerVm: v.optional(count),
  maxInputSize: v.optional(megabytes),
  maxOutputSize: v.optional(megabytes),
  accuracy: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  extras: v.optional(v.record(v.string(), v.unknown())),
  ...callOptionsEntries,
});

/** Options of {@link createBatch}: execution metadata plus (experimental) pipeline tuning. */
export interface CreateBatchParams extends CallOptions {
  /** Run the version that was active at this time (ISO string, epoch ms or Date) → `version_by_timestamp`. */
  activeSince?: SparkDateInput;
  /** Default `Spark TypeScript SDK`. */
  sourceSystem?: string;
  correlationId?: string;
  /** Default `Async Batch Execution`. */
  callPurpose?: string;
  /** Sub-services to run (comma-joined on the wire as `subservice`). */
  subservices?: string | string[];
  /** Outputs to return (comma-joined as `output`). */
  selectedOutputs?: string | string[];
  /** Input column(s) identifying a record (comma-joined as `unique_record_key`). */
  uniqueRecordKey?: string | string[];
  /** Experimental: initial workers (`initial_workers`, Spark's default 10). */
  minRunners?: number;
  /** Experimental: maximum workers (`max_workers`, Spark's default 100). */
  maxRunners?: number;
  /** Experimental: chunks per VM (`chunks_per_request`, Spark's default 2). */
  chunksPerVm?: number;
  /** Experimental: runner threads per VM (`runner_thread_count`, Spark's default 2). */
  runnersPerVm?: number;
  /** Experimental: input buffer size in MB (`max_input_in_mb`). */
  maxInputSize?: number;
  /** Experimental: output buffer size in MB (`max_output_in_mb`). */
  maxOutputSize?: number;
  /** Share of records that must succeed, 0..1 (default 1) → `acceptable_error_percentage`. */
  accuracy?: number;
  /** Extra wire keys merged last (they can override anything). */
  extras?: Record<string, unknown>;
}
