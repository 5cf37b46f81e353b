import type { SparkAuthContext } from '../auth/types.js';
import type { SparkConfig, SparkRequest, SparkResponse } from '../client/types.js';
import { SparkClosedError } from '../errors/closed-error.js';
import { SparkConnectionError } from '../errors/connection-error.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import { silentLogger } from '../config/logger.js';
import { Attempt } from './attempt.js';
import { prepareBody } from './body.js';
import { Call } from './call.js';
import { classifyFailure } from './classify-failure.js';
import { guardStream } from './guard-stream.js';
import type { SparkHooks } from './hooks.js';
import { readSuccess, statusError } from './read-response.js';
import { backoffMs, isRetryableStatus, MAX_RETRY_AFTER_MS, retryAfterMs } from './retry.js';
import { sleep } from './sleep.js';
import { sparkResponse } from './spark-response.js';
import { isTrustedUrl } from './trusted-origin.js';
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

const SAFE = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const MAX_TIMER_MS = 2_147_483_647;

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
  const timeout = request.timeout ?? config.timeout;
  const stream = request.responseType === 'stream';
  const limit = request.maxResponseBytes ?? (stream ? Infinity : config.maxResponseBytes);
  if (!(limit > 0)) throw new SparkSdkError(`${request.operation}: maxResponseBytes must be a number of bytes > 0, got ${String(request.maxResponseBytes)}`);
  const authContext: SparkAuthContext | undefined = useAuth
    ? { baseUrl: config.baseUrl, signal: request.signal, send: (inner) => send(engine, { ...inner, auth: false }) }
    : undefined;
  // One object per call for reading the answer, classifying a failure and starting attempts.
  const call = new Call(engine, request, url, timeout, stream, limit);
  const debug = config.logger.debug === silentLogger.debug ? undefined : config.logger.debug;
  const timed = debug !== undefined || hooks.afterResponse.length > 0;
  let retries = 0;
  let refreshed = false;
  for (;;) {
    call.next();
    const requestId = call.requestId;
    let headers: Record<string, string> = {};
    if (request.headers) for (const key of Object.keys(request.headers)) headers[key.toLowerCase()] = request.headers[key]!;
    if (ownOrigin) Object.assign(headers, config.headers);
    if (prepared.contentType !== undefined) headers['content-type'] = prepared.contentType;
    if (prepared.gzipped) headers['content-encoding'] = 'gzip';
    if (hooks.beforeRequest.length > 0) {
      for (const hook of hooks.beforeRequest) {
        // A hook that answers synchronously (auto-tracing's gate, most user hooks) costs no await.
        const pending = hook(call.context, headers);
        if (pending) await pending;
      }
      // Lower-case again after hooks: a hook's `X-Request-Id` would otherwise be sent next to (joined with) the SDK's own.
      // (Only when a name has capitals: a copy of already lower-case headers is the same headers.)
      if (hasCapitals(headers)) headers = lower(headers);
    }
    // A credential that cannot be had (a token endpoint down or refusing) ends the call through beforeError too.
    let credentials: Record<string, string> | undefined;
    try {
      if (authContext) credentials = await config.auth.authorize(authContext);
    } catch (error) {
      throw await finalError(engine, call, error as Error);
    }
    Object.assign(headers, engine.sdkHeaders);
    headers['x-request-id'] = requestId;
    if (ownOrigin) headers['x-tenant-name'] = config.baseUrl.tenant;
    if (credentials) Object.assign(headers, credentials);
    const started = timed ? Date.now() : 0;
    debug?.(`-> ${method} ${url}`, { operation: request.operation, attempt: call.attempt, requestId });
    const attempt = new Attempt(call, headers, prepared.body, engine.transport);
    let response;
    try {
      response = await attempt.start();
    } catch (error) {
      attempt.finish();
      const failed = classifyFailure(error, attempt.why, call);
      if (failed instanceof SparkConnectionError && idempotent && prepared.replayable && retries < config.maxRetries) {
        retries++;
        await waitToRetry(engine, call, backoffMs(retries, config.retryInterval), failed.message);
        continue;
      }
      throw await finalError(engine, call, failed);
    }
    const status = response.status;
    for (const hook of hooks.afterResponse) await hook(call.context, { status, durationMs: Date.now() - started });
    debug?.(`<- ${status} ${method} ${url} in ${Date.now() - started} ms`, { operation: request.operation, requestId });
    if (status === 401 && useAuth && config.auth.refresh) {
      // Asked after every 401, so a refused token is dropped from the cache; replayed once per call.
      let fresh: boolean;
      try {
        fresh = await config.auth.refresh(authContext!, credentials ?? {});
      } catch (error) {
        throw await finalError(engine, call, error as Error);
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
        await waitToRetry(engine, call, asked ?? backoffMs(retries, config.retryInterval), `HTTP ${status}`);
        continue;
      }
    }
    try {
      if (status < 200 || status > 299) throw await statusError(response, call);
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
        for (const hook of hooks.afterCall) await hook(call.context, { status, data: undefined });
        return sparkResponse(status, response.headers, body as T, requestId, url);
      }
      const data = (await readSuccess(response, (request.responseType ?? 'json') as 'json' | 'text' | 'bytes', call)) as T;
      attempt.finish();
      for (const hook of hooks.afterCall) await hook(call.context, { status, data });
      return sparkResponse(status, response.headers, data, requestId, url);
    } catch (error) {
      attempt.finish();
      throw await finalError(engine, call, classifyFailure(error, attempt.why, call));
    }
  }
}

async function waitToRetry(engine: SendContext, call: Call, delayMs: number, reason: string): Promise<void> {
  for (const hook of engine.hooks.beforeRetry) await hook(call.context, { reason, delayMs });
  engine.config.logger.info(`retrying ${call.operation} in ${delayMs} ms after ${reason}`, { requestId: call.requestId });
  try {
    await sleep(delayMs, [call.callerSignal, engine.closeSignal]);
  } catch (error) {
    // Aborted or closed while waiting: the call ends here, through beforeError like any other failure.
    throw await finalError(engine, call, engine.closeSignal.aborted && !call.callerSignal?.aborted ? new SparkClosedError() : (error as Error));
  }
}

/** The error to throw, after the beforeError hooks (the hooks' context is made only when one is registered). */
async function finalError(engine: SendContext, call: Call, error: Error): Promise<Error> {
  let result = error;
  for (const hook of engine.hooks.beforeError) result = (await hook(call.context, result)) ?? result;
  return result;
}

async function discard(attempt: Attempt, body: ReadableStream<Uint8Array> | null): Promise<void> {
  attempt.finish();
  try { await body?.cancel(); } catch { /* already consumed or failed: nothing to release */ }
}

function hasCapitals(headers: Record<string, string>): boolean {
  for (const key in headers) if (key.toLowerCase() !== key) return true;
  return false;
}

function lower(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}
