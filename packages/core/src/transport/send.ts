import type { SparkAuthContext } from '../auth/types.js';
import type { SparkConfig, SparkRequest, SparkResponse } from '../client/types.js';
import { SparkClosedError } from '../errors/closed-error.js';
import { SparkConnectionError } from '../errors/connection-error.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import { Attempt, MAX_TIMER_MS } from './attempt.js';
import { prepareBody } from './body.js';
import type { AttemptCall } from './attempt.js';
import { classifyFailure, type FailureContext } from './classify-failure.js';
import { guardStream } from './guard-stream.js';
import type { SparkHookCall, SparkHookContext, SparkHooks } from './hooks.js';
import { readSuccess, statusError, type ResponseContext } from './read-response.js';
import { backoffMs, isRetryableStatus, MAX_RETRY_AFTER_MS, retryAfterMs } from './retry.js';
import { newRequestId } from './sdk-headers.js';
import { sleep } from './sleep.js';
import { sparkResponse } from './spark-response.js';
import { isTrustedUrl, shownUrl, urlSecrets } from './trusted-origin.js';
import type { SparkTransport } from './types.js';
import { buildUrl } from './url.js';

/** Everything one client's requests share. */
export interface SendContext {
  config: SparkConfig;
  hooks: SparkHooks;
  transport: SparkTransport;
  closeSignal: AbortSignal;
  sdkHeaders: Record<string, string>;
  /** What to try for a connection failure (`connectionHint`); absent in the browser build. */
  hint?: ((detail: string) => string) | undefined;
}

/** One call as its attempts share it: reading the answer, classifying a failure, starting an attempt. */
type Call = FailureContext & ResponseContext & AttemptCall;

/** Makes the hooks' context of the current attempt, when a hook (or `beforeError`) is there to receive it. */
type HookContext = () => SparkHookContext;

const SAFE = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/** Sends one logical request: auth, SDK headers, retries with backoff, timeouts, error mapping. */
export async function send<T>(engine: SendContext, request: SparkRequest): Promise<SparkResponse<T>> {
  const { config, hooks } = engine;
  const url = buildUrl(config.baseUrl, request);
  const method = request.method;
  const preparing = prepareBody(request, config, engine.transport);
  const prepared = preparing instanceof Promise ? await preparing : preparing;
  const idempotent = request.idempotent ?? SAFE.has(method);
  // Credentials (and the client's extra headers) go to Spark's own origin only: never to a URL a response handed out.
  const ownOrigin = request.url === undefined || isTrustedUrl(url, config.trustedOrigins);
  const useAuth = request.auth !== false && ownOrigin;
  // What errors, logs and hooks show: a handed-out URL without its (signed) query; the transport requests `url`.
  const shown = request.url === undefined ? url : shownUrl(url, config.trustedOrigins);
  const timeout = request.timeout ?? config.timeout;
  const stream = request.responseType === 'stream';
  // What a body read into memory may hold; a streamed body is uncapped unless the call sets it.
  const cap = request.maxResponseBytes ?? config.maxResponseBytes;
  const limit = stream && request.maxResponseBytes === undefined ? Infinity : cap;
  if (!(limit > 0)) throw new SparkSdkError(`${request.operation}: maxResponseBytes must be a number of bytes > 0, got ${String(request.maxResponseBytes)}`);
  const authContext: SparkAuthContext | undefined = useAuth
    ? { baseUrl: config.baseUrl, signal: request.signal, send: (inner) => send(engine, { ...inner, auth: false }) }
    : undefined;
  // One object per call for reading the answer, classifying a failure and starting attempts
  // (its requestId moves with the attempt); the hooks' context is made per attempt, on demand.
  const call: Call = {
    request, operation: request.operation, method, url, shownUrl: shown, requestId: '', timeout, stream, maxBytes: limit,
    closeSignal: engine.closeSignal, hint: engine.hint, secrets: () => secretsOf(engine, ownOrigin ? undefined : url),
  };
  let attemptNo = -1;
  let context: SparkHookContext | undefined;
  let hookCall: SparkHookCall | undefined;
  const hookContext: HookContext = () => (context ??= {
    operation: request.operation, method, url: shown, attempt: attemptNo, requestId: call.requestId, call: (hookCall ??= { attributes: request.attributes ?? {} }),
  });
  let retries = 0;
  let refreshed = false;
  for (;;) {
    attemptNo++;
    context = undefined;
    const requestId = (call.requestId = newRequestId());
    let headers = lower(request.headers);
    if (ownOrigin) Object.assign(headers, config.headers);
    Object.assign(headers, prepared.headers);
    if (hooks.beforeRequest.length > 0) {
      for (const hook of hooks.beforeRequest) {
        // A hook that answers synchronously (auto-tracing's gate, most user hooks) costs no await.
        const pending = hook(hookContext(), headers);
        if (pending) await pending;
      }
      // Lower-case again after hooks: a hook's `X-Request-Id` would otherwise be sent next to (joined with) the SDK's own.
      headers = lower(headers);
    }
    // A credential that cannot be had (a token endpoint down or refusing) ends the call through beforeError too.
    let credentials: Record<string, string> | undefined;
    try {
      if (authContext) credentials = await config.auth.authorize(authContext);
    } catch (error) {
      throw await finalError(engine, hookContext, error as Error);
    }
    Object.assign(headers, engine.sdkHeaders);
    headers['x-request-id'] = requestId;
    if (ownOrigin) headers['x-tenant-name'] = config.baseUrl.tenant;
    // Lower-cased like every other header: a strategy's `Authorization` replaces a caller's `authorization`, not joins it.
    if (credentials) lower(credentials, headers);
    const started = Date.now();
    config.logger.debug(`-> ${method} ${shown}`, { operation: request.operation, attempt: attemptNo, requestId });
    const attempt = new Attempt(call, headers, prepared.body, engine.transport);
    let response;
    try {
      response = await attempt.start();
    } catch (error) {
      attempt.finish();
      const failed = classifyFailure(error, attempt.why, call);
      if (failed instanceof SparkConnectionError && idempotent && prepared.replayable && retries < config.maxRetries) {
        retries++;
        await waitToRetry(engine, call, hookContext, backoffMs(retries, config.retryInterval), failed.message);
        continue;
      }
      throw await finalError(engine, hookContext, failed);
    }
    const status = response.status;
    try {
      for (const hook of hooks.afterResponse) await hook(hookContext(), { status, durationMs: Date.now() - started });
    } catch (error) {
      attempt.finish();
      throw error;
    }
    config.logger.debug(`<- ${status} ${method} ${shown} in ${Date.now() - started} ms`, { operation: request.operation, requestId });
    if (status === 401 && useAuth && config.auth.refresh) {
      // Asked after every 401, so a refused token is dropped from the cache; replayed once per call.
      let fresh: boolean;
      try {
        fresh = await config.auth.refresh(authContext!, credentials ?? {});
      } catch (error) {
        attempt.finish();
        throw await finalError(engine, hookContext, error as Error);
      }
      const replay = fresh && !refreshed && prepared.replayable;
      refreshed = true;
      if (replay) {
        await discard(attempt, response.body);
        continue;
      }
    }
    if (status >= 400 && prepared.replayable && retries < config.maxRetries && isRetryableStatus(status, idempotent)) {
      const asked = retryAfterMs(response.headers);
      // A server-asked wait longer than the call's timeout is not waited out: the status error is thrown now.
      if (asked === undefined || (asked <= MAX_RETRY_AFTER_MS && asked < timeout)) {
        retries++;
        await discard(attempt, response.body);
        await waitToRetry(engine, call, hookContext, asked ?? backoffMs(retries, config.retryInterval), `HTTP ${status}`);
        continue;
      }
    }
    try {
      // An error body is read into memory, a streamed call's too.
      if (status < 200 || status > 299) throw await statusError(response, { ...call, maxBytes: cap });
      if (stream) {
        attempt.finish(true);
        const settle = (error?: unknown): Error | undefined => {
          attempt.finish();
          return error === undefined ? undefined : classifyFailure(error, attempt.why, call);
        };
        const body = guardStream(response.body ?? new ReadableStream({ start: (c) => c.close() }), {
          idleMs: Math.min(timeout, MAX_TIMER_MS), maxBytes: limit, status, contentType: response.headers.get('content-type'),
          onIdle: () => attempt.stop('idle', new Error('idle')), settle,
        });
        for (const hook of hooks.afterCall) await hook(hookContext(), { status, data: undefined });
        return sparkResponse(status, response.headers, body as T, requestId, url);
      }
      const data = (await readSuccess(response, (request.responseType ?? 'json') as 'json' | 'text' | 'bytes', call)) as T;
      attempt.finish();
      for (const hook of hooks.afterCall) await hook(hookContext(), { status, data });
      return sparkResponse(status, response.headers, data, requestId, url);
    } catch (error) {
      attempt.finish();
      throw await finalError(engine, hookContext, classifyFailure(error, attempt.why, call));
    }
  }
}

async function waitToRetry(engine: SendContext, call: Call, hookContext: HookContext, delayMs: number, reason: string): Promise<void> {
  for (const hook of engine.hooks.beforeRetry) await hook(hookContext(), { reason, delayMs });
  engine.config.logger.info(`retrying ${call.operation} in ${delayMs} ms after ${reason}`, { requestId: call.requestId });
  try {
    await sleep(delayMs, [call.request.signal, engine.closeSignal]);
  } catch (error) {
    // Aborted or closed while waiting: the call ends here, through beforeError like any other failure.
    throw await finalError(engine, hookContext, engine.closeSignal.aborted && !call.request.signal?.aborted ? new SparkClosedError() : (error as Error));
  }
}

/** The error to throw, after the beforeError hooks (the hooks' context is made only when one is registered). */
async function finalError(engine: SendContext, hookContext: HookContext, error: Error): Promise<Error> {
  let result = error;
  for (const hook of engine.hooks.beforeError) result = (await hook(hookContext(), result)) ?? result;
  return result;
}

/** The secrets to mask in errors and logs: the auth strategy's, the transport's (proxy credentials), an off-origin URL's signature. */
function secretsOf(engine: SendContext, offOrigin?: string): readonly string[] {
  const own = engine.config.auth.secrets();
  const transport = engine.transport.secrets;
  const all = transport && transport.length > 0 ? [...own, ...transport] : own;
  return offOrigin === undefined ? all : [...all, ...urlSecrets(offOrigin)];
}

async function discard(attempt: Attempt, body: ReadableStream<Uint8Array> | null): Promise<void> {
  attempt.finish();
  try { await body?.cancel(); } catch { /* already consumed or failed: nothing to release */ }
}

/** Copies `headers` into `out` (a new object by default) with lower-case names. */
function lower(headers: Record<string, string> | undefined, out: Record<string, string> = {}): Record<string, string> {
  if (headers) for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}
