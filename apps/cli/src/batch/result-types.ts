import type { InputRecord } from '../input-reader.js';

/** One result as written: its input record index, outputs or error, and (for CSV) the inputs. */
export interface ResultLine {
  index: number;
  inputs?: InputRecord;
  outputs?: Record<string, unknown>;
  error?: { kind: string; message: string; details?: unknown };
  warnings?: unknown;
}

/** Writes results in one format. */
export interface ResultSink {
  write(line: ResultLine): Promise<void>;
  /** Writes what is held back (CSV rows, JSON's `]`) and closes the target. */
  end(): Promise<void>;
}
