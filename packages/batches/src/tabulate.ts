import { SparkSdkError } from '@spark/core';

/** Records as a table: column names and one row per record. */
export interface Table {
  headers: string[];
  rows: unknown[][];
}

/** A record is either an object (keys are columns) or a row of values (columns given separately). */
export type BatchRecord = Record<string, unknown> | readonly unknown[];

const isRow = (r: unknown): r is unknown[] => Array.isArray(r);
const isObject = (r: unknown): r is Record<string, unknown> => typeof r === 'object' && r !== null && !Array.isArray(r);

/**
 * Union of the records' keys in first-seen order; `undefined` when one is not an object. Records
 * of one shape (the usual case) cost a comparison per key: a key at the position the first
 * record had it is known; only others are looked up in a set.
 */
function unionKeys(records: readonly unknown[]): string[] | undefined {
  const keys: string[] = [];
  for (const key in records[0] as Record<string, unknown>) keys.push(key);
  let seen: Set<string> | undefined;
  for (let j = 1; j < records.length; j++) {
    const record = records[j];
    if (!isObject(record)) return undefined;
    let i = 0;
    for (const key in record) {
      if (key === keys[i++]) continue;
      seen ??= new Set(keys);
      if (!seen.has(key)) {
        seen.add(key);
        keys.push(key);
      }
    }
  }
  return keys;
}

/**
 * Turns records into `headers` + `rows`. Objects are projected onto `headers` (default: the
 * union of their keys; a missing key becomes `null`); rows are taken as they are and need
 * `headers`. The caller's arrays are never changed: rows are copied, unless `copyRows` is
 * `false` for a table that is only serialised (the batch runner's push bodies).
 */
export function tabulate(records: readonly unknown[], headers: readonly string[] | undefined, operation: string, copyRows = true): Table {
  if (records.length === 0) return { headers: headers ? [...headers] : [], rows: [] };
  const columns = isObject(records[0]) ? (headers ? [...headers] : unionKeys(records)) : undefined;
  if (columns) {
    // Loops into pre-sized arrays: this runs for every chunk of a batch run.
    const width = columns.length;
    const rows: unknown[][] = new Array(records.length);
    for (let j = 0; j < records.length; j++) {
      const record = records[j];
      if (!isObject(record)) break;
      const row: unknown[] = new Array(width);
      for (let i = 0; i < width; i++) {
        const value = record[columns[i]!];
        row[i] = value === undefined ? null : value;
      }
      rows[j] = row;
    }
    if (rows[records.length - 1] !== undefined) return { headers: columns, rows };
  }
  if (records.every(isRow)) {
    if (!headers) throw new SparkSdkError(`${operation}: rows need a header row (or the "headers" option)`, { cause: records[0] });
    return { headers: [...headers], rows: copyRows ? records.map((r) => [...r]) : (records as unknown[][]) };
  }
  const bad = records.find((r) => !isObject(r) && !isRow(r));
  throw new SparkSdkError(
    bad === undefined
      ? `${operation}: records must be all objects or all rows (arrays), not a mix`
      : `${operation}: every record must be an object or a row (array), got ${show(bad)}`,
    { cause: bad },
  );
}

/**
 * Splits off the header row when records are rows and no `headers` were given.
 * Returns the headers to use and the data records (a new array view, never the caller's).
 */
export function splitHeader(records: readonly unknown[], headers: readonly string[] | undefined, operation: string): { headers: string[] | undefined; data: readonly unknown[] } {
  if (headers || records.length === 0 || !isRow(records[0])) return { headers: headers ? [...headers] : undefined, data: records };
  return { headers: toHeaderRow(records[0], operation), data: records.slice(1) };
}

/** Validates a header row: non-empty, every cell a string (numbers are stringified). */
export function toHeaderRow(row: unknown, operation: string): string[] {
  if (!isRow(row) || row.length === 0) throw new SparkSdkError(`${operation}: missing headers for the input dataset`, { cause: row });
  return row.map((cell) => {
    if (typeof cell === 'string' || typeof cell === 'number') return String(cell);
    throw new SparkSdkError(`${operation}: a header row holds column names (strings), got ${show(cell)}`, { cause: row });
  });
}

/** A short, never-throwing description of a value for error messages (BigInt, cycles…). */
function show(value: unknown): string {
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}
