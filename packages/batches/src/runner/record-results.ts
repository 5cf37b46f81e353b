import type { BatchRecordError, BatchRecordResult } from './run-types.js';

/** The per-record arrays of a chunk result (async pull) or of a v4 execution (sync runner). */
export interface PerRecordArrays {
  outputs?: unknown;
  errors?: unknown;
  warnings?: unknown;
  process_time?: unknown;
}

const hasErrors = (value: unknown): boolean => (Array.isArray(value) ? value.length > 0 : value !== null && value !== undefined && value !== false);

/**
 * Splits per-record arrays into exactly `count` results for input indexes `start…start+count-1`.
 * A record with errors becomes an error result; a record Spark did not return becomes a
 * `missing` error, so no index is ever skipped.
 */
export function toRecordResults<O>(arrays: PerRecordArrays, start: number, count: number, chunkId: string): BatchRecordResult<O>[] {
  const outputs = Array.isArray(arrays.outputs) ? arrays.outputs : [];
  const errors = Array.isArray(arrays.errors) ? arrays.errors : [];
  const warnings = Array.isArray(arrays.warnings) ? arrays.warnings : [];
  const times = Array.isArray(arrays.process_time) ? arrays.process_time : [];
  const results: BatchRecordResult<O>[] = new Array(count);
  let missing: BatchRecordError | undefined;
  for (let i = 0; i < count; i++) {
    const index = start + i;
    const warning = warnings[i] ?? undefined;
    const processTime = typeof times[i] === 'number' ? (times[i] as number) : undefined;
    if (hasErrors(errors[i])) {
      const details = errors[i];
      results[i] = { index, chunkId, error: { kind: 'record', message: recordMessage(details), details }, warnings: warning, processTime };
    } else if (i < outputs.length && outputs[i] !== undefined) {
      results[i] = { index, chunkId, outputs: outputs[i] as O, warnings: warning, processTime };
    } else {
      missing ??= { kind: 'missing', message: `Spark returned ${outputs.length} results for the ${count} records of chunk ${chunkId}` };
      results[i] = { index, chunkId, error: missing };
    }
  }
  return results;
}

function recordMessage(details: unknown): string {
  const first = Array.isArray(details) ? details[0] : details;
  if (typeof first === 'string') return first;
  const message = (first as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : 'the service reported an error for this record';
}
