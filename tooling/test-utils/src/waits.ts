/* Imports nothing, like rejection.ts: any package's tests may import it. */

/**
 * Settles with what `promise` settled with, or `'hung'` while it is still pending after `ms`: a
 * hang detector for code that must end, not a timing (the timer does not keep the process up).
 *
 * @example
 * expect(await within(run.summary.catch((error: unknown) => error), 5_000)).not.toBe('hung');
 */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | 'hung'> {
  return Promise.race([promise, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), ms).unref())]);
}

/**
 * Resolves once `check` holds (polled every 10 ms); rejects after `ms`: for a state the code
 * under test reaches on its own, as a hang detector, not a timing.
 *
 * @example
 * await eventually(() => emu.requests.some((r) => r.method === 'PATCH'));
 */
export async function eventually(check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`still not true after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
