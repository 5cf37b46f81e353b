import { SparkSdkError } from '@spark/core';
import type { PullResult } from '../types.js';
import { classifyFailure } from './errors.js';
import type { FlightTable, Flight } from './flight-table.js';
import type { Pusher } from './pusher.js';
import { toRecordResults } from './record-results.js';
import type { ChunkIds } from './run-chunk-ids.js';
import type { RunContext } from './run-context.js';
import { sleep } from '@spark/core/wire';
import { backoff } from './backoff.js';

/** What the poller needs beyond the run context. */
export interface PollerParts {
  batchId: string;
  flights: FlightTable;
  pusher: Pusher;
  ids: ChunkIds;
  pull: (maxChunks: number) => Promise<PullResult>;
  /** True once the producer has read (and handed over) the whole input. */
  producerDone: () => boolean;
  pullMax: number;
  minPollInterval: number;
  maxPollInterval: number;
  chunkTimeout: number;
}

const DEAD = new Set(['cancelled', 'failed']);

/**
 * Drains results while chunks are out: immediately again while Spark reports more available,
 * at most every `minPollInterval` while results or new chunks flow (counted from the first pull
 * of the last round, so the time its pulls took counts toward the interval; a round whose pulls
 * took longer is followed at once), backing off ×2 up to
 * `maxPollInterval` while idle (a newly acknowledged chunk ends the idle wait).
 * It pulls only as many chunks as the client-side buffer has room for, so a slow consumer
 * leaves results in Spark (whose full buffers then stop the producer).
 */
export async function poll(ctx: RunContext<unknown>, parts: PollerParts): Promise<void> {
  const { flights, ids } = parts;
  const { chunkSize, maxBufferedResults, maxRetries, retryDelay } = ctx.settings;
  const signal = ctx.signal;
  let interval = parts.minPollInterval;
  let failures = 0;
  // A round: the pulls sent back to back while Spark reports more available. `roundStart` is
  // when its first pull was about to go out.
  let more = false;
  let roundStart = 0;
  while (!signal.aborted) {
    if (parts.producerDone() && flights.chunks.size === 0) return;
    if (flights.awaiting === 0) {
      interval = parts.minPollInterval;
      more = false;
      await ctx.changed.wait(signal, 500);
      continue;
    }
    if (!ctx.hasRoom(chunkSize)) {
      await ctx.room.until(() => ctx.hasRoom(chunkSize), signal, 500);
      // While the client held results back, Spark's chunks waited on it: that is no silence.
      restartClocks(flights);
    }
    const room = Math.max(chunkSize, maxBufferedResults - ctx.buffered);
    const epoch = ++flights.epoch;
    const acks = flights.acks;
    const mark = flights.mark();
    if (!more) roundStart = Date.now();
    let result: PullResult;
    try {
      result = await parts.pull(Math.min(parts.pullMax, Math.max(1, Math.floor(room / chunkSize))));
      failures = 0;
    } catch (error) {
      if (signal.aborted) return;
      if (classifyFailure(error) !== 'retry' || ++failures > maxRetries) return ctx.fail(error);
      ctx.progress.retries++;
      more = false;
      await sleep(backoff(failures, retryDelay, 10_000), [signal]).catch(() => undefined);
      continue;
    }
    for (const chunk of result.data) {
      const seq = ids.seqOf(chunk.id);
      const flight = seq === undefined ? undefined : flights.chunks.get(seq);
      if (!flight || ctx.ledger.isDone(flight.seq)) {
        ctx.progress.duplicatesDropped++;
        continue;
      }
      flights.chunks.delete(flight.seq);
      ctx.deliver(flight.seq, toRecordResults(chunk, flight.start, flight.count, String(chunk.id)));
    }
    const status = result.status;
    flights.observe(status, mark);
    const p = ctx.progress;
    p.chunksInFlight = flights.chunks.size;
    if (typeof status.input_buffer_used_bytes === 'number') p.inputBufferUsedBytes = status.input_buffer_used_bytes;
    if (typeof status.input_buffer_remaining_bytes === 'number') p.inputBufferRemainingBytes = status.input_buffer_remaining_bytes;
    if (DEAD.has(String(status.batch_status))) {
      return ctx.fail(new SparkSdkError(`batch pipeline ${parts.batchId} is ${String(status.batch_status)} on Spark; ${flights.chunks.size} chunks had no results`));
    }
    resubmitLost(ctx, parts, result, epoch);
    if (result.data.length > 0) p.emit();
    ctx.changed.notify();
    more = result.data.length > 0 && (status.chunks_available ?? 0) > 0;
    if (more) continue;
    // Idle means no results and no new chunks on Spark since the last pull: only then back off.
    const active = result.data.length > 0 || flights.acks !== acks;
    interval = active ? parts.minPollInterval : Math.min(parts.maxPollInterval, Math.max(1, interval) * 2);
    // A new chunk acknowledged during a long idle wait cuts it short. While results flow, rounds
    // start every `minPollInterval`: pulls slowed by a busy Spark or a slow link do not also
    // stretch the interval (chunks kept waiting would hold the producer at `maxChunksInFlight`).
    const wait = interval > parts.minPollInterval ? flights.acked.wait(signal, interval) : sleep(Math.max(0, interval - (Date.now() - roundStart)), [signal]);
    await wait.catch(() => undefined);
  }
}

/**
 * Chunks acknowledged before this pull was sent that have no result although Spark reports
 * every submitted chunk completed and nothing left to pull, lost their results (e.g. a pull
 * answered into a dropped connection). So did chunks without a result when no result has come
 * back or waited on Spark, and none was held back by the client, for `chunkTimeout`: behind a
 * slow consumer, results wait in Spark's output buffer and its workers pause, so chunks still
 * queued on Spark are slow, not lost.
 * They are submitted again under a new id; should the old result surface, it is dropped.
 */
function resubmitLost(ctx: RunContext<unknown>, parts: PollerParts, result: PullResult, epoch: number): void {
  const { status } = result;
  const drained = status.chunks_available === 0 && typeof status.chunks_completed === 'number' && status.chunks_completed >= (status.chunks_submitted ?? Infinity);
  // Results came back, or are waiting: Spark is not silent, only held back by the consumer.
  if (result.data.length > 0 || (status.chunks_available ?? 0) > 0) restartClocks(parts.flights);
  const now = Date.now();
  const lost: Flight[] = [];
  for (const f of parts.flights.chunks.values()) {
    if (f.ackedEpoch === undefined) continue;
    if ((drained && f.ackedEpoch < epoch) || now - f.ackedAt > parts.chunkTimeout) lost.push(f);
  }
  for (const f of lost) {
    if (f.attempts >= ctx.settings.maxRetries) {
      parts.flights.chunks.delete(f.seq);
      ctx.failChunk(f.seq, f.start, f.count, f.id, new Error(`no result from Spark after ${f.submission + 1} submissions`));
      continue;
    }
    f.attempts++;
    parts.flights.resubmit(f, parts.ids.id(f.seq, f.submission + 1));
    ctx.progress.retries++;
    parts.pusher.start(f);
  }
}

/** Restarts the `chunkTimeout` clock of every chunk Spark has acknowledged. */
function restartClocks(flights: FlightTable): void {
  const now = Date.now();
  for (const f of flights.chunks.values()) if (f.ackedEpoch !== undefined) f.ackedAt = now;
}
