/** A status object as Spark sends it (singular `record_submitted`). */
export function statusBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    batch_status: 'in_progress', pipeline_status: 'idle',
    record_submitted: 0, records_completed: 0, records_available: 0,
    chunks_submitted: 0, chunks_completed: 0, chunks_available: 0,
    compute_time_ms: 0, workers_in_use: 0,
    input_buffer_used_bytes: 0, input_buffer_remaining_bytes: 1_000_000,
    output_buffer_used_bytes: 0, output_buffer_remaining_bytes: 1_000_000,
    ...over,
  };
}

/** `n` records `{ x: i }`. */
export function* numbers(n: number): Generator<{ x: number }> {
  for (let i = 0; i < n; i++) yield { x: i };
}

/** The last element matching `test` (Array#findLast is ES2023). */
export function last<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return items[i];
  return undefined;
}
