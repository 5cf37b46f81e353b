import type { SparkAuthContext } from '../auth/types.js';
import type { SparkConfig, SparkRequest, SparkResponse } from '../client/types.js';
import { createApiError } from '../errors/api-errors.js';
import { SparkClosedError } from '../errors/closed-error.js';
import { SparkConnectionError } from '../errors/connection-error.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import { isSparkError } from '../errors/spark-error.js';
import { SparkTimeoutError } from '../errors/timeout-error.js';
import { startAttempt, type Attempt } from './attempt.js';
import { prepareBody } from './body.js';
import type { SparkHookContext, SparkHooks } from './hooks.js';
import { backoffMs, isRetryableStatus, MAX_RETRY_AFTER_MS, retryAfterMs } from './retry.js';
import { newRequestId } from './sdk-headers.js';
import { scrub } from './scrub.js';
import { sleep } from './sleep.js';
import { onSettled } from './settled-stream.js';
import { sparkResponse, toHeaders } from './spark-response.js';
import type { SparkTransport } from './types.js';
import { buildUrl } from './url.js';

/** Everything one client's requests share. */
export interface SendContext {
  config: SparkConfig;
  hooks: SparkHooks;
  transport: SparkTransport;
  closeSignal: AbortSignal;
  sdkHeaders: Record<string, string>;
}

const SAFE = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/** Sends one logical request: auth, SDK headers, retries with backoff, timeouts, error mapping. */
export async function send<T>(engine: SendContext, request: SparkRequest): Promise<SparkResponse<T>> {
  const { config, hooks } = engine;
  const url = buildUrl(config.baseUrl, request);
  const method = request.method;
  const prepared = await prepareBody(request, config, engine.transport);
  const idempotent = request.idempotent ?? SAFE.has(method);
  const useAuth = request.auth !== false;
  const timeout = request.timeout ?? config.timeout;
  const authContext: SparkAuthContext = {
    baseUrl: config.baseUrl,
    signal: request.signal,
    send: (inner) => send(engine, { ...inner, auth: false }),
  };
  let retries = 0;
  let refreshed = false;
  for (let attemptNo = 0; ; attemptNo++) {
    const requestId = newRequestId();
    const context: SparkHookContext = { operation: request.operation, method, url, attempt: attemptNo, requestId };
    const draft: Record<string, string> = { ...lower(request.headers), ...config.headers, ...prepared.headers };
    for (const hook of hooks.beforeRequest) await hook(context, draft);
    const credentials = useAuth ? await config.auth.authorize(authContext) : {};
    // Lower-case again after hooks: a hook's `X-Request-Id` would otherwise be sent next to (joined with) the SDK's own.
    const headers = Object.assign(hooks.beforeRequest.length > 0 ? lower(draft) : draft, engine.sdkHeaders, { 'x-request-id': requestId, 'x-tenant-name': config.baseUrl.tenant }, credentials);
    const started = Date.now();
    config.logger.debug(`-> ${method} ${url}`, { operation: request.operation, attempt: attemptNo, requestId });
    let attempt: Attempt;
    try {
      attempt = await startAttempt({
        url, method, headers, body: prepared.body, timeout, stream: request.responseType === 'stream',
        callerSignal: request.signal, closeSignal: engine.closeSignal, transport: engine.transport,
      });
    } catch (error) {
      const failure = classify(error, engine, request, url, requestId, timeout);
      if (failure instanceof SparkConnectionError && idempotent && prepared.replayable && retries < config.maxRetries) {
        retries++;
        await waitToRetry(engine, context, request, backoffMs(retries, config.retryInterval), failure.message);
        continue;
      }
      throw await finalError(engine, context, failure);
    }
    const { response } = attempt;
    const status = response.status;
    for (const hook of hooks.afterResponse) await hook(context, { status, durationMs: Date.now() - started });
    config.logger.debug(`<- ${status} ${method} ${url} in ${Date.now() - started} ms`, { operation: request.operation, requestId });
    if (status === 401 && useAuth && !refreshed && config.auth.refresh) {
      refreshed = true;
      if (prepared.replayable && (await config.auth.refresh(authContext, credentials))) {
        await discard(attempt);
        continue;
      }
    }
    if (status >= 400 && prepared.replayable && retries < config.maxRetries && isRetryableStatus(status, idempotent)) {
      const asked = retryAfterMs(response.headers);
      if (asked === undefined || asked <= MAX_RETRY_AFTER_MS) {
        retries++;
        await discard(attempt);
        await waitToRetry(engine, context, request, asked ?? backoffMs(retries, config.retryInterval), `HTTP ${status}`);
        continue;
      }
    }
    try {
      if (status >= 400) {
        // Read as text and parse leniently: a broken JSON error body must not hide the status.
        const body = looseJson((await attempt.read('text')) as string, response.headers.get('content-type'));
        const secrets = config.auth.secrets();
        throw createApiError(request.operation, {
          status, method, url, requestId, headers: toHeaders(response.headers), secrets, body: scrubBody(body, secrets),
        });
      }
      const type = request.responseType ?? 'json';
      if (type === 'stream') {
        attempt.finish(true);
        const settle = (error?: unknown): Error | undefined => {
          attempt.finish();
          return error === undefined ? undefined : classify(error, engine, request, url, requestId, timeout, attempt.cause());
        };
        const stream = onSettled(response.body ?? emptyStream(), settle);
        return sparkResponse(status, response.headers, stream as T, requestId, url);
      }
      const data = (await attempt.read(type)) as T;
      return sparkResponse(status, response.headers, data, requestId, url);
    } catch (error) {
      throw await finalError(engine, context, isSparkError(error) ? error : classify(error, engine, request, url, requestId, timeout));
    }
  }
}

function classify(
  error: unknown, engine: SendContext, request: SparkRequest, url: string, requestId: string, timeout: number,
  cause = (error as { sparkCause?: string } | undefined)?.sparkCause,
): Error {
  if (cause === 'caller') return (request.signal?.reason as Error) ?? new DOMException('This operation was aborted', 'AbortError');
  if (cause === 'closed' || engine.closeSignal.aborted) return new SparkClosedError();
  if (cause === 'timeout') return new SparkTimeoutError(`${request.operation} timed out after ${timeout} ms (${request.method} ${url})`, timeout, url, requestId);
  if (isSparkError(error)) return error;
  if (error instanceof SyntaxError) return new SparkSdkError(`${request.operation}: Spark answered with invalid JSON (${url})`, { cause: error.message });
  // Runtime messages may quote a header value verbatim (e.g. `Headers.append: "<key>" is an invalid header value`).
  const secrets = engine.config.auth.secrets();
  if (error instanceof TypeError && /header|url|invalid/i.test(error.message) && !/fetch failed/i.test(error.message)) {
    return new SparkSdkError(`${request.operation}: invalid request (${scrub(error.message, secrets)})`);
  }
  const detail = scrub(describe(error), secrets);
  return new SparkConnectionError(`${request.operation} could not reach ${url}: ${detail}`, request.method, url, requestId, { cause: detail });
}

function describe(error: unknown): string {
  const e = error as { message?: string; code?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code;
  const message = e.cause?.message ?? e.message ?? String(error);
  return code && !message.includes(code) ? `${code} ${message}` : message;
}

async function waitToRetry(engine: SendContext, context: SparkHookContext, request: SparkRequest, delayMs: number, reason: string): Promise<void> {
  for (const hook of engine.hooks.beforeRetry) await hook(context, { reason, delayMs });
  engine.config.logger.info(`retrying ${request.operation} in ${delayMs} ms after ${reason}`, { requestId: context.requestId });
  try {
    await sleep(delayMs, [request.signal, engine.closeSignal]);
  } catch (error) {
    throw engine.closeSignal.aborted && !request.signal?.aborted ? new SparkClosedError() : error;
  }
}

async function finalError(engine: SendContext, context: SparkHookContext, error: Error): Promise<Error> {
  let result = error;
  for (const hook of engine.hooks.beforeError) result = (await hook(context, result)) ?? result;
  return result;
}

async function discard(attempt: Attempt): Promise<void> {
  attempt.finish();
  try { await attempt.response.body?.cancel(); } catch { /* already consumed or failed: nothing to release */ }
}

function scrubBody(body: unknown, secrets: readonly string[]): unknown {
  if (secrets.length === 0 || body === null || body === undefined) return body;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const clean = scrub(text, secrets);
  return clean === text ? body : typeof body === 'string' ? clean : JSON.parse(clean);
}

function lower(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers) for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}

function looseJson(text: string, contentType: string | null): unknown {
  if (text === '') return null;
  if (!contentType?.includes('json')) return text;
  try { return JSON.parse(text); } catch { return text; }
}

function emptyStream(): ReadableStream<Uint8Array> {
  return new ReadableStream({ start: (c) => c.close() });
}
