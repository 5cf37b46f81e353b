import type { ChunkResult, PendingChunk } from './chunk.js';

/** Record/chunk/buffer accounting of one batch. */
export class BatchCounters {
  recordsSubmitted = 0;
  recordsCompleted = 0;
  recordsFailed = 0;
  recordsAvailable = 0;
  chunksSubmitted = 0;
  chunksCompleted = 0;
  chunksFailed = 0;
  chunksAvailable = 0;
  computeMs = 0;
  inputUsed = 0;
  outputUsed = 0;
  inputTotal = 0;
  outputTotal = 0;

  accept(c: PendingChunk): void {
    this.chunksSubmitted += 1;
    this.recordsSubmitted += c.records;
    this.inputUsed += c.bytes;
    this.inputTotal += c.bytes;
  }

  /** Frees a chunk's input bytes once a worker has consumed it. */
  release(c: PendingChunk): void {
    this.inputUsed = Math.max(0, this.inputUsed - c.bytes);
  }

  complete(r: ChunkResult, failedRecords: number, ms: number): void {
    this.chunksCompleted += 1;
    if (failedRecords === r.records && r.records > 0) this.chunksFailed += 1;
    this.recordsCompleted += r.records;
    this.recordsFailed += failedRecords;
    this.recordsAvailable += r.records;
    this.chunksAvailable += 1;
    this.outputUsed += r.bytes;
    this.outputTotal += r.bytes;
    this.computeMs += ms;
  }

  drain(r: ChunkResult): void {
    this.recordsAvailable -= r.records;
    this.chunksAvailable -= 1;
    this.outputUsed -= r.bytes;
  }

  /** Cancel: buffers are emptied. */
  reset(): void {
    this.inputUsed = 0;
    this.outputUsed = 0;
    this.recordsAvailable = 0;
    this.chunksAvailable = 0;
  }
}
