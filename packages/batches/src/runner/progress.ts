import type { BatchProgress, BatchRunSummary } from './run-types.js';

/** The counters of one run, and the `onProgress` / summary views of them. */
export class ProgressTracker {
  batchId: string | undefined;
  recordsRead = 0;
  recordsSubmitted = 0;
  recordsCompleted = 0;
  recordsFailed = 0;
  recordsEmitted = 0;
  chunksSubmitted = 0;
  chunksCompleted = 0;
  chunksInFlight = 0;
  retries = 0;
  duplicatesDropped = 0;
  bufferedResults = 0;
  peakBufferedResults = 0;
  inputBufferUsedBytes: number | undefined;
  inputBufferRemainingBytes: number | undefined;
  readonly #started = Date.now();
  #ended: number | undefined;

  constructor(private readonly listener?: (progress: BatchProgress) => void) {}

  /** Updates the client-side buffer gauge and its peak. */
  buffered(count: number): void {
    this.bufferedResults = count;
    if (count > this.peakBufferedResults) this.peakBufferedResults = count;
  }

  /** Freezes the duration. */
  end(): void {
    this.#ended ??= Date.now();
  }

  /** Sends a snapshot to `onProgress` (a throwing listener cannot break the run). */
  emit(): void {
    if (!this.listener) return;
    try {
      this.listener(this.snapshot());
    } catch {
      /* the listener's problem, not the run's */
    }
  }

  snapshot(): BatchProgress {
    const elapsedMs = (this.#ended ?? Date.now()) - this.#started;
    return {
      batchId: this.batchId,
      recordsRead: this.recordsRead,
      recordsSubmitted: this.recordsSubmitted,
      recordsCompleted: this.recordsCompleted,
      recordsFailed: this.recordsFailed,
      recordsEmitted: this.recordsEmitted,
      chunksSubmitted: this.chunksSubmitted,
      chunksCompleted: this.chunksCompleted,
      chunksInFlight: this.chunksInFlight,
      retries: this.retries,
      duplicatesDropped: this.duplicatesDropped,
      bufferedResults: this.bufferedResults,
      peakBufferedResults: this.peakBufferedResults,
      inputBufferUsedBytes: this.inputBufferUsedBytes,
      inputBufferRemainingBytes: this.inputBufferRemainingBytes,
      elapsedMs,
      recordsPerSecond: elapsedMs > 0 ? Math.round((this.recordsCompleted * 1000) / elapsedMs) : 0,
    };
  }

  summary(): BatchRunSummary {
    this.end();
    const p = this.snapshot();
    return {
      batchId: p.batchId,
      recordsIn: p.recordsRead,
      recordsOut: p.recordsCompleted - p.recordsFailed,
      recordsFailed: p.recordsFailed,
      chunks: p.chunksCompleted,
      retries: p.retries,
      duplicatesDropped: p.duplicatesDropped,
      peakBufferedResults: p.peakBufferedResults,
      durationMs: p.elapsedMs,
      recordsPerSecond: p.recordsPerSecond,
    };
  }
}
