/** What {@link queueIterator} is built from: where values come from, and what taking one does. */
export interface QueueIteratorParts<T> {
  /** Starts the run (idempotent). */
  start(): void;
  /** A value waiting now, or `undefined`. */
  shift(): T | undefined;
  /** Waits for the next value; `undefined` at the end; throws the run's failure. */
  take(): Promise<T | undefined>;
  /** Counts a value handed to the consumer. */
  taken(value: T): void;
  /** Stops the run when the consumer leaves early (`break`, `return()`). */
  stop(): Promise<void>;
}

const noop = (): void => undefined;

/**
 * An async iterator over a run's results queue. While values wait, `next()` serves them without
 * going through an async function (one settled promise per value, not three), and without a
 * closure (the slow path is a function of its own, so `next()` allocates no context). A `next()`
 * called while an earlier one still waits queues behind it, so values keep their order.
 */
export function queueIterator<T>(parts: QueueIteratorParts<T>): AsyncIterableIterator<T> {
  const { start, shift, take, taken, stop } = parts;
  let waiting: Promise<unknown> | undefined;
  const nextSlowly = async (before: Promise<unknown> | undefined): Promise<IteratorResult<T>> => {
    if (before) await before.then(noop, noop);
    const value = await take();
    if (value === undefined) return { done: true, value: undefined };
    taken(value);
    return { done: false, value };
  };
  /** `next()` when no value is waiting, or an earlier `next()` still waits. */
  const nextWaiting = (): Promise<IteratorResult<T>> => {
    const result = nextSlowly(waiting);
    const settled = (): void => {
      if (waiting === result) waiting = undefined;
    };
    waiting = result;
    result.then(settled, settled);
    return result;
  };
  return {
    next(): Promise<IteratorResult<T>> {
      start();
      if (waiting === undefined) {
        const value = shift();
        if (value !== undefined) {
          taken(value);
          return Promise.resolve({ done: false, value });
        }
      }
      return nextWaiting();
    },
    async return(): Promise<IteratorResult<T>> {
      await stop();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
