import type { RunContext } from './run-context.js';
import { BatchRunStoppedError } from './stopped-error.js';
import type { BatchProgress, BatchRecordResult, BatchRun, BatchRunSummary } from './run-types.js';

const noop = (): void => undefined;

/**
 * Wraps a driver into a {@link BatchRun}: the run starts at the first `next()` (or `drain()`),
 * the caller's signal and an early `break` stop it, and `summary` settles once the driver has
 * cleaned up (pipeline closed or cancelled).
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

  const DONE: IteratorResult<BatchRecordResult<O>> = { done: true, value: undefined };
  const { progress, room } = ctx;
  const chunkSize = ctx.settings.chunkSize;
  /** Counts a result handed to the consumer, and wakes the loops waiting for client-side room. */
  const emit = (item: BatchRecordResult<O>): IteratorResult<BatchRecordResult<O>> => {
    progress.recordsEmitted++;
    // Taking a result only lowers the count: no new peak to record.
    progress.bufferedResults = ctx.buffered;
    // Only room for another chunk can unblock anyone: waking on every record would make the
    // waiting loops re-arm per record. Nobody waiting (most records): nothing to check.
    if (room.waiting && ctx.hasRoom(chunkSize)) room.notify();
    return { done: false, value: item };
  };
  // A `next()` waiting for results to arrive; later calls queue behind it to keep their order.
  let waiting: Promise<unknown> | undefined;
  const nextSlowly = async (before: Promise<unknown> | undefined): Promise<IteratorResult<BatchRecordResult<O>>> => {
    if (before) await before.then(noop, noop);
    const item = await ctx.queue.take();
    return item === undefined ? { ...DONE } : emit(item);
  };

  /** `next()` when no result is waiting, or an earlier `next()` still waits. */
  const nextWaiting = (): Promise<IteratorResult<BatchRecordResult<O>>> => {
    const result = nextSlowly(waiting);
    const settled = (): void => {
      if (waiting === result) waiting = undefined;
    };
    waiting = result;
    result.then(settled, settled);
    return result;
  };

  const iterator: AsyncIterableIterator<BatchRecordResult<O>> = {
    // Results arrive a chunk at a time: while some wait, `next()` serves them without going
    // through an async function (one settled promise per record, not three), and without a
    // closure (the slow path is a function of its own, so this one allocates no context).
    next(): Promise<IteratorResult<BatchRecordResult<O>>> {
      void start();
      if (waiting === undefined) {
        const item = ctx.queue.shift();
        if (item !== undefined) return Promise.resolve(emit(item));
      }
      return nextWaiting();
    },
    async return(): Promise<IteratorResult<BatchRecordResult<O>>> {
      if (running && !finished) {
        ctx.fail(new BatchRunStoppedError());
        ctx.queue.clear();
        await running;
      }
      return { ...DONE };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };

  return {
    summary,
    get progress(): BatchProgress {
      return ctx.progress.snapshot();
    },
    async drain(): Promise<BatchRunSummary> {
      // next() already serves waiting results without an async hop; discard them.
      while (!(await iterator.next()).done) { /* results are discarded */ }
      return summary;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
}
