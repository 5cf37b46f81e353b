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

  /** The next result, or `undefined` at the end; throws the failure reason after the last result. */
  async take(): Promise<T | undefined> {
    for (;;) {
      const item = this.shift();
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
