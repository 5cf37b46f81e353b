import { SparkSdkError } from '@spark/core';
import { abortable } from '@spark/core/wire';
import { toHeaderRow } from '../tabulate.js';

/** Records accepted by the runners: an array, any iterable, or an async iterable (a file stream). */
export type RecordInput<I> = Iterable<I> | AsyncIterable<I>;

/** A slice of the input: `count` records starting at input index `start`. */
export interface SourceChunk {
  /** Position of the chunk in the input, from 0. */
  seq: number;
  /** Input index of its first record (the header row is not a record). */
  start: number;
  /** Objects, or rows when `headers` is set. */
  records: unknown[];
  /** Column names for rows (from the `headers` option or the input's header row). */
  headers: string[] | undefined;
}

/**
 * Reads an iterable or async iterable chunk by chunk, so only one chunk of input is in memory
 * per reader. When records are rows and no headers were given, the first row is the header row.
 * Sync iterables are read without an `await` per record.
 */
export class RecordSource {
  #sync: Iterator<unknown> | undefined;
  #async: AsyncIterator<unknown> | undefined;
  #headers: string[] | undefined;
  #first = true;
  #done = false;
  #seq = 0;
  #read = 0;
  #reading: Promise<unknown> = Promise.resolve();
  /** Reads asked for and not yet settled. */
  #pending = 0;

  constructor(records: RecordInput<unknown>, headers: readonly string[] | undefined, readonly operation: string) {
    const input = records as Partial<Iterable<unknown> & AsyncIterable<unknown>> | null;
    const syncIterator = input?.[Symbol.iterator];
    const asyncIterator = input?.[Symbol.asyncIterator];
    if (typeof syncIterator === 'function' && typeof input !== 'string') this.#sync = syncIterator.call(input);
    else if (typeof asyncIterator === 'function') this.#async = asyncIterator.call(input);
    else throw new SparkSdkError(`${operation}: records must be an array, an iterable or an async iterable`, { cause: records });
    this.#headers = headers ? [...headers] : undefined;
  }

  /** Records read so far (header row excluded). */
  get recordsRead(): number {
    return this.#read;
  }

  /** True once the input is exhausted. */
  get done(): boolean {
    return this.#done;
  }

  /**
   * The next chunk of at most `size` records, or `undefined` at the end. Calls are serialised.
   * When `signal` aborts first, rejects with its reason at once: an input that has gone quiet (a
   * network stream, a stalled cursor) does not hold the run past its abort or an early `break`.
   */
  next(size: number, signal?: AbortSignal): Promise<SourceChunk | undefined> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    this.#pending++;
    const result = this.#reading.then(() => this.#next(size)).finally(() => this.#pending--);
    this.#reading = result.catch(() => undefined);
    return abortable(result, signal);
  }

  /**
   * Stops the underlying iterator (closes a file stream early). While a read is still waiting
   * on the input, the iterator's `return()` is asked for but not awaited: an async generator
   * runs it only after that read, which a stalled input may never finish.
   */
  async close(): Promise<void> {
    this.#done = true;
    try {
      if (this.#sync?.return) this.#sync.return();
      else if (this.#async?.return) {
        const closing = this.#async.return();
        if (this.#pending > 0) void Promise.resolve(closing).catch(() => undefined);
        else await closing;
      }
    } catch {
      /* the source failed to close: nothing more to read either way */
    }
  }

  async #next(size: number): Promise<SourceChunk | undefined> {
    const records: unknown[] = [];
    while (!this.#done && records.length < size) {
      const step = this.#sync ? this.#sync.next() : await (this.#async as AsyncIterator<unknown>).next();
      if (step.done) {
        this.#done = true;
        break;
      }
      const value = step.value;
      if (this.#first) {
        this.#first = false;
        if (Array.isArray(value) && !this.#headers) {
          this.#headers = toHeaderRow(value, this.operation);
          continue;
        }
      }
      records.push(value);
    }
    if (records.length === 0) return undefined;
    const chunk: SourceChunk = { seq: this.#seq++, start: this.#read, records, headers: this.#headers };
    this.#read += records.length;
    return chunk;
  }
}
