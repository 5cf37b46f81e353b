import * as v from 'valibot';
import { parseParams, type CallOptions } from '../public-api.js';
import { isByteCount } from '../transport/byte-count.js';

/**
 * The one timeout rule of every call: a finite number of milliseconds > 0. Fractions are
 * allowed (`0.5`), as the client's own `timeout` option allows them.
 */
export const timeoutSchema = v.pipe(
  v.number(),
  v.check((ms) => Number.isFinite(ms) && ms > 0, 'must be a finite number of milliseconds > 0'),
);

/** The per-call response cap: a whole number of decoded bytes > 0. */
const maxResponseBytesSchema = v.pipe(
  v.number(),
  v.check((bytes: number) => isByteCount(bytes), 'must be a whole number of bytes > 0'),
);

/** valibot entries of {@link CallOptions}, spread into an operation's parameter schema. */
export const callOptionsEntries = {
  signal: v.optional(v.instance(AbortSignal)),
  timeout: v.optional(timeoutSchema),
  maxResponseBytes: v.optional(maxResponseBytesSchema),
};

/**
 * valibot entries of `SparkJobOptions` (long jobs: compile, export, import, log download).
 * Built in a pure call so bundles that never run a job drop it (an object spread is not
 * side-effect free to a bundler; see `nonEmptyString`).
 */
export const jobOptionsEntries = /* @__PURE__ */ (() => ({
  ...callOptionsEntries,
  pollInterval: v.optional(v.pipe(v.number(), v.minValue(0))),
  onProgress: v.optional(v.function()),
}))();

const SCHEMAS = new Map<string, v.GenericSchema>();

/** The options schema of an operation: the call options plus keys its caller checks itself. */
function schemaFor(otherKeys: readonly string[]): v.GenericSchema {
  const id = otherKeys.join(',');
  let schema = SCHEMAS.get(id);
  if (!schema) {
    schema = v.object({ ...Object.fromEntries(otherKeys.map((key) => [key, v.optional(v.unknown())])), ...callOptionsEntries });
    SCHEMAS.set(id, schema);
  }
  return schema;
}

/**
 * Validates the per-call options of an operation before anything is sent; a bad value throws a
 * `SparkSdkError` naming the field (`"timeout"`, `"signal"`, `"maxResponseBytes"`), and so does
 * a key that is neither a call option nor one of `otherKeys` (the operation's further options,
 * which it checks itself). Returns only the call options ({@link pickCallOptions}), so the
 * result can be spread into a request without carrying other keys along. (The unknown-key check
 * is parseParams', reached through `@spark/core`: this module must not bundle its own copy of
 * the error classes.)
 *
 * @example
 * const call = checkCallOptions(options, 'health.check');
 * const call = checkCallOptions(options, 'files.download', ['auth']);
 */
export function checkCallOptions(options: CallOptions | undefined, operation: string, otherKeys: readonly string[] = []): CallOptions {
  if (options === undefined) return {};
  return pickCallOptions(parseParams(schemaFor(otherKeys), options, operation) as CallOptions);
}

/**
 * The call options of already-validated options, to spread into `core.request()` /
 * `core.download()`: `signal`, `timeout` and `maxResponseBytes`, without the keys left
 * undefined. For a long job (`'job'`) `timeout` stays out: it is the job's overall deadline, not
 * a per-request one, while `signal` and `maxResponseBytes` go to every request of the job.
 *
 * @example
 * await core.request({ operation: OPERATION, method: 'GET', path, ...pickCallOptions(options) });
 * await core.request({ operation: STATUS, method: 'GET', path, ...pickCallOptions(options, 'job') });
 */
export function pickCallOptions(options: CallOptions, kind: 'call' | 'job' = 'call'): CallOptions {
  const picked: CallOptions = {};
  if (options.signal !== undefined) picked.signal = options.signal;
  if (options.timeout !== undefined && kind === 'call') picked.timeout = options.timeout;
  if (options.maxResponseBytes !== undefined) picked.maxResponseBytes = options.maxResponseBytes;
  return picked;
}
