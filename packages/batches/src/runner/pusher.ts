import type { SparkCore } from '@spark/core';
import { batchPath } from '../batch-path.js';
import type { BatchStatus } from '../types.js';
import { classifyFailure } from './errors.js';
import { FlightTable, type Flight } from './flight-table.js';
import type { RunContext } from './run-context.js';
import { sleep } from '@spark/core/wire';
import { backoff } from './backoff.js';

/**
 * Pushes one chunk per request, retrying with the same chunk id (Spark deduplicates ids, so a
 * push whose answer was lost is harmless to repeat). After `maxRetries` the chunk's records are
 * reported as failed; a result that still shows up later is dropped by the ledger.
 */
export class Pusher {
  readonly #tasks = new Set<Promise<void>>();
  readonly #path: string;

  constructor(
    private readonly core: SparkCore,
    batchId: string,
    private readonly flights: FlightTable,
    private readonly ctx: RunContext<unknown>,
    private readonly timeout: number | undefined,
  ) {
    this.#path = batchPath(batchId, 'chunks');
  }

  /** Starts pushing `flight` in the background. */
  start(flight: Flight): void {
    const task = this.#push(flight).finally(() => this.#tasks.delete(task));
    this.#tasks.add(task);
  }

  /** Resolves when no push is running. */
  async idle(): Promise<void> {
    while (this.#tasks.size > 0) await Promise.all([...this.#tasks]);
  }

  async #push(flight: Flight): Promise<void> {
    const { ctx, flights } = this;
    const { maxRetries, retryDelay } = ctx.settings;
    for (;;) {
      const submission = flight.submission;
      const ticket = flights.reserve(flight);
      try {
        const response = await this.core.request<BatchStatus>({
          operation: 'batches.push',
          method: 'POST',
          path: this.#path,
          headers: { 'content-type': 'application/json' },
          body: FlightTable.body(flight),
          idempotent: true,
          attributes: { 'spark.record.count': flight.count, 'spark.batch.chunk_id': flight.id },
          signal: ctx.signal,
          timeout: this.timeout,
          maxResponseBytes: ctx.settings.maxResponseBytes,
        });
        flights.release(ticket, true);
        flights.observe(response.data, ticket.mark, ticket.bytes);
        this.#acknowledged(flight, submission);
        return;
      } catch (error) {
        flights.release(ticket, false);
        ctx.changed.notify();
        if (ctx.signal.aborted || !flights.chunks.has(flight.seq) || flight.submission !== submission) return;
        const action = classifyFailure(error);
        if (action === 'fatal') return ctx.fail(error);
        if (action === 'retry' && flight.attempts < maxRetries) {
          flight.attempts++;
          ctx.progress.retries++;
          try {
            await sleep(backoff(flight.attempts, retryDelay, 10_000), [ctx.signal]);
          } catch {
            return;
          }
          if (!flights.chunks.has(flight.seq)) return;
          continue;
        }
        flights.chunks.delete(flight.seq);
        ctx.failChunk(flight.seq, flight.start, flight.count, flight.id, error);
        ctx.progress.chunksInFlight = flights.chunks.size;
        ctx.progress.emit();
        return;
      }
    }
  }

  #acknowledged(flight: Flight, submission: number): void {
    const p = this.ctx.progress;
    if (!flight.counted) {
      flight.counted = true;
      p.chunksSubmitted++;
      p.recordsSubmitted += flight.count;
    }
    // Still waiting for this submission's results (they may already have come back)?
    if (this.flights.chunks.get(flight.seq) === flight && flight.submission === submission) {
      flight.ackedEpoch = this.flights.epoch;
      flight.ackedAt = Date.now();
    }
    this.flights.acks++;
    this.flights.acked.notify();
    p.chunksInFlight = this.flights.chunks.size;
    p.inputBufferRemainingBytes = Number.isFinite(this.flights.remaining) ? Math.max(0, this.flights.remaining) : undefined;
    p.emit();
    this.ctx.changed.notify();
  }
}
