/**
 * Remembers which chunks (by position `seq`) already produced their results, in memory that
 * does not grow with the run: a watermark below which every chunk is done, plus the done
 * chunks above it (at most the chunks in flight).
 */
export class ResultLedger {
  #watermark = 0;
  readonly #done = new Set<number>();

  /** Whether `seq` already has its results. */
  isDone(seq: number): boolean {
    return seq < this.#watermark || this.#done.has(seq);
  }

  /** Marks `seq` done; false when it already was (a duplicate to drop). */
  finish(seq: number): boolean {
    if (this.isDone(seq)) return false;
    this.#done.add(seq);
    while (this.#done.delete(this.#watermark)) this.#watermark++;
    return true;
  }

  /** Done chunks held above the watermark (for tests and diagnostics). */
  get sparse(): number {
    return this.#done.size;
  }
}
