import type { SparkResponse } from '../client/types.js';
import { MAX_TIMER_MS, type Attempt } from './attempt.js';
import type { Prepared } from './body.js';
import { classifyFailure } from './classify-failure.js';
import { guardStream } from './guard-stream.js';
import { readSuccess, statusError } from './read-response.js';
import { backoffMs, isRetryableStatus, MAX_RETRY_AFTER_MS, retryAfterMs } from './retry.js';
import { discard, finalError, hookContext, logAnswer, waitToRetry, type Call, type SendContext } from './send-call.js';
import { sparkResponse } from './spark-response.js';
import type { TransportResponse } from './types.js';

/**
 * What an attempt's response comes to: the call's response, or `undefined` to try again (a 401 with fresh
 * credentials, a retryable status). Its own function, so the frame a waiting call holds is small;
 * a 2xx body the Node pool has read, with no `afterResponse` or `afterCall` hook, is answered
 * without a promise.
 */
export function answered<T>(
  engine: SendContext, call: Call, prepared: Prepared, attempt: Attempt, response: TransportResponse,
  credentials: Record<string, string> | undefined, started: number,
): SparkResponse<T> | Promise<SparkResponse<T> | undefined> {
  const { hooks } = engine;
  const status = response.status;
  if (status < 200 || status > 299 || call.stream || !response.rawBody || hooks.afterResponse.length > 0 || hooks.afterCall.length > 0) {
    return answeredLater<T>(engine, call, prepared, attempt, response, credentials, started);
  }
  logAnswer(engine, call, status, started);
  let data: T;
  try {
    data = readSuccess(response, call.type as 'json' | 'text' | 'bytes', call) as T;
  } catch (error) {
    attempt.finish();
    return finalError(engine, call, classifyFailure(error, attempt.why, call)).then((final) => Promise.reject(final));
  }
  attempt.finish();
  return sparkResponse(status, response.headers, data, call.requestId, call.url);
}

/** {@link answered} for every other response: hooks, 401 refresh, retryable statuses, errors, streams. */
async function answeredLater<T>(
  engine: SendContext, call: Call, prepared: Prepared, attempt: Attempt, response: TransportResponse,
  credentials: Record<string, string> | undefined, started: number,
): Promise<SparkResponse<T> | undefined> {
  const { config, hooks } = engine;
  const status = response.status;
  try {
    for (const hook of hooks.afterResponse) await hook(hookContext(call), { status, durationMs: Date.now() - started });
  } catch (error) {
    attempt.finish();
    throw error;
  }
  logAnswer(engine, call, status, started);
  if (status === 401 && call.auth && config.auth.refresh) {
    // Asked after every 401, so a refused token is dropped from the cache; replayed once per call.
    let fresh: boolean;
    try {
      fresh = await config.auth.refresh(call.auth, credentials ?? {});
    } catch (error) {
      attempt.finish();
      throw await finalError(engine, call, error as Error);
    }
    const replay = fresh && !call.refreshed && prepared.replayable;
    call.refreshed = true;
    if (replay) {
      await discard(attempt, response.body);
      return undefined;
    }
  }
  if (status >= 400 && prepared.replayable && call.retries < config.maxRetries && isRetryableStatus(status, call.idempotent)) {
    const asked = retryAfterMs(response.headers);
    // A server-asked wait longer than the call's timeout is not waited out: the status error is thrown now.
    if (asked === undefined || (asked <= MAX_RETRY_AFTER_MS && asked < call.timeout)) {
      call.retries++;
      await discard(attempt, response.body);
      await waitToRetry(engine, call, asked ?? backoffMs(call.retries, config.retryInterval), `HTTP ${status}`);
      return undefined;
    }
  }
  try {
    // An error body is read into memory, a streamed call's too.
    if (status < 200 || status > 299) throw await statusError(response, { ...call, maxBytes: call.cap });
    if (call.stream) {
      attempt.finish(true);
      const settle = (error?: unknown): Error | undefined => {
        attempt.finish();
        return error === undefined ? undefined : classifyFailure(error, attempt.why, call);
      };
      const body = guardStream(response.body ?? new ReadableStream({ start: (c) => c.close() }), {
        idleMs: Math.min(call.timeout, MAX_TIMER_MS), maxBytes: call.maxBytes, status, contentType: response.headers.get('content-type'),
        onIdle: () => attempt.stop('idle', new Error('idle')), settle,
      });
      for (const hook of hooks.afterCall) await hook(hookContext(call), { status, data: undefined });
      return sparkResponse(status, response.headers, body as T, call.requestId, call.url);
    }
    // The Node pool's answer is read already: shaped without an await.
    const read = readSuccess(response, call.type as 'json' | 'text' | 'bytes', call);
    const data = (read instanceof Promise ? await read : read) as T;
    attempt.finish();
    for (const hook of hooks.afterCall) await hook(hookContext(call), { status, data });
    return sparkResponse(status, response.headers, data, call.requestId, call.url);
  } catch (error) {
    attempt.finish();
    throw await finalError(engine, call, classifyFailure(error, attempt.why, call));
  }
}
