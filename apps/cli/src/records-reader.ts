import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import type { CastingContext } from 'csv-parse';
import { UsageError } from './errors.js';
import { readText, type InputRecord } from './input-reader.js';

const NUMBER = /^[-+]?(?:(?:0|[1-9]\d*)(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** File formats `spark batch run` reads. */
export type RecordFormat = 'csv' | 'json' | 'ndjson';

/** Options of {@link readRecords}. */
export interface ReadRecordsOptions {
  /** Default: from the extension (`.csv`, `.json`, `.ndjson` / `.jsonl`). */
  format?: RecordFormat;
  /** CSV without a header row: these column names. */
  columns?: string[];
  /** What `-` reads (default `process.stdin`). */
  stdin?: Readable;
}

/**
 * The format of a records file, from `--format` or the file's extension.
 *
 * @param path - the file
 * @param format - an explicit format
 * @returns the format
 * @example
 * recordFormat('records.jsonl'); // 'ndjson'
 */
export function recordFormat(path: string, format?: string, flag = '--format'): RecordFormat {
  // stdin and stdout have no extension: NDJSON unless told otherwise.
  const value = (format ?? (path === '-' ? 'ndjson' : extname(path).slice(1))).toLowerCase();
  if (value === 'csv' || value === 'json' || value === 'ndjson') return value;
  if (value === 'jsonl') return 'ndjson';
  throw new UsageError(
    format !== undefined
      ? `${flag} must be csv, json or ndjson, got "${format}"`
      : `cannot tell the format of ${path} from its extension: use ${flag} csv|json|ndjson`,
  );
}

/**
 * Streams the records of a CSV, JSON (array of objects) or NDJSON file, or of stdin (`-`). CSV is parsed by
 * `csv-parse` (header row, or `columns`), numbers are converted and empty cells become
 * `null`; NDJSON and CSV never hold the whole file in memory.
 *
 * @param path - the file
 * @param options - format and CSV column names
 * @returns the records, in file order
 * @example
 * for await (const record of readRecords('records.csv')) console.log(record.radius);
 */
export async function readRecords(path: string, options: ReadRecordsOptions = {}): Promise<AsyncIterable<InputRecord>> {
  const format = recordFormat(path, options.format);
  if (path === '-') {
    const stdin = options.stdin ?? process.stdin;
    const name = 'stdin';
    if (format === 'json') return jsonRecords(name, () => readAllText(stdin));
    if (format === 'ndjson') return ndjsonRecords(name, stdin);
    return csvRecords(name, stdin, options.columns);
  }
  try {
    if (!(await stat(path)).isFile()) throw new UsageError(`--input: ${path} is not a file`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--input: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (format === 'json') return jsonRecords(path, () => readText(path, '--input'));
  if (format === 'ndjson') return ndjsonRecords(path, createReadStream(path));
  return csvRecords(path, createReadStream(path), options.columns);
}

/**
 * Converts one CSV cell: numbers become numbers, an empty cell `null`, anything else stays text.
 *
 * @param value - the cell's text
 * @returns the value to send
 * @example
 * castCell('2.5'); // 2.5
 */
export function castCell(value: string): unknown {
  const text = value.trim();
  if (text === '') return null;
  // Only plain decimal notation: "0x10", "1e5x" or " " stay text, and leading zeros ("007") too.
  if (NUMBER.test(text)) {
    const n = Number(text);
    if (Number.isFinite(n)) return n;
  }
  return value;
}

async function* csvRecords(path: string, input: Readable, columns: string[] | undefined): AsyncGenerator<InputRecord> {
  const { parse } = await import('csv-parse');
  const parser = input.pipe(
    parse({
      columns: columns ?? true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
      cast: (value: string, context: CastingContext) => (context.header ? value : castCell(value)),
    }),
  );
  try {
    for await (const record of parser) yield record as InputRecord;
  } catch (error) {
    throw new UsageError(`--input: ${path} is not valid CSV (${(error as Error).message})`);
  }
}

async function* jsonRecords(path: string, read: () => Promise<string>): AsyncGenerator<InputRecord> {
  let data: unknown;
  try {
    data = JSON.parse(await read());
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--input: ${path} is not valid JSON (${(error as Error).message})`);
  }
  // Also accept a v4 request body ({ "inputs": [...] }), as saved from another tool.
  const records = isRecord(data) && Array.isArray(data['inputs']) ? data['inputs'] : data;
  if (!Array.isArray(records)) throw new UsageError(`--input: ${path} must hold a JSON array of records`);
  for (const [i, record] of records.entries()) {
    if (!isRecord(record)) throw new UsageError(`--input: record ${i} of ${path} is not a JSON object`);
    yield record;
  }
}

async function* ndjsonRecords(path: string, input: Readable): AsyncGenerator<InputRecord> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      throw new UsageError(`--input: line ${line} of ${path} is not valid JSON (${(error as Error).message})`);
    }
    if (!isRecord(record)) throw new UsageError(`--input: line ${line} of ${path} is not a JSON object`);
    yield record;
  }
}

async function readAllText(stream: Readable): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
  return text;
}

function isRecord(value: unknown): value is InputRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
