import { SparkSdkError } from '@spark/core';

/** Per-call options of the platform operations. */
export interface PlatformCallOptions {
  /** Cancels the call. */
  signal?: AbortSignal;
  /** Per-call timeout in ms (overrides the client's). */
  timeout?: number;
}

/** Checks per-call options before anything is sent. */
export function checkCallOptions<T extends PlatformCallOptions>(options: T | undefined, operation: string): T {
  if (options === undefined) return {} as T;
  if (typeof options !== 'object' || options === null) throw new SparkSdkError(`${operation}: options must be an object`, { cause: options });
  const { signal, timeout } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new SparkSdkError(`${operation}: "signal" must be an AbortSignal`, { cause: signal });
  }
  if (timeout !== undefined && !(typeof timeout === 'number' && timeout > 0)) {
    throw new SparkSdkError(`${operation}: "timeout" must be a number of milliseconds > 0 (got ${String(timeout)})`, { cause: timeout });
  }
  return options;
}
