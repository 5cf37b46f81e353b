import { linkAbort, unlinkAbort } from './attempt-abort.js';

/**
 * `promise`, or a rejection with `signal`'s reason as soon as `signal` aborts, whichever comes
 * first. The work behind `promise` goes on: one waiter gives up on a token fetch other callers
 * share, or a run stops waiting on a caller's input that has gone quiet. Many waits on one signal
 * share one listener on it ({@link linkAbort}), unlinked when the wait ends.
 *
 * @param promise - what to wait for
 * @param signal - gives up the wait when it aborts (none: `promise` itself)
 * @returns `promise`'s outcome, or the signal's reason
 * @example
 * const token = await abortable(sharedTokenFetch, context.signal);
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason as unknown);
  return new Promise<T>((resolve, reject) => {
    const link = { abortedBy: (s: AbortSignal): void => reject(s.reason as unknown) };
    linkAbort(signal, link);
    promise.then(resolve, reject).finally(() => unlinkAbort(signal, link));
  });
}
