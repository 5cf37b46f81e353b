import type { JsonObject } from '../types.js';
import { asObject } from '../util/ids.js';

/** A chunk accepted into the input buffer. */
export interface PendingChunk {
  id: string;
  /** Tabular rows: `headers` + `rows`, or already-built records. */
  headers: string[] | undefined;
  rows: unknown[];
  parameters: JsonObject;
  aggregation: { output_name: string; operator: string }[];
  records: number;
  bytes: number;
}

/** A processed chunk waiting in the output buffer, pre-serialised. */
export interface ChunkResult {
  id: string;
  json: string;
  bytes: number;
  records: number;
}

/**
 * Reads one pushed chunk. Tabular inputs (`[headers, ...rows]`) count `rows.length`
 * records — the `size` field is ignored on purpose (contract §11). Arrays of objects
 * are tolerated (one record each).
 */
export function readChunk(raw: unknown, fallbackId: string, bytes: number): PendingChunk {
  const c = asObject(raw);
  const data = asObject(c['data']);
  const inputs = Array.isArray(data['inputs']) ? (data['inputs'] as unknown[]) : [];
  const tabular = inputs.length > 0 && Array.isArray(inputs[0]);
  const headers = tabular ? (inputs[0] as unknown[]).map(String) : undefined;
  const rows = tabular ? inputs.slice(1) : inputs;
  const summary = asObject(data['summary']);
  const aggregation = Array.isArray(summary['aggregation']) ? (summary['aggregation'] as { output_name: string; operator: string }[]) : [];
  const id = c['id'] === undefined || c['id'] === null || c['id'] === '' ? fallbackId : String(c['id']);
  return { id, headers, rows, parameters: asObject(data['parameters']), aggregation, records: rows.length, bytes };
}

/** The record at `i` of a chunk, with the chunk parameters merged in. */
export function recordAt(chunk: PendingChunk, i: number): JsonObject {
  const row = chunk.rows[i];
  let rec: JsonObject;
  if (chunk.headers && Array.isArray(row)) {
    rec = {};
    const h = chunk.headers;
    for (let j = 0; j < h.length; j++) rec[h[j] as string] = row[j];
  } else {
    rec = { ...asObject(row) };
  }
  for (const k in chunk.parameters) if (!(k in rec)) rec[k] = chunk.parameters[k];
  return rec;
}

/** Applies `summary.aggregation` (SUM, AVG, MIN, MAX, COUNT) to a chunk's outputs. */
export function aggregate(aggregation: PendingChunk['aggregation'], outputs: JsonObject[]): unknown[] {
  if (aggregation.length === 0) return [[]];
  return aggregation.map(({ output_name, operator }) => {
    const values = outputs.map((o) => Number(o[output_name])).filter((n) => Number.isFinite(n));
    const op = String(operator).toUpperCase();
    let value: number | null = null;
    if (op === 'COUNT') value = values.length;
    else if (values.length > 0) {
      if (op === 'SUM') value = values.reduce((a, b) => a + b, 0);
      else if (op === 'AVG' || op === 'AVERAGE') value = values.reduce((a, b) => a + b, 0) / values.length;
      else if (op === 'MIN') value = Math.min(...values);
      else if (op === 'MAX') value = Math.max(...values);
    }
    return { output_name, operator: op, value };
  });
}
