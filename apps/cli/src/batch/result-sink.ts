import type { RecordFormat } from '../records-reader.js';
import { csvSink } from './csv-sink.js';
import type { Ledger } from './ledger.js';
import type { OutputTarget } from './output-file.js';
import type { ResultLine, ResultSink } from './result-types.js';


/** Options of {@link createSink}. */
export interface SinkOptions {
  /** The earlier run's ledger when resuming (JSON: whether `[` and results are there; CSV: the header). */
  ledger?: Ledger;
  /** CSV: the input's columns, in order (known once the first record is read). */
  inputColumns?: () => string[];
}

/**
 * A results writer: NDJSON (one `{"index","outputs"|"error"}` object per line), JSON (the same
 * objects in an array, one per line so the file stays a ledger) or CSV (index, the input's
 * columns, the outputs' columns, error).
 *
 * @param out - where the text goes
 * @param format - the output format
 * @param options - resume ledger, CSV input columns
 * @returns the sink
 * @example
 * const sink = createSink(out, 'ndjson');
 * await sink.write({ index: 0, outputs: { volume: 3.14 } });
 * await sink.end();
 */
export function createSink(out: OutputTarget, format: RecordFormat, options: SinkOptions = {}): ResultSink {
  if (format === 'csv') return csvSink(out, options.ledger?.columns, options.inputColumns ?? (() => []));
  if (format === 'ndjson') {
    return { write: (line) => out.write(`${JSON.stringify(jsonLine(line))}\n`), end: () => out.close() };
  }
  let started = options.ledger?.opened === true;
  let separator = (options.ledger?.done.size ?? 0) > 0 ? ',\n' : '\n';
  return {
    async write(line) {
      const text = `${separator}${JSON.stringify(jsonLine(line))}`;
      separator = ',\n';
      await out.write(started ? text : `[${text}`);
      started = true;
    },
    async end() {
      await out.write(started ? '\n]\n' : '[]\n');
      await out.close();
    },
  };
}

function jsonLine(line: ResultLine): Record<string, unknown> {
  if (line.error) return { index: line.index, error: line.error };
  return { index: line.index, outputs: line.outputs, ...(line.warnings !== undefined ? { warnings: line.warnings } : {}) };
}
