import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import type { RecordFormat } from '../records-reader.js';
import { IndexSet } from './index-set.js';

/** What an output file of an earlier run says: the records already answered. */
export interface Ledger {
  /** Input indexes that have a result. */
  done: IndexSet;
  /** Results that are errors. */
  failed: number;
  /** Bytes holding complete results; what follows (a torn line, JSON's closing `]`) is cut before appending. */
  keepBytes: number;
  /** Bytes dropped: a line torn by a crash. */
  tornBytes: number;
  /** JSON: whether the `[` is there. */
  opened: boolean;
  /** CSV: the header's columns. */
  columns?: string[];
}

/**
 * Reads the output file of an earlier `spark batch run` as a ledger: every result line
 * carries its input record index. A last line torn by a crash (no newline, or JSON that does
 * not parse) is left out of the ledger, so its record is sent again. Any other line that is
 * not a result is an error: the file is not this command's output.
 *
 * @param path - the `--output` file
 * @param format - its format
 * @returns the ledger, or `undefined` when the file does not exist
 * @example
 * const ledger = await readLedger('results.ndjson', 'ndjson');
 * if (ledger?.done.has(7)) console.log('record 7 is done');
 */
export async function readLedger(path: string, format: RecordFormat): Promise<Ledger | undefined> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`--output: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const ledger: Ledger = { done: new IndexSet(), failed: 0, keepBytes: 0, tornBytes: 0, opened: false };
  const trailer = format === 'csv' ? (await readCsv(path, size, ledger), 0) : await readLines(path, format, ledger);
  ledger.tornBytes = size - ledger.keepBytes - trailer;
  return ledger;
}

const notResult = (path: string, where: string) =>
  new UsageError(`--output ${path}: ${where} is not a result of spark batch run, so it cannot be resumed; use another --output, or --force to start over`);

function take(ledger: Ledger, path: string, where: string, index: unknown, failed: boolean): void {
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) throw notResult(path, where);
  if (ledger.done.add(index) && failed) ledger.failed++;
}

/** Reads NDJSON or JSON lines into the ledger; returns the bytes of JSON's closing `]` (not torn, but cut too). */
async function readLines(path: string, format: 'json' | 'ndjson', ledger: Ledger): Promise<number> {
  let number = 0;
  for await (const line of lines(path)) {
    number++;
    const where = `line ${number}`;
    if (format === 'json' && number === 1) {
      if (line.text.trim() === '[]') {
        // A finished run with no results: reopen the array after its `[`.
        ledger.opened = true;
        ledger.keepBytes = line.start + line.text.indexOf('[') + 1;
        return (line.complete ? line.end + 1 : line.end) - ledger.keepBytes;
      }
      if (line.text.trim() !== '[') throw notResult(path, where);
      ledger.opened = true;
      ledger.keepBytes = line.end;
      continue;
    }
    if (format === 'json' && line.text.trim() === ']') return (line.complete ? line.end + 1 : line.end) - ledger.keepBytes;
    const text = format === 'json' ? line.text.replace(/,\s*$/, '') : line.text;
    if (format === 'ndjson' && text.trim() === '' && line.complete) {
      ledger.keepBytes = line.end + 1;
      continue;
    }
    let item: { index?: unknown; error?: unknown } | undefined;
    try {
      item = JSON.parse(text) as typeof item;
    } catch {
      item = undefined;
    }
    // A crash can only tear the last line. NDJSON lines always end with a newline.
    const usable = item !== undefined && (format === 'json' || line.complete);
    if (!usable) {
      if (!line.complete) return 0;
      throw notResult(path, where);
    }
    take(ledger, path, where, item?.index, item?.error !== undefined && item.error !== null);
    ledger.keepBytes = format === 'json' ? line.start + Buffer.byteLength(text) : line.end + 1;
  }
  return 0;
}

async function readCsv(path: string, size: number, ledger: Ledger): Promise<void> {
  const { parse } = await import('csv-parse');
  const parser = createReadStream(path).pipe(parse({ info: true, relax_column_count: true }));
  let last: { index: unknown; failed: boolean; bytes: number } | undefined;
  let column = -1;
  let errorColumn = -1;
  let row = 0;
  const flush = () => {
    if (!last) return;
    take(ledger, path, `row ${row - 1}`, last.index, last.failed);
    ledger.keepBytes = last.bytes;
  };
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { bytes: number } }>) {
      row++;
      if (row === 1) {
        ledger.columns = record;
        column = record.indexOf('index');
        errorColumn = record.indexOf('error');
        if (column < 0) throw notResult(path, 'the header row (no "index" column)');
        ledger.keepBytes = info.bytes;
        continue;
      }
      flush();
      const text = record[column];
      last = { index: text === undefined || text === '' ? undefined : Number(text), failed: (record[errorColumn] ?? '') !== '', bytes: info.bytes };
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // An unclosed quote at the end is a row torn inside a quoted cell: drop it.
    if ((error as { code?: string }).code !== 'CSV_QUOTE_NOT_CLOSED') throw notResult(path, `row ${row + 1}`);
    flush();
    return;
  }
  // Every row but the last ended with a newline; the last did only if the file does.
  if (last && (last.bytes < size || (await endsWithNewline(path, size)))) flush();
}

async function endsWithNewline(path: string, size: number): Promise<boolean> {
  if (size === 0) return false;
  for await (const chunk of createReadStream(path, { start: size - 1 })) return (chunk as Buffer)[0] === 0x0a;
  return false;
}

/** The lines of a file with their byte offsets (`end`: the offset of the newline, or of the end of file). */
async function* lines(path: string): AsyncGenerator<{ text: string; start: number; end: number; complete: boolean }> {
  let pending: Buffer = Buffer.alloc(0);
  let offset = 0;
  for await (const chunk of createReadStream(path)) {
    let buffer: Buffer = pending.length > 0 ? Buffer.concat([pending, chunk as Buffer]) : (chunk as Buffer);
    let from = 0;
    for (let nl = buffer.indexOf(0x0a, from); nl >= 0; nl = buffer.indexOf(0x0a, from)) {
      yield { text: buffer.toString('utf8', from, nl), start: offset + from, end: offset + nl, complete: true };
      from = nl + 1;
    }
    offset += from;
    pending = buffer.subarray(from);
    buffer = pending;
  }
  if (pending.length > 0) yield { text: pending.toString('utf8'), start: offset, end: offset + pending.length, complete: false };
}
