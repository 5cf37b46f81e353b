import { linkAbort, unlinkAbort } from './attempt-abort.js';

/**
 * Waits `ms`, rejecting with the first aborted signal's reason. Many sleeps on one signal
 * share one listener on it ({@link linkAbort}), unlinked when the sleep ends.
 */
export function sleep(ms: number, signals: ReadonlyArray<AbortSignal | undefined>): Promise<void> {
  return new Promise((resolve, reject) => {
    const live = signals.filter((s): s is AbortSignal => s !== undefined);
    const aborted = live.find((s) => s.aborted);
    if (aborted) return reject(aborted.reason);
    const end = (): void => {
      clearTimeout(timer);
      for (const s of live) unlinkAbort(s, link);
    };
    const timer = setTimeout(() => {
      end();
      resolve();
    }, ms);
    const link = {
      abortedBy(s: AbortSignal): void {
        end();
        reject(s.reason);
      },
    };
    for (const s of live) linkAbort(s, link);
  });
}
