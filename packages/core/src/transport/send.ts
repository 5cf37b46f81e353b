import type { SparkAuthContext } from '../auth/types.js';
import type { SparkConfig, SparkRequest, SparkResponse } from '../client/types.js';
import { SparkClosedError } from '../errors/closed-error.js';
import { SparkConnectionError } from '../errors/connection-error.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import { Attempt } from './attempt.js';
import { prepareBody } from './body.js';
import { classifyFailure, type FailureContext } from './classify-failure.js';
import { guardStream } from './guard-stream.js';
import type { SparkHookContext, SparkHooks } from './hooks.js';
import { readSuccess, statusError, type ResponseContext } from './read-response.js';
import { backoffMs, isRetryableStatus, MAX_RETRY_AFTER_MS, retryAfterMs } from './retry.js';
import { newRequestId } from './sdk-headers.js';
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
  const prepared = await prepareBody(request, config, engine.transport);
  const idempotent = request.idempotent ?? SAFE.has(method);
  // Credentials (and the client's extra headers) go to Spark's own origin only: never to a URL a response handed out.
  const ownOrigin = request.url === undefined || isTrustedUrl(url, config.trustedOrigins);
  const useAuth = request.auth !== false && ownOrigin;
  const timeout = request.timeout ?? config.timeout;
  const stream = request.responseType === 'stream';
  const limit = request.maxResponseBytes ?? (stream ? Infinity : config.maxResponseBytes);
  if (!(limit > 0)) throw new SparkSdkError(`${request.operation}: maxResponseBytes must be a number of bytes > 0, got ${String(request.maxResponseBytes)}`);
  const authContext: SparkAuthContext = {
    baseUrl: config.baseUrl,
    signal: request.signal,
    send: (inner) => send(engine, { ...inner, auth: false }),
  };
  const secrets = (): readonly string[] => secretsOf(engine);
  const call = { attributes: request.attributes ?? {} };
  let retries = 0;
  let refreshed = false;
  for (let attemptNo = 0; ; attemptNo++) {
    const requestId = newRequestId();
    const context: SparkHookContext = { operation: request.operation, method, url, attempt: attemptNo, requestId, call };
    const draft: Record<string, string> = { ...lower(request.headers), ...(ownOrigin ? config.headers : undefined), ...prepared.headers };
    for (const hook of hooks.beforeRequest) await hook(context, draft);
    // A credential that cannot be had (a token endpoint down or refusing) ends the call through beforeError too.
    let credentials: Record<string, string> = {};
    try {
      if (useAuth) credentials = await config.auth.authorize(authContext);
    } catch (error) {
      throw await finalError(engine, context, error as Error);
    }
    // Lower-case again after hooks: a hook's `X-Request-Id` would otherwise be sent next to (joined with) the SDK's own.
    const headers = Object.assign(hooks.beforeRequest.length > 0 ? lower(draft) : draft, engine.sdkHeaders, { 'x-request-id': requestId }, ownOrigin ? { 'x-tenant-name': config.baseUrl.tenant } : undefined, credentials);
    const started = Date.now();
    config.logger.debug(`-> ${method} ${url}`, { operation: request.operation, attempt: attemptNo, requestId });
    const attempt = new Attempt({
      url, method, headers, body: prepared.body, timeout, stream, maxBytes: limit,
      callerSignal: request.signal, closeSignal: engine.closeSignal, transport: engine.transport,
    });
    // One context for reading the answer and for classifying a failure (one allocation per attempt).
    const failure: FailureContext & ResponseContext = {
      request, operation: request.operation, method, url, requestId, timeout, maxBytes: limit, closeSignal: engine.closeSignal, secrets, hint: engine.hint,
    };
    let response;
    try {
      response = await attempt.start();
    } catch (error) {
      attempt.finish();
      const failed = classifyFailure(error, attempt.why, failure);
      if (failed instanceof SparkConnectionError && idempotent && prepared.replayable && retries < config.maxRetries) {
        retries++;
        await waitToRetry(engine, context, request, backoffMs(retries, config.retryInterval), failed.message);
        continue;
      }
      throw await finalError(engine, context, failed);
    }
    const status = response.status;
    for (const hook of hooks.afterResponse) await hook(context, { status, durationMs: Date.now() - started });
    config.logger.debug(`<- ${status} ${method} ${url} in ${Date.now() - started} ms`, { operation: request.operation, requestId });
    if (status === 401 && useAuth && config.auth.refresh) {
      // Asked after every 401, so a refused token is dropped from the cache; replayed once per call.
      let fresh: boolean;
      try {
        fresh = await config.auth.refresh(authContext, credentials);
      } catch (error) {
        throw await finalError(engine, context, error as Error);
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
        await waitToRetry(engine, context, request, asked ?? backoffMs(retries, config.retryInterval), `HTTP ${status}`);
        continue;
      }
    }
    try {
      if (status < 200 || status > 299) throw await statusError(response, failure);
      if (stream) {
        attempt.finish(true);
        const settle = (error?: unknown): Error | undefined => {
          attempt.finish();
          return error === undefined ? undefined : classifyFailure(error, attempt.why, failure);
        };
        const body = guardStream(response.body ?? new ReadableStream({ start: (c) => c.close() }), {
          idleMs: Math.min(timeout, MAX_TIMER_MS), maxBytes: limit, status, contentType: response.headers.get('content-type'),
          onIdle: () => attempt.stop('idle', new Error('idle')), settle,
        });
        for (const hook of hooks.afterCall) await hook(context, { status, data: undefined });
        return sparkResponse(status, response.headers, body as T, requestId, url);
      }
      const data = (await readSuccess(response, (request.responseType ?? 'json') as 'json' | 'text' | 'bytes', failure)) as T;
      attempt.finish();
      for (const hook of hooks.afterCall) await hook(context, { status, data });
      return sparkResponse(status, response.headers, data, requestId, url);
    } catch (error) {
      attempt.finish();
      throw await finalError(engine, context, classifyFailure(error, attempt.why, failure));
    }
  }
}

/** The secrets to mask in errors and logs: the auth strategy's and the transport's (proxy credentials). */
function secretsOf(engine: SendContext): readonly string[] {
  const own = engine.config.auth.secrets();
  const transport = engine.transport.secrets;
  return transport && transport.length > 0 ? [...own, ...transport] : own;
}

async function waitToRetry(engine: SendContext, context: SparkHookContext, request: SparkRequest, delayMs: number, reason: string): Promise<void> {
  for (const hook of engine.hooks.beforeRetry) await hook(context, { reason, delayMs });
  engine.config.logger.info(`retrying ${request.operation} in ${delayMs} ms after ${reason}`, { requestId: context.requestId });
  try {
    await sleep(delayMs, [request.signal, engine.closeSignal]);
  } catch (error) {
    // Aborted or closed while waiting: the call ends here, through beforeError like any other failure.
    throw await finalError(engine, context, engine.closeSignal.aborted && !request.signal?.aborted ? new SparkClosedError() : (error as Error));
  }
}

async function finalError(engine: SendContext, context: SparkHookContext, error: Error): Promise<Error> {
  let result = error;
  for (const hook of engine.hooks.beforeError) result = (await hook(context, result)) ?? result;
  return result;
}

async function discard(attempt: Attempt, body: ReadableStream<Uint8Array> | null): Promise<void> {
  attempt.finish();
  try { await body?.cancel(); } catch { /* already consumed or failed: nothing to release */ }
}

function lower(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers) for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}
