import * as v from 'valibot';

/** Per-call transport options every services operation accepts. */
export interface ServiceRequestOptions {
  /** Cancels the call. */
  signal?: AbortSignal;
  /** Per-call timeout in ms (overrides the client's). */
  timeout?: number;
}

/** valibot entries of {@link ServiceRequestOptions}, spread into each operation's schema. */
export const RequestOptionsEntries = {
  signal: v.optional(v.instance(AbortSignal)),
  timeout: v.optional(v.pipe(v.number(), v.minValue(1))),
};

/** valibot entries of `SparkJobOptions` (long jobs: compile, recompile, create). */
export const JobOptionsEntries = {
  signal: v.optional(v.instance(AbortSignal)),
  pollInterval: v.optional(v.pipe(v.number(), v.minValue(0))),
  timeout: v.optional(v.pipe(v.number(), v.minValue(1))),
  onProgress: v.optional(v.function()),
};

/** A non-empty string (after trimming). */
export const NonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'must be a non-empty string'));
