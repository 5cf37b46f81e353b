import * as v from 'valibot';
import { parseParams, type CallOptions } from '../public-api.js';

/**
 * The one timeout rule of every call: a finite number of milliseconds > 0. Fractions are
 * allowed (`0.5`), as the client's own `timeout` option allows them.
 */
export const timeoutSchema = v.pipe(
  v.number(),
  v.check((ms) => Number.isFinite(ms) && ms > 0, 'must be a finite number of milliseconds > 0'),
);

/** valibot entries of {@link CallOptions}, spread into an operation's parameter schema. */
export const callOptionsEntries = {
  signal: v.optional(v.instance(AbortSignal)),
  timeout: v.optional(timeoutSchema),
};

/** valibot entries of `SparkJobOptions` (long jobs: compile, export, import, log download). */
export const jobOptionsEntries = {
  ...callOptionsEntries,
  pollInterval: v.optional(v.pipe(v.number(), v.minValue(0))),
  onProgress: v.optional(v.function()),
};

// Loose: an operation's options carry its own keys next to these (`force`, `chunkSize`), which
// the operation checks itself, so parseParams's unknown-key check does not apply here.
const CallOptionsSchema = v.looseObject(callOptionsEntries);

/**
 * Validates the per-call options of an operation before anything is sent; a bad value throws a
 * `SparkSdkError` naming the field (`"timeout"`, `"signal"`). Returns only `signal` and
 * `timeout`, so the result can be spread into a request without carrying other keys along.
 *
 * @example
 * const { signal, timeout } = checkCallOptions(options, 'health.check');
 */
export function checkCallOptions(options: CallOptions | undefined, operation: string): CallOptions {
  if (options === undefined) return {};
  const { signal, timeout } = parseParams(CallOptionsSchema, options, operation);
  return { signal, timeout };
}
