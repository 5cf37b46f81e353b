import type { InputRecord } from '../input-reader.js';
import type { IndexSet } from './index-set.js';

/** Where a result of this run belongs: its input record index, and the record when kept. */
export interface TrackedInput {
  index: number;
  inputs?: InputRecord;
}

/**
 * Feeds the input to the runner without the records an earlier run already answered, and maps
 * each result back to its record's position in the whole input. Only records sent and not yet
 * answered are remembered (bounded by the runner's in-flight limits), and only when needed
 * (resuming, or CSV output which repeats the inputs).
 *
 * @example
 * const tracker = new InputTracker(ledger?.done, true);
 * const run = runBatch(core, uri, tracker.records(readRecords(file)));
 * for await (const r of run) console.log(tracker.take(r.index).index);
 */
export class InputTracker {
  readonly #skip: IndexSet | undefined;
  readonly #pending: Map<number, TrackedInput> | undefined;
  #columns: string[] | undefined;
  #read = 0;
  #skipped = 0;

  /**
   * @param skip - input indexes already answered (`--resume`)
   * @param keepInputs - keep each record until its result is written (CSV output)
   */
  constructor(skip: IndexSet | undefined, readonly keepInputs: boolean) {
    this.#skip = skip !== undefined && skip.size > 0 ? skip : undefined;
    this.#pending = this.#skip !== undefined || keepInputs ? new Map() : undefined;
  }

  /** Records read from the input, skipped ones included. */
  get read(): number {
    return this.#read;
  }

  /** Records left out because an earlier run answered them. */
  get skipped(): number {
    return this.#skipped;
  }

  /** The first record's fields (the input's columns). */
  columns(): string[] {
    return this.#columns ?? [];
  }

  /** The records to send, in input order. */
  async *records(source: AsyncIterable<InputRecord>): AsyncGenerator<InputRecord> {
    let sent = 0;
    for await (const record of source) {
      const index = this.#read++;
      this.#columns ??= Object.keys(record);
      if (this.#skip?.has(index)) {
        this.#skipped++;
        continue;
      }
      this.#pending?.set(sent, this.keepInputs ? { index, inputs: record } : { index });
      sent++;
      yield record;
    }
  }

  /** The input index (and record) of the runner's record `runIndex`; forgets it. */
  take(runIndex: number): TrackedInput {
    if (!this.#pending) return { index: runIndex };
    const entry = this.#pending.get(runIndex);
    this.#pending.delete(runIndex);
    if (entry === undefined) throw new Error(`internal error: result ${runIndex} has no input record`);
    return entry;
  }
}
