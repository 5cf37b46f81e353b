import type { SparkAuthContext } from '../auth/types.js';
import type { SparkRequest, SparkResponse } from '../client/types.js';
import { writes } from '../config/logger.js';
import { SparkConnectionError } from '../errors/connection-error.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import { Attempt } from './attempt.js';
import { prepareBody, type Prepared } from './body.js';
import { classifyFailure } from './classify-failure.js';
import { isByteCount } from './byte-count.js';
import { backoffMs } from './retry.js';
import { newRequestId } from './sdk-headers.js';
import { answered } from './send-answer.js';
import { awake, finalError, hookedHeaders, lower, secretsOf, waitToRetry, type Call, type SendContext } from './send-call.js';
import { isTrustedUrl, shownUrl, urlSecrets } from './trusted-origin.js';
import type { TransportResponse } from './types.js';
import { buildUrl } from './url.js';

const SAFE = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/**
 * Sends one logical request: auth, SDK headers, retries with backoff, timeouts, error mapping.
 * Not async itself: what it works out from the request goes into one {@link Call}, and the
 * attempts run in {@link run}, so a call in flight holds one async frame, not the request.
 */
export function send<T>(engine: SendContext, request: SparkRequest, settled?: () => void): Promise<SparkResponse<T>> {
  try {
    const config = engine.config;
    const url = buildUrl(config.baseUrl, request);
    const method = request.method;
    const preparing = prepareBody(request, config, engine.transport);
    // Credentials (and the client's extra headers) go to Spark's own origin only: never to a URL a response handed out.
    const ownOrigin = request.url === undefined || isTrustedUrl(url, config.trustedOrigins);
    // What errors, logs and hooks show: a handed-out URL without its (signed) query; the transport requests `url`.
    const shown = request.url === undefined ? url : shownUrl(url, config.trustedOrigins);
    const type = request.responseType ?? 'json';
    const stream = type === 'stream';
    // What a body read into memory may hold; a streamed body is uncapped unless the call sets it.
    const own = request.maxResponseBytes;
    if (own !== undefined && !isByteCount(own)) throw new SparkSdkError(`${request.operation}: maxResponseBytes must be a whole number of bytes > 0, got ${String(own)}`);
    const cap = own ?? config.maxResponseBytes;
    const limit = stream && own === undefined ? Infinity : cap;
    const signal = request.signal;
    const call: Call = {
      operation: request.operation, method, signal, url, shownUrl: shown, requestId: '',
      timeout: request.timeout ?? config.timeout, stream, maxBytes: limit, cap, closeSignal: engine.closeSignal, hint: engine.hint,
      secrets: ownOrigin ? secretsOf(engine) : () => [...secretsOf(engine)(), ...urlSecrets(url)], callerHeaders: request.headers, attributes: request.attributes, type, ownOrigin,
      // One auth context per client for calls without a signal of their own.
      auth: request.auth !== false && ownOrigin ? (signal ? authContext(engine, signal) : (engine.auth ??= authContext(engine, undefined))) : undefined,
      idempotent: request.idempotent ?? SAFE.has(method), attempt: -1, retries: 0, refreshed: false, context: undefined, hookCall: undefined,
    };
    if (!(preparing instanceof Promise)) return run<T>(engine, call, preparing, settled);
    return preparing.then((prepared) => run<T>(engine, call, prepared, settled), (error: unknown) => {
      settled?.();
      throw error;
    });
  } catch (error) {
    settled?.();
    return Promise.reject(error);
  }
}

/** The attempts of one call, until one answers or the call fails. */
async function run<T>(engine: SendContext, call: Call, prepared: Prepared, settled: (() => void) | undefined): Promise<SparkResponse<T>> {
  try {
    for (;;) {
      call.attempt++;
      call.context = undefined;
      const requestId = (call.requestId = newRequestId());
      let headers = lower(call.callerHeaders);
      if (call.ownOrigin) Object.assign(headers, engine.config.headers);
      Object.assign(headers, prepared.headers);
      // Awaited only when a hook is awake (auto-tracing's gate sleeps until OpenTelemetry is set up).
      if (engine.hooks.beforeRequest.some(awake)) headers = await hookedHeaders(engine, call, headers);
      let credentials: Record<string, string> | undefined;
      if (call.auth) {
        // A credential that cannot be had (a token endpoint down or refusing) ends the call through beforeError too.
        try {
          // A strategy that answers synchronously (an API key, a fixed token) costs no await.
          const authorized = engine.config.auth.authorize(call.auth);
          credentials = authorized instanceof Promise ? await authorized : authorized;
        } catch (error) {
          throw await finalError(engine, call, error as Error);
        }
      }
      Object.assign(headers, engine.sdkHeaders);
      headers['x-request-id'] = requestId;
      if (call.ownOrigin) headers['x-tenant-name'] = engine.config.baseUrl.tenant;
      // Lower-cased like every other header: a strategy's `Authorization` replaces a caller's `authorization`, not joins it.
      if (credentials) lower(credentials, headers);
      const started = Date.now();
      // Built only when debug logging is on (two strings and objects per attempt otherwise).
      if (writes(engine.config.logger.debug)) engine.config.logger.debug(`-> ${call.method} ${call.shownUrl}`, { operation: call.operation, attempt: call.attempt, requestId });
      const attempt = new Attempt(call, headers, prepared.body, engine.transport);
      let response: TransportResponse;
      try {
        response = await attempt.start();
      } catch (error) {
        attempt.finish();
        const failed = classifyFailure(error, attempt.why, call);
        if (failed instanceof SparkConnectionError && call.idempotent && prepared.replayable && call.retries < engine.config.maxRetries) {
          await waitToRetry(engine, call, backoffMs(++call.retries, engine.config.retryInterval), failed.message);
          continue;
        }
        throw await finalError(engine, call, failed);
      }
      const answering = answered<T>(engine, call, prepared, attempt, response, credentials, started);
      const answer = answering instanceof Promise ? await answering : answering;
      if (answer) return answer;
    }
  } finally {
    // The client's count of calls in flight (close() and closeGracefully() wait on it).
    settled?.();
  }
}

/** The auth context of a call: what a strategy may use (the base URL, the call's signal, a credential-free send). */
function authContext(engine: SendContext, signal: AbortSignal | undefined): SparkAuthContext {
  return { baseUrl: engine.config.baseUrl, signal, send: (inner) => send(engine, { ...inner, auth: false }) };
}
