/** What every hook is told about the request it observes. Headers never include credentials. */
export interface SparkHookContext {
  /** Operation id, e.g. `services.execute`. */
  readonly operation: string;
  readonly method: string;
  /** The URL as errors show it: one off the client's trusted origins (a presigned URL) has its query as `?…`. */
  readonly url: string;
  /** 0 for the first attempt, then 1, 2, … */
  readonly attempt: number;
  readonly requestId: string;
  /** The logical call this attempt belongs to: the same object for every attempt of one call. */
  readonly call: SparkHookCall;
}

/** One logical call (all its attempts), as hooks see it. */
export interface SparkHookCall {
  /** Facts the operation gave about itself (`SparkRequest.attributes`, e.g. `spark.service.uri`). */
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
}

/**
 * SDK-owned hooks (not ky's): observe or tweak every request of a client.
 *
 * @example
 * createClient({ ...opts, hooks: { afterResponse: [(ctx, r) => metrics.observe(ctx.operation, r.durationMs)] } });
 */
export interface SparkHooks {
  /**
   * Before each attempt; may add or change (non-SDK) headers. A hook function carrying a
   * `dormant()` method that returns `true` is skipped for that attempt (no context is made for it).
   */
  beforeRequest: Array<(context: SparkHookContext, headers: Record<string, string>) => void | Promise<void>>;
  /** After each attempt's response headers arrive. */
  afterResponse: Array<(context: SparkHookContext, response: { status: number; durationMs: number }) => void | Promise<void>>;
  /** Before waiting to retry. */
  beforeRetry: Array<(context: SparkHookContext, retry: { reason: string; delayMs: number }) => void | Promise<void>>;
  /** Once per call, when it succeeds, with the final status and the body as read (`undefined` for a stream). */
  afterCall: Array<(context: SparkHookContext, response: { status: number; data: unknown }) => void | Promise<void>>;
  /** Before an error is thrown; may return a replacement error. */
  beforeError: Array<(context: SparkHookContext, error: Error) => Error | void | Promise<Error | void>>;
}

/** Builds a complete hooks object from a partial one. */
export function resolveHooks(hooks: Partial<SparkHooks> | undefined): SparkHooks {
  return {
    beforeRequest: [...(hooks?.beforeRequest ?? [])],
    afterResponse: [...(hooks?.afterResponse ?? [])],
    beforeRetry: [...(hooks?.beforeRetry ?? [])],
    beforeError: [...(hooks?.beforeError ?? [])],
    afterCall: [...(hooks?.afterCall ?? [])],
  };
}
