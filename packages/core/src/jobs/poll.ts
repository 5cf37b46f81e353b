import { SparkTimeoutError } from '../errors/timeout-error.js';
import { SparkClosedError } from '../errors/closed-error.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import { MAX_TIMER_MS } from '../transport/attempt.js';
import { sleep } from '../transport/sleep.js';
import type { SparkCore } from '../client/types.js';
import type { CallOptions } from '../client/messages.js';

/** Options every long job (compile, export, import, log download, recompile) takes. */
export interface SparkJobOptions<P = unknown> extends CallOptions {
  /** Delay between status checks in ms (default 1,000; grows ×1.5 up to 4× while nothing changes). */
  pollInterval?: number;
  /** Overall deadline in ms (default 600,000), not a per-request timeout. `signal` cancels the wait and the in-flight status request. */
  timeout?: number;
  /** Called with every status the job reports. */
  onProgress?: (status: P) => void;
}

/** What a poll step says about the job. */
export type PollVerdict<R> = { done: true; result: R } | { done: false };

/**
 * Polls `check` until it reports done, honouring the deadline, the caller's signal and the
 * client's close. The interval backs off ×1.5 (up to 4× the base) while the status is unchanged.
 * The deadline bounds the status checks too: the signal `check` receives (the caller's, joined
 * with the deadline) aborts at the deadline with the job's `SparkTimeoutError`, so a status
 * request that hangs or is asked to wait (`Retry-After`) past it ends there.
 *
 * @example
 * const final = await pollJob(core, 'impex.export', { pollInterval: 500 }, async () => {
 *   const status = await getStatus();
 *   return status.status === 'completed' ? { done: true, result: status } : { done: false };
 * });
 */
export async function pollJob<R>(
  core: SparkCore,
  operation: string,
  options: SparkJobOptions<never> | undefined,
  check: (signal: AbortSignal | undefined) => Promise<PollVerdict<R>>,
): Promise<R> {
  const base = options?.pollInterval ?? 1_000;
  const timeout = options?.timeout ?? 600_000;
  if (!(base >= 0) || !(timeout > 0)) {
    throw new SparkSdkError(`${operation}: pollInterval must be >= 0 and timeout > 0 (ms)`);
  }
  const deadline = Date.now() + timeout;
  let interval = base;
  let polls = 0;
  const expired = (): SparkTimeoutError => new SparkTimeoutError(`${operation} did not finish within ${timeout} ms (${polls} status checks)`, timeout);
  const caller = options?.signal;
  const stop = new AbortController();
  const onCallerAbort = (): void => stop.abort(caller!.reason);
  const timer = setTimeout(() => stop.abort(expired()), Math.min(timeout, MAX_TIMER_MS));
  if (caller?.aborted) stop.abort(caller.reason);
  else caller?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    for (;;) {
      polls++;
      if (core.closed) throw new SparkClosedError();
      const verdict = await check(stop.signal);
      if (verdict.done) return verdict.result;
      const left = deadline - Date.now();
      if (left <= 0) throw expired();
      await sleep(Math.min(interval, left), [caller, core.signal]).catch((reason: unknown) => {
        throw core.signal.aborted && !caller?.aborted ? new SparkClosedError() : reason;
      });
      interval = Math.min(interval * 1.5, base * 4);
    }
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener('abort', onCallerAbort);
  }
}
