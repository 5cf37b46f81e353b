import { tabulate } from '../tabulate.js';

/**
 * Serialises the `data` object of a chunk — `{ inputs: [headers, ...rows], parameters, summary? }` —
 * given the JSON of its constant part (`parameters` and `summary`, serialised once per run by
 * {@link chunkDataTail}). Rows given as arrays are referenced, not copied: the table only
 * lives for this `JSON.stringify`.
 *
 * @param records - the chunk's records: all objects, or all rows (then `headers` is required)
 * @param headers - column names (objects default to the union of their keys)
 * @param tail - from {@link chunkDataTail}
 * @param operation - names the operation in error messages
 * @example
 * chunkDataJson([{ x: 1 }], undefined, chunkDataTail(undefined, undefined), 'batches.run');
 * // '{"inputs":[["x"],[1]],"parameters":{}}'
 */
export function chunkDataJson(records: readonly unknown[], headers: readonly string[] | undefined, tail: string, operation: string): string {
  const table = tabulate(records, headers, operation, false);
  return `{"inputs":${JSON.stringify([table.headers, ...table.rows])}${tail}`;
}

/**
 * The JSON after a chunk's `inputs`: `,"parameters":…,"summary":…}` (summary only when given).
 *
 * @example
 * chunkDataTail({ rate: 2 }, undefined); // ',"parameters":{"rate":2}}'
 */
export function chunkDataTail(parameters: Record<string, unknown> | undefined, summary: unknown): string {
  const rest = JSON.stringify({ parameters: parameters ?? {}, ...(summary ? { summary } : {}) });
  return `,${rest.slice(1)}`;
}
