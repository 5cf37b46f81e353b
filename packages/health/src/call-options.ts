import { SparkSdkError } from '@spark/core';
import type { HealthCheckOptions } from './types.js';

/** Checks per-call options before anything is sent. */
export function checkCallOptions(options: unknown, operation: string): HealthCheckOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null) throw new SparkSdkError(`${operation}: options must be an object`, { cause: options });
  const { signal, timeout } = options as HealthCheckOptions;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new SparkSdkError(`${operation}: "signal" must be an AbortSignal`, { cause: signal });
  }
  if (timeout !== undefined && !(typeof timeout === 'number' && timeout > 0)) {
    throw new SparkSdkError(`${operation}: "timeout" must be a number of milliseconds > 0 (got ${String(timeout)})`, { cause: timeout });
  }
  return { signal, timeout };
}
