import type { SparkAuthContext } from '../auth/types.js';
import type { SparkConfig, SparkRequest } from '../client/types.js';
import { writes } from '../config/logger.js';
import { SparkClosedError } from '../errors/closed-error.js';
import type { Attempt, AttemptCall } from './attempt.js';
import type { FailureContext } from './classify-failure.js';
import type { SparkHookCall, SparkHookContext, SparkHooks } from './hooks.js';
import type { ResponseContext } from './read-response.js';
import { sleep } from './sleep.js';
import type { SparkTransport } from './types.js';

/** Everything one client's requests share. */
export interface SendContext {
  config: SparkConfig;
  hooks: SparkHooks;
  transport: SparkTransport;
  closeSignal: AbortSignal;
  sdkHeaders: Record<string, string>;
  /** What to try for a connection failure (`connectionHint`); absent in the browser build. */
  hint?: ((detail: string) => string) | undefined;
  /** The auth context of calls without a signal of their own (made on first use, one per client). */
  auth?: SparkAuthContext | undefined;
  /** The secrets to mask, asked only when an error is built (made on first use, one per client). */
  secrets?: (() => readonly string[]) | undefined;
}

/**
 * One call as its attempts share it: reading the answer, classifying a failure, starting an
 * attempt, the hooks' context. It keeps what the attempts need of the request, not the request itself
 * (whose JSON body is already serialised): at 32 calls in flight every object a call holds
 * while it waits survives a young-generation collection.
 */
export type Call = FailureContext & ResponseContext & AttemptCall & CallState;

/** What a {@link Call} keeps besides what the readers, the classifier and the attempts ask for. */
interface CallState {
  /** The caller's own headers (`SparkRequest.headers`). */
  readonly callerHeaders: Record<string, string> | undefined;
  readonly attributes: SparkRequest['attributes'];
  readonly type: 'json' | 'text' | 'bytes' | 'stream';
  /** Credentials and the client's headers go to Spark's own origin only. */
  readonly ownOrigin: boolean;
  /** The auth context, when the call carries credentials. */
  readonly auth: SparkAuthContext | undefined;
  readonly idempotent: boolean;
  /** What an error body read into memory may hold. */
  readonly cap: number;
  attempt: number;
  /** Retries so far (network failures and retryable statuses). */
  retries: number;
  /** Whether a 401 already asked the strategy for fresh credentials. */
  refreshed: boolean;
  context: SparkHookContext | undefined;
  hookCall: SparkHookCall | undefined;
}

/** The hooks' context of the call's current attempt, made when a hook (or `beforeError`) is there to receive it. */
export function hookContext(call: Call): SparkHookContext {
  return (call.context ??= {
    operation: call.operation, method: call.method, url: call.shownUrl, attempt: call.attempt, requestId: call.requestId,
    call: (call.hookCall ??= { attributes: call.attributes ?? {} }),
  });
}

/** The error to throw, after the beforeError hooks (the hooks' context is made only when one is registered). */
export async function finalError(engine: SendContext, call: Call, error: Error): Promise<Error> {
  let result = error;
  for (const hook of engine.hooks.beforeError) result = (await hook(hookContext(call), result)) ?? result;
  return result;
}

/** Waits before the next attempt (beforeRetry hooks, then the delay, cut short by the caller's or the client's abort). */
export async function waitToRetry(engine: SendContext, call: Call, delayMs: number, reason: string): Promise<void> {
  for (const hook of engine.hooks.beforeRetry) await hook(hookContext(call), { reason, delayMs });
  engine.config.logger.info(`retrying ${call.operation} in ${delayMs} ms after ${reason}`, { requestId: call.requestId });
  const signal = call.signal;
  try {
    await sleep(delayMs, [signal, engine.closeSignal]);
  } catch (error) {
    // Aborted or closed while waiting: the call ends here, through beforeError like any other failure.
    throw await finalError(engine, call, engine.closeSignal.aborted && !signal?.aborted ? new SparkClosedError() : (error as Error));
  }
}

/** The secrets to mask in errors and logs: the auth strategy's and the transport's (proxy credentials). */
export function secretsOf(engine: SendContext): () => readonly string[] {
  return (engine.secrets ??= () => {
    const own = engine.config.auth.secrets();
    const transport = engine.transport.secrets;
    return transport && transport.length > 0 ? [...own, ...transport] : own;
  });
}

/** A `beforeRequest` hook that can say it has nothing to do for now (so no hook context is made for it). */
export type DormantHook = SparkHooks['beforeRequest'][number] & { dormant?: () => boolean };

/** Copies `headers` into `out` (a new object by default) with lower-case names. */
export function lower(headers: Readonly<Record<string, string>> | undefined, out: Record<string, string> = {}): Record<string, string> {
  // for…in, not Object.entries: no array per header on every attempt. It also walks inherited
  // enumerable keys, which the plain objects given here (literals, JSON) do not have.
  if (headers) for (const k in headers) out[k.toLowerCase()] = headers[k]!;
  return out;
}

/** Whether a `beforeRequest` hook has work to do: a dormant one is skipped, and no hook context is made for it. */
export function awake(hook: DormantHook): boolean {
  return !hook.dormant?.();
}

/** Runs the awake `beforeRequest` hooks, then lower-cases what they set (a hook's `X-Request-Id` must replace the SDK's, not join it). */
export async function hookedHeaders(engine: SendContext, call: Call, headers: Record<string, string>): Promise<Record<string, string>> {
  for (const hook of engine.hooks.beforeRequest) {
    if (!awake(hook)) continue;
    // A hook that answers synchronously (most user hooks) costs no await.
    const pending = hook(hookContext(call), headers);
    if (pending) await pending;
  }
  return lower(headers);
}

/** Logs an attempt's answer at debug level (the line is built only when debug logging is on). */
export function logAnswer(engine: SendContext, call: Call, status: number, started: number): void {
  const log = engine.config.logger;
  if (writes(log.debug)) log.debug(`<- ${status} ${call.method} ${call.shownUrl} in ${Date.now() - started} ms`, { operation: call.operation, requestId: call.requestId });
}

/** Ends an attempt whose answer is not used, releasing its body. */
export async function discard(attempt: Attempt, body: ReadableStream<Uint8Array> | null): Promise<void> {
  attempt.finish();
  try { await body?.cancel(); } catch { /* already consumed or failed: nothing to release */ }
}
