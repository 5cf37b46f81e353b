import { ResultLedger } from './result-ledger.js';
import { OrderingWindow } from './ordering-window.js';
import { ProgressTracker } from './progress.js';
import { ResultQueue } from './result-queue.js';
import type { BatchRecordError, BatchRecordResult } from './run-types.js';
import { Wakeup } from './wakeup.js';

/** Options every runner resolves to (defaults applied). */
export interface RunSettings {
  chunkSize: number;
  headers: string[] | undefined;
  ordered: boolean;
  orderWindow: number;
  maxBufferedResults: number;
  maxRetries: number;
  retryDelay: number;
  /** The run's per-response cap, when the caller set one (else the client's applies). */
  maxResponseBytes: number | undefined;
}

/**
 * What the producer, the poller (or sync workers) and the consumer share: the results queue,
 * the ordering window, exactly-once bookkeeping, counters and the run's stop signal.
 */
export class RunContext<O> {
  readonly queue = new ResultQueue<BatchRecordResult<O>>();
  readonly window: OrderingWindow<BatchRecordResult<O>>;
  readonly ledger = new ResultLedger();
  readonly progress: ProgressTracker;
  /** Notified when a chunk finishes, a push is acknowledged or a status is seen (about once per chunk). */
  readonly changed = new Wakeup();
  /**
   * Notified when client-side room may have appeared: the consumer took results and a chunk now
   * fits, or a chunk finished. Kept apart from `changed` so that loops waiting for other things
   * are not woken for every record the consumer takes.
   */
  readonly room = new Wakeup();
  readonly #stop = new AbortController();
  #failure: { error: unknown } | undefined;

  constructor(readonly settings: RunSettings, onProgress?: ConstructorParameters<typeof ProgressTracker>[0]) {
    this.window = new OrderingWindow(settings.ordered);
    this.progress = new ProgressTracker(onProgress);
  }

  /** Aborts when the run must stop: caller abort, consumer gone, or a fatal error. */
  get signal(): AbortSignal {
    return this.#stop.signal;
  }

  /** The first fatal error, if any. */
  get failure(): { error: unknown } | undefined {
    return this.#failure;
  }

  /** Stops the run for good; the first reason wins. */
  fail(error: unknown): void {
    this.#failure ??= { error };
    if (!this.#stop.signal.aborted) this.#stop.abort(error);
    this.changed.notify();
    this.room.notify();
  }

  /** Results held client-side (waiting for the consumer or for earlier chunks). */
  get buffered(): number {
    return this.queue.size + this.window.held;
  }

  /** Whether `records` more results fit in the client-side bound (an empty buffer always has room). */
  hasRoom(records: number): boolean {
    const held = this.buffered;
    return held === 0 || held + records <= this.settings.maxBufferedResults;
  }

  /** Whether chunk `seq` may start without stretching the ordering window. */
  windowAllows(seq: number): boolean {
    if (!this.settings.ordered) return true;
    const ahead = Math.max(1, Math.floor(this.settings.orderWindow / this.settings.chunkSize));
    return seq < this.window.nextSeq + ahead;
  }

  /**
   * Hands over chunk `seq`'s results exactly once. A second delivery for the same chunk (a late
   * or repeated result) is dropped and counted; returns whether this one was taken.
   */
  deliver(seq: number, results: BatchRecordResult<O>[]): boolean {
    const p = this.progress;
    if (!this.ledger.finish(seq)) {
      p.duplicatesDropped++;
      return false;
    }
    p.chunksCompleted++;
    p.recordsCompleted += results.length;
    for (const r of results) if (r.error) p.recordsFailed++;
    for (const ready of this.window.add(seq, results)) this.queue.push(ready);
    p.buffered(this.buffered);
    this.changed.notify();
    this.room.notify();
    return true;
  }

  /** Reports every record of a chunk as failed (its retries were spent). */
  failChunk(seq: number, start: number, count: number, chunkId: string, cause: unknown): void {
    const error: BatchRecordError = { kind: 'chunk', message: `chunk ${chunkId} failed: ${messageOf(cause)}`, cause };
    const results: BatchRecordResult<O>[] = new Array(count);
    for (let i = 0; i < count; i++) results[i] = { index: start + i, chunkId, error };
    this.deliver(seq, results);
  }
}

/** A short description of any thrown value. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
