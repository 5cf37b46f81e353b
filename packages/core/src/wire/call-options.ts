import * as v from 'valibot';
import { parseParams, type CallOptions } from '../public-api.js';
import { rejectUnknownKeys } from '../validation/unknown-keys.js';

const CALL_OPTION_KEYS = ['signal', 'timeout'] as const;

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

const CallOptionsSchema = v.object(callOptionsEntries);

/**
 * Validates the per-call options of an operation before anything is sent; a bad value throws a
 * `SparkSdkError` naming the field (`"timeout"`, `"signal"`). Returns only `signal` and
 * `timeout`, so the result can be spread into a request without carrying other keys along.
 * `otherKeys` names the operation's further options (checked by the operation itself), so they
 * are not refused as unknown.
 *
 * @example
 * const { signal, timeout } = checkCallOptions(options, 'health.check');
 */
export function checkCallOptions(options: CallOptions | undefined, operation: string, otherKeys: readonly string[] = []): CallOptions {
  if (options === undefined) return {};
  let checked: unknown = options;
  if (otherKeys.length > 0 && typeof options === 'object' && options !== null) {
    // The operation takes more options and checks their values itself; here only their names.
    rejectUnknownKeys(options, Object.fromEntries([...otherKeys, ...CALL_OPTION_KEYS].map((k) => [k, true])), operation);
    checked = { signal: options.signal, timeout: options.timeout };
  }
  const { signal, timeout } = parseParams(CallOptionsSchema, checked, operation);
  return { signal, timeout };
}
