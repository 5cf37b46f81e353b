import { SparkSdkError } from '@spark/core';
import { queueIterator } from './queue-iterator.js';
import type { RunContext } from './run-context.js';
import { BatchRunStoppedError } from './stopped-error.js';
import type { BatchProgress, BatchRecordResult, BatchRun, BatchRunSummary } from './run-types.js';

/**
 * Wraps a driver into a {@link BatchRun}: the run starts at the first `next()` (or `drain()`),
 * the caller's signal and an early `break` stop it, and `summary` settles once the driver has
 * cleaned up (pipeline closed or cancelled). Results are read per record or per chunk, one way
 * per run; both iterators share the queue, the counters and the stop.
 */
export function createBatchRun<O>(ctx: RunContext<O>, signal: AbortSignal | undefined, driver: (ctx: RunContext<O>) => Promise<void>): BatchRun<O> {
  let settle!: { resolve: (s: BatchRunSummary) => void; reject: (e: unknown) => void };
  const summary = new Promise<BatchRunSummary>((resolve, reject) => (settle = { resolve, reject }));
  summary.catch(() => undefined);
  let running: Promise<void> | undefined;
  let finished = false;

  const start = (): Promise<void> =>
    (running ??= (async () => {
      const onAbort = (): void => ctx.fail(signal?.reason);
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
      try {
        await driver(ctx);
        if (ctx.failure) throw ctx.failure.error;
        ctx.progress.end();
        ctx.progress.emit();
        ctx.queue.end();
        settle.resolve(ctx.progress.summary());
      } catch (error) {
        const reason = ctx.failure ? ctx.failure.error : error;
        ctx.progress.end();
        ctx.queue.fail(reason);
        settle.reject(reason);
      } finally {
        finished = true;
        signal?.removeEventListener('abort', onAbort);
      }
    })());

  const { progress, room } = ctx;
  const chunkSize = ctx.settings.chunkSize;
  /** Counts `count` results handed to the consumer, and wakes the loops waiting for client-side room. */
  const taken = (count: number): void => {
    progress.recordsEmitted += count;
    // Taking results only lowers the count: no new peak to record.
    progress.bufferedResults = ctx.buffered;
    // Only room for another chunk can unblock anyone: waking on every record would make the
    // waiting loops re-arm per record. Nobody waiting (most records): nothing to check.
    if (room.waiting && ctx.hasRoom(chunkSize)) room.notify();
  };
  const begin = (): void => void start();
  const stop = async (): Promise<void> => {
    if (running && !finished) {
      ctx.fail(new BatchRunStoppedError());
      ctx.queue.clear();
      await running;
    }
  };
  const records = queueIterator<BatchRecordResult<O>>({
    start: begin, shift: () => ctx.queue.shift(), take: () => ctx.queue.take(), taken: () => taken(1), stop,
  });
  const chunks = queueIterator<BatchRecordResult<O>[]>({
    start: begin, shift: () => ctx.queue.shiftChunk(), take: () => ctx.queue.takeChunk(), taken: (items) => taken(items.length), stop,
  });
  let style: 'records' | 'chunks' | undefined;
  /** A run is consumed one way only: per record or chunk-wise. */
  const claim = (wanted: 'records' | 'chunks'): void => {
    if (style !== undefined && style !== wanted) {
      const how = { records: 'per record (`for await (const result of run)`)', chunks: 'chunk-wise (`run.chunks()`)' };
      throw new SparkSdkError(`batch run: its results are already read ${how[style]}; a run is read one way only, so it cannot also be read ${how[wanted]}`);
    }
    style = wanted;
  };

  return {
    summary,
    get progress(): BatchProgress {
      return ctx.progress.snapshot();
    },
    async drain(): Promise<BatchRunSummary> {
      // Takes a chunk per step unless per-record reading already started; results are discarded.
      const rest = style === 'records' ? records : chunks;
      while (!(await rest.next()).done) { /* results are discarded */ }
      return summary;
    },
    chunks(): AsyncIterableIterator<BatchRecordResult<O>[]> {
      claim('chunks');
      return chunks;
    },
    [Symbol.asyncIterator](): AsyncIterableIterator<BatchRecordResult<O>> {
      claim('records');
      return records;
    },
  };
}
