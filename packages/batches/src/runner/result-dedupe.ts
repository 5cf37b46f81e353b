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

/**
 * Chunk ids of one run: `{runId}-{seq}` for a chunk's first submission (repeated as is when a
 * push is retried: Spark deduplicates it) and `{runId}-{seq}-r{n}` when a chunk whose results
 * were lost is submitted again. Any id maps back to its `seq`, so a late duplicate is recognised
 * even after its chunk was forgotten.
 */
export class ChunkIds {
  readonly runId: string;

  constructor(runId = globalThis.crypto.randomUUID().slice(0, 8)) {
    this.runId = runId;
  }

  /** The id of submission `n` (0 = first) of chunk `seq`. */
  id(seq: number, n = 0): string {
    return n === 0 ? `${this.runId}-${seq}` : `${this.runId}-${seq}-r${n}`;
  }

  /** The chunk position an id names, or `undefined` for an id this run did not make. */
  seqOf(id: unknown): number | undefined {
    if (typeof id !== 'string' || !id.startsWith(`${this.runId}-`)) return undefined;
    const rest = id.slice(this.runId.length + 1);
    const dash = rest.indexOf('-');
    const seq = Number(dash < 0 ? rest : rest.slice(0, dash));
    return Number.isInteger(seq) && seq >= 0 ? seq : undefined;
  }
}
