import type { stringify as Stringify } from 'csv-stringify/sync';
import type { OutputTarget } from './output-file.js';
import type { ResultLine, ResultSink } from './result-types.js';

/** Rows stringified and written together (fewer, larger writes). */
const BATCH_ROWS = 256;
/** Rows held back while no result has outputs yet (their columns are not known). */
const MAX_HELD = 10_000;
/** Prefix of an output column whose name is also an input column (or `index`, `error`). */
const OUTPUT_PREFIX = 'output:';
/** Prefix of an input column named `index` or `error`, the CLI's own columns. */
const INPUT_PREFIX = 'input:';
/** The columns the CLI itself writes. */
const OWN = new Set(['index', 'error']);

/**
 * A CSV results writer (csv-stringify): `index`, the input's columns, the outputs' columns
 * (from the first result with outputs), `error` (`kind: message`). An input column named
 * `index` or `error` is written as `input:index` / `input:error`, and an output column that
 * shares a name with an input column or those two, or whose name starts with `input:` or
 * `output:`, as `output:<name>`, so no value is written over another. Objects and arrays in a cell are JSON. Rows wait until the columns are known,
 * then go out in batches. csv-stringify is loaded on the first write, so the other commands
 * never load its modules.
 *
 * @param out - where the text goes
 * @param header - the header of the file being resumed (kept as is)
 * @param inputColumns - the input's columns (known once the first record is read)
 * @returns the sink
 * @example
 * const sink = csvSink(out, undefined, () => ['radius', 'height']);
 */
export function csvSink(out: OutputTarget, header: string[] | undefined, inputColumns: () => string[]): ResultSink {
  let inputs: Set<string> | undefined;
  let columns = header;
  let rows: ResultLine[] = [];
  let loaded: typeof Stringify | undefined;
  const stringifier = async (): Promise<typeof Stringify> => (loaded ??= (await import('csv-stringify/sync')).stringify);

  const decide = (outputs: string[]): string[] => {
    const own = new Set(inputColumns());
    const prefixed = (name: string) => own.has(name) || OWN.has(name) || name.startsWith(INPUT_PREFIX) || name.startsWith(OUTPUT_PREFIX);
    const named = outputs.map((name) => (prefixed(name) ? `${OUTPUT_PREFIX}${name}` : name));
    return ['index', ...[...own].map((name) => (OWN.has(name) ? `${INPUT_PREFIX}${name}` : name)), ...named, 'error'];
  };
  const flush = async (): Promise<void> => {
    if (!columns || rows.length === 0) return;
    const cols = columns;
    const known = (inputs ??= new Set(inputColumns()));
    const stringify = await stringifier();
    const text = stringify(rows.map((line) => cols.map((column) => cell(column, line, known))));
    rows = [];
    await out.write(text);
  };

  return {
    async write(line) {
      rows.push(line);
      if (!columns && (line.outputs !== undefined || rows.length >= MAX_HELD)) {
        columns = decide(Object.keys(line.outputs ?? {}));
        await out.write((await stringifier())([columns]));
      }
      if (rows.length >= BATCH_ROWS) await flush();
    },
    async end() {
      if (!columns && rows.length > 0) {
        columns = decide([]);
        await out.write((await stringifier())([columns]));
      }
      await flush();
      await out.close();
    },
  };
}

function cell(column: string, line: ResultLine, inputs: Set<string>): string {
  if (column === 'index') return String(line.index);
  if (column === 'error') return line.error ? `${line.error.kind}: ${line.error.message}` : '';
  if (column.startsWith(OUTPUT_PREFIX) && !inputs.has(column)) return text(line.outputs?.[column.slice(OUTPUT_PREFIX.length)]);
  if (column.startsWith(INPUT_PREFIX) && !inputs.has(column)) return text(line.inputs?.[column.slice(INPUT_PREFIX.length)]);
  if (inputs.has(column)) return text(line.inputs?.[column]);
  return text(line.outputs?.[column]);
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
