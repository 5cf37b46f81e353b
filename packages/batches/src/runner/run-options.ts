import * as v from 'valibot';
import { parseParams } from '@spark/core';
import { callOptionsEntries, timeoutSchema } from '@spark/core/wire';
import { DEFAULT_CHUNK_SIZE } from '../create-chunks.js';
import type { RunSettings } from './run-context.js';

const positive = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)));
const ms = v.optional(v.pipe(v.number(), v.minValue(0)));

// Unknown keys pass through: `objectWithRest(…, v.unknown())` is valibot's `looseObject`, spelt
// with the object variant other packages bundle anyway (one copy of the code in a browser bundle).

/** Options every runner takes (unknown keys are left to the runner-specific schemas). */
const CommonRunOptionsSchema = v.objectWithRest({
  chunkSize: positive,
  headers: v.optional(v.array(v.string())),
  ordered: v.optional(v.boolean()),
  orderWindow: positive,
  maxBufferedResults: positive,
  maxRetries: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  retryDelay: ms,
  signal: v.optional(v.instance(AbortSignal)),
  maxResponseBytes: callOptionsEntries.maxResponseBytes,
  onProgress: v.optional(v.function()),
}, v.unknown());

/** Options only the async pipeline runner takes. */
export const RunBatchOptionsSchema = v.objectWithRest({
  ...CommonRunOptionsSchema.entries,
  create: v.optional(v.record(v.string(), v.unknown())),
  parameters: v.optional(v.record(v.string(), v.unknown())),
  summary: v.optional(v.record(v.string(), v.unknown())),
  maxChunksInFlight: positive,
  pushConcurrency: positive,
  pullMax: positive,
  minPollInterval: ms,
  maxPollInterval: ms,
  chunkTimeout: v.optional(v.pipe(v.number(), v.minValue(1))),
  requestTimeout: v.optional(timeoutSchema),
}, v.unknown());

/** Options only the synchronous (v4 execute) runner takes. */
export const RunBatchSyncOptionsSchema = v.objectWithRest({
  ...CommonRunOptionsSchema.entries,
  concurrency: positive,
  requestTimeout: v.optional(timeoutSchema),
}, v.unknown());

/** Validates runner options (throws `SparkSdkError` naming the field) and applies the shared defaults. */
export function resolveSettings<S extends v.GenericSchema>(schema: S, options: unknown, operation: string): RunSettings {
  const o = parseParams(schema, options ?? {}, operation) as {
    chunkSize?: number; headers?: string[]; ordered?: boolean; orderWindow?: number; maxBufferedResults?: number; maxRetries?: number; retryDelay?: number;
    maxResponseBytes?: number;
  };
  const chunkSize = o.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const maxBufferedResults = Math.max(o.maxBufferedResults ?? Math.max(2_000, chunkSize * 10), chunkSize);
  return {
    chunkSize,
    headers: o.headers,
    ordered: o.ordered ?? false,
    // A window wider than the buffer could wait forever for a chunk it has no room to pull.
    orderWindow: Math.min(o.orderWindow ?? maxBufferedResults, maxBufferedResults),
    maxBufferedResults,
    maxRetries: o.maxRetries ?? 5,
    retryDelay: o.retryDelay ?? 250,
    maxResponseBytes: o.maxResponseBytes,
  };
}
