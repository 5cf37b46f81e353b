import * as v from 'valibot';
import { parseParams, SparkSdkError } from '@spark/core';
import { newChunkId, uniqueId } from './chunk-id.js';
import { splitHeader, tabulate } from './tabulate.js';
import type { BatchChunk, ChunkSummary } from './types.js';

/** Default records per chunk (the official SDKs' `BATCH_CHUNK_SIZE`). */
export const DEFAULT_CHUNK_SIZE = 200;

const OPERATION = 'batches.createChunks';

const OptionsSchema = v.object({
  chunkSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  headers: v.optional(v.array(v.string())),
  parameters: v.optional(v.record(v.string(), v.unknown())),
  summary: v.optional(v.record(v.string(), v.unknown())),
  chunkId: v.optional(v.function()),
});

/** Options of {@link createChunks}. */
export interface CreateChunksOptions {
  /** Maximum records per chunk (default 200). */
  chunkSize?: number;
  /** Column names. Without them, rows need a header row first; objects use the union of their keys. */
  headers?: string[];
  /** Values common to every record, sent with each chunk (default `{}`). */
  parameters?: Record<string, unknown>;
  /** Aggregation instructions sent with each chunk. */
  summary?: ChunkSummary;
  /** Chunk id for the chunk at `index` (default a UUID). Duplicates get a `-2`, `-3`… suffix. */
  chunkId?: (index: number) => string;
}

/**
 * Splits records into evenly sized chunks in Spark's tabular wire format (header row first).
 * Never emits a header-only chunk and never mutates `records`.
 *
 * Records are objects (columns: the union of their keys in first-seen order; a missing key is
 * sent as `null`) or rows of values, with the header row first or given as `headers`.
 * `n` records in chunks of at most `chunkSize` make `ceil(n / chunkSize)` chunks whose sizes
 * differ by at most one.
 *
 * @param records - objects, or rows (with a header row first unless `headers` is given)
 * @param options - chunk size, headers, shared parameters, aggregation, id generator
 * @returns the chunks, ready for `pipeline.push({ chunks })`
 *
 * @example
 * const chunks = createChunks([{ radius: 2, height: 15 }, { radius: 5, height: 1 }], { chunkSize: 1 });
 * // [{ id: '…', size: 1, data: { inputs: [['radius', 'height'], [2, 15]], parameters: {} } }, …]
 */
export function createChunks(records: readonly unknown[], options: CreateChunksOptions = {}): BatchChunk[] {
  const opts = parseParams(OptionsSchema, options, OPERATION) as CreateChunksOptions;
  if (!Array.isArray(records)) {
    throw new SparkSdkError(`${OPERATION}: "records" must be an array of records (objects) or rows (arrays)`, { cause: records });
  }
  const split = splitHeader(records, opts.headers, OPERATION);
  const table = tabulate(split.data, split.headers, OPERATION);
  const total = table.rows.length;
  if (total === 0) return [];
  const count = Math.ceil(total / (opts.chunkSize ?? DEFAULT_CHUNK_SIZE));
  const base = Math.floor(total / count);
  const extra = total % count;
  const taken = new Set<string>();
  const chunks: BatchChunk[] = [];
  let start = 0;
  for (let i = 0; i < count; i++) {
    const size = base + (i < extra ? 1 : 0);
    const rows = table.rows.slice(start, start + size);
    start += size;
    const id = uniqueId(opts.chunkId ? String(opts.chunkId(i)) : newChunkId(), taken);
    chunks.push({
      id,
      size,
      data: {
        inputs: [[...table.headers], ...rows],
        parameters: { ...opts.parameters },
        ...(opts.summary ? { summary: opts.summary } : {}),
      },
    });
  }
  return chunks;
}
