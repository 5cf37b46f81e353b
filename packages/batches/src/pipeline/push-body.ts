import { SparkSdkError, type CallOptions } from '@spark/core';
import { newChunkId } from '../chunk-id.js';
import { createChunks } from '../create-chunks.js';
import { normaliseChunk, rowCount, toChunks } from '../to-chunks.js';
import type { BatchChunk, ChunkData, ChunkSummary } from '../types.js';

/** A chunk as given to `push()`: only `data.inputs` is required. */
export interface ChunkInput {
  id?: string;
  size?: number;
  data: Partial<ChunkData>;
}

/** What `Pipeline.push()` accepts; the first source given wins: `raw`, `chunks`, `data`, `inputs`. */
export interface PushParams {
  /** JSON text/bytes: `{ chunks: [...] }`, a list of chunks or one chunk. */
  raw?: string | Uint8Array;
  /** Chunks in the wire format (missing ids, parameters and sizes are filled in). */
  chunks?: readonly ChunkInput[];
  /** One chunk's data (header row first); it gets a new id. */
  data?: Partial<ChunkData> & { inputs: unknown[][] };
  /** Records (objects, or rows with a header row first), split into chunks of `chunkSize`. */
  inputs?: readonly unknown[];
}

/** Options of `Pipeline.push()`. */
export interface PushOptions extends CallOptions {
  /**
   * What to do with a chunk id this pipeline already pushed: `replace` (default) gives the chunk a
   * new id, `throw` rejects the push, `ignore` leaves the chunk out of the request.
   */
  ifChunkIdDuplicated?: 'replace' | 'throw' | 'ignore';
  /** Records per chunk when pushing `inputs` (default 200). */
  chunkSize?: number;
  /** Column names when `inputs` are rows without a header row. */
  headers?: string[];
  /** Shared parameters for chunks built from `inputs`. */
  parameters?: Record<string, unknown>;
  /** Aggregation for chunks built from `inputs`. */
  summary?: ChunkSummary;
}

/** Resolves push parameters to wire chunks (contract §6.7 "Building the push body"). */
export function pushChunks(params: PushParams, options: PushOptions, batchId: string): BatchChunk[] {
  if (typeof params !== 'object' || params === null) throw wrong(batchId, params);
  const { raw, chunks, data, inputs } = params;
  if ((typeof raw === 'string' && raw.length > 0) || (raw instanceof Uint8Array && raw.byteLength > 0)) return toChunks(raw);
  if (Array.isArray(chunks) && chunks.length > 0) return chunks.map((c, i) => normaliseChunk(c, `batches.push: chunk #${i}`));
  if (data && Array.isArray(data.inputs) && data.inputs.length > 0) {
    return [{ id: newChunkId(), size: rowCount(data.inputs), data: normaliseChunk({ data }, 'batches.push: data').data }];
  }
  if (Array.isArray(inputs) && inputs.length > 0) {
    // Split like the TS SDK (the Python SDK sends all inputs as one chunk): `chunkSize` matters.
    return createChunks(inputs, { chunkSize: options.chunkSize, headers: options.headers, parameters: options.parameters, summary: options.summary });
  }
  throw wrong(batchId, params);
}

function wrong(batchId: string, params: unknown): SparkSdkError {
  return new SparkSdkError(
    `batches.push: wrong data params were provided for this pipeline ${batchId}; give one of raw, chunks, data (with inputs) or inputs`,
    { cause: params },
  );
}
