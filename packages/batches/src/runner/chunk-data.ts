import { tabulate, unionKeys } from '../tabulate.js';

const isObject = (r: unknown): r is Record<string, unknown> => typeof r === 'object' && r !== null && !Array.isArray(r);
const isRow = (r: unknown): r is unknown[] => Array.isArray(r);

/**
 * A chunk's `inputs` table — `[headers, ...rows]` — built for serialisation only: one array
 * allocated up front, no spread copy, and rows given as arrays are referenced, not copied (the
 * table never leaves the runner, and `JSON.stringify` does not change them). Same columns, same
 * `null` for missing keys, and the same errors as `tabulate()`, which handles every case other
 * than "all objects" and "all rows with headers".
 */
function inputsTable(records: readonly unknown[], headers: readonly string[] | undefined, operation: string): unknown[][] {
  if (records.length > 0 && records.every(isObject)) {
    const objects = records as readonly Record<string, unknown>[];
    const columns = headers ? [...headers] : unionKeys(objects);
    const width = columns.length;
    const table: unknown[][] = new Array(objects.length + 1);
    table[0] = columns;
    for (let j = 0; j < objects.length; j++) {
      const record = objects[j] as Record<string, unknown>;
      const row: unknown[] = new Array(width);
      for (let i = 0; i < width; i++) {
        const value = record[columns[i] as string];
        row[i] = value === undefined ? null : value;
      }
      table[j + 1] = row;
    }
    return table;
  }
  if (headers && records.length > 0 && records.every(isRow)) return [[...headers], ...(records as unknown[][])];
  const table = tabulate(records, headers, operation);
  return [table.headers, ...table.rows];
}

/**
 * Serialises the `data` object of a chunk — `{ inputs: [headers, ...rows], parameters, summary? }` —
 * given the JSON of its constant part (`parameters` and `summary`, serialised once per run by
 * {@link chunkDataTail}). The text equals `JSON.stringify({ inputs, parameters, summary })` for
 * `tabulate(records, headers)`, with fewer allocations.
 *
 * @param records - the chunk's records: all objects, or all rows (then `headers` is required)
 * @param headers - column names (objects default to the union of their keys)
 * @param tail - from {@link chunkDataTail}
 * @param operation - names the operation in error messages
 */
export function chunkDataJson(records: readonly unknown[], headers: readonly string[] | undefined, tail: string, operation: string): string {
  return `{"inputs":${JSON.stringify(inputsTable(records, headers, operation))}${tail}`;
}

/** The JSON after a chunk's `inputs`: `,"parameters":…,"summary":…}` (summary only when given). */
export function chunkDataTail(parameters: Record<string, unknown> | undefined, summary: unknown): string {
  const rest = JSON.stringify({ parameters: parameters ?? {}, ...(summary ? { summary } : {}) });
  return `,${rest.slice(1)}`;
}
