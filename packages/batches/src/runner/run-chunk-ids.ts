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
