import { SparkSdkError } from '@spark/core';
import { newChunkId } from './chunk-id.js';
import type { BatchChunk, ChunkData } from './types.js';

const OPERATION = 'batches.toChunks';

/**
 * Reads chunks from JSON (text or UTF-8 bytes) or an already parsed value: `{ chunks: [...] }`,
 * an array of chunks, or a single chunk. Missing parts are filled in: a new UUID `id`,
 * `inputs: []`, `parameters: {}`, and `size` = the number of rows after the header row.
 *
 * @param raw - JSON text/bytes, or a parsed chunk, chunk list or `{ chunks }` object
 * @returns normalised chunks
 *
 * @example
 * const chunks = toChunks('{"chunks":[{"id":"c1","data":{"inputs":[["x"],[1],[2]]}}]}');
 * // [{ id: 'c1', size: 2, data: { inputs: [['x'], [1], [2]], parameters: {} } }]
 */
export function toChunks(raw: string | Uint8Array | object): BatchChunk[] {
  let value: unknown = raw;
  if (typeof raw === 'string' || raw instanceof Uint8Array) {
    const text = typeof raw === 'string' ? raw : new TextDecoder().decode(raw);
    if (text.trim() === '') throw new SparkSdkError(`${OPERATION}: raw chunk data is empty`);
    try {
      value = JSON.parse(text);
    } catch {
      throw new SparkSdkError(`${OPERATION}: raw chunk data is not valid JSON`, { cause: text.slice(0, 200) });
    }
  }
  const record = value as Record<string, unknown>;
  const list = Array.isArray(value) ? value : typeof value === 'object' && value !== null && Array.isArray(record['chunks']) ? (record['chunks'] as unknown[]) : [value];
  return list.map((item, i) => normaliseChunk(item, `${OPERATION}: chunk #${i}`));
}

/** Fills in a chunk's defaults and checks its shape. */
export function normaliseChunk(item: unknown, where: string): BatchChunk {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw new SparkSdkError(`${where} must be an object like { id, size, data: { inputs, parameters } }`, { cause: item });
  }
  const chunk = item as Record<string, unknown>;
  const data = (chunk['data'] ?? {}) as Partial<ChunkData> & Record<string, unknown>;
  if (typeof data !== 'object' || Array.isArray(data)) throw new SparkSdkError(`${where}: "data" must be an object`, { cause: data });
  const inputs = data.inputs ?? [];
  if (!Array.isArray(inputs)) throw new SparkSdkError(`${where}: "data.inputs" must be an array (header row first)`, { cause: inputs });
  const id = chunk['id'] === undefined || chunk['id'] === null || chunk['id'] === '' ? newChunkId() : String(chunk['id']);
  const size = typeof chunk['size'] === 'number' && chunk['size'] >= 0 ? chunk['size'] : rowCount(inputs);
  const out: BatchChunk = { id, size, data: { ...data, inputs, parameters: data.parameters ?? {} } };
  if (data.summary === undefined || data.summary === null) delete out.data.summary;
  return out;
}

/** Records in tabular inputs: rows after the header row (objects count one each). */
export function rowCount(inputs: readonly unknown[]): number {
  return inputs.length > 0 && Array.isArray(inputs[0]) ? inputs.length - 1 : inputs.length;
}
