import { Wakeup } from './wakeup.js';

/**
 * The results waiting for the consumer, kept as chunk-sized arrays (no per-item shifting).
 * Producers check `size` against their bound before adding.
 */
export class ResultQueue<T> {
  readonly #batches: T[][] = [];
  #head = 0;
  #size = 0;
  #ended = false;
  #error: { reason: unknown } | undefined;
  readonly #arrived = new Wakeup();

  /** Results waiting. */
  get size(): number {
    return this.#size;
  }

  /** Appends results for the consumer. */
  push(items: T[]): void {
    if (items.length === 0) return;
    this.#batches.push(items);
    this.#size += items.length;
    this.#arrived.notify();
  }

  /** No more results will come: the consumer finishes after the ones waiting. */
  end(): void {
    this.#ended = true;
    this.#arrived.notify();
  }

  /** The run failed: the consumer gets `reason` after the results already waiting. */
  fail(reason: unknown): void {
    this.#error ??= { reason };
    this.#arrived.notify();
  }

  /** The next result if one is waiting (`undefined` otherwise), without waiting. */
  shift(): T | undefined {
    const batch = this.#batches[0];
    if (batch === undefined) return undefined;
    const item = batch[this.#head++] as T;
    if (this.#head >= batch.length) {
      this.#batches.shift();
      this.#head = 0;
    }
    this.#size--;
    return item;
  }

  /**
   * The results of the oldest waiting chunk (`undefined` if none), without waiting. The array
   * pushed is handed over as is (no copy) unless `shift()` already took some of it.
   */
  shiftChunk(): T[] | undefined {
    const batch = this.#batches.shift();
    if (batch === undefined) return undefined;
    const items = this.#head === 0 ? batch : batch.slice(this.#head);
    this.#head = 0;
    this.#size -= items.length;
    return items;
  }

  /** The next result, or `undefined` at the end; throws the failure reason after the last result. */
  take(): Promise<T | undefined> {
    return this.#take(() => this.shift());
  }

  /** The next chunk's results (see `shiftChunk`), or `undefined` at the end; throws like `take()`. */
  takeChunk(): Promise<T[] | undefined> {
    return this.#take(() => this.shiftChunk());
  }

  async #take<R>(next: () => R | undefined): Promise<R | undefined> {
    for (;;) {
      const item = next();
      if (item !== undefined) return item;
      if (this.#error) throw this.#error.reason;
      if (this.#ended) return undefined;
      await this.#arrived.wait();
    }
  }

  /** Drops everything waiting (the consumer stopped early). */
  clear(): void {
    this.#batches.length = 0;
    this.#head = 0;
    this.#size = 0;
  }
}
