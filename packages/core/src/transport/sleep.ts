import { linkToAbort } from './attempt-abort.js';

/**
 * Waits `ms`, rejecting with the first aborted signal's reason. Many sleeps on one signal
 * share one listener on it ({@link linkToAbort}), unlinked when the sleep ends.
 */
export function sleep(ms: number, signals: ReadonlyArray<AbortSignal | undefined>): Promise<void> {
  return new Promise((resolve, reject) => {
    const live = signals.filter((s): s is AbortSignal => s !== undefined);
    const aborted = live.find((s) => s.aborted);
    if (aborted) return reject(aborted.reason);
    const end = (): void => {
      clearTimeout(timer);
      for (const unlink of unlinks) unlink();
    };
    const timer = setTimeout(() => {
      end();
      resolve();
    }, ms);
    const unlinks = live.map((s) => linkToAbort(s, () => {
      end();
      reject(s.reason);
    }));
  });
}
