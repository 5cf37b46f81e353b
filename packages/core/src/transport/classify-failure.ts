import { SparkClosedError } from '../errors/closed-error.js';
import { SparkConnectionError } from '../errors/connection-error.js';
import { SparkResponseTooLargeError, SparkUnexpectedResponseError } from '../errors/response-errors.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import { isSparkError } from '../errors/spark-error.js';
import { SparkTimeoutError } from '../errors/timeout-error.js';
import type { AbortCause } from './attempt.js';
import { BodyTooLarge, isCorruptEncoding } from './body-failures.js';
import { scrub } from './scrub.js';

/** What a failure is classified against: the call and its attempt. */
export interface FailureContext {
  operation: string;
  method: string;
  /** The caller's signal: its reason is what an aborted call rejects with. */
  signal?: AbortSignal | undefined;
  url: string;
  /** `url` as errors show it (`shownUrl`: a handed-out URL without its signed query). */
  shownUrl: string;
  requestId: string;
  timeout: number;
  closeSignal: AbortSignal;
  /** The secrets to mask (asked only when an error is built). */
  secrets(): readonly string[];
  /** What to try for a connection failure (`connectionHint`); the browser build has none: a page never sees socket error codes. */
  hint?: ((detail: string) => string) | undefined;
}

/**
 * Turns whatever an attempt threw into the error a caller sees: the caller's own abort reason,
 * `SparkClosedError`, `SparkTimeoutError`, a response error (too large, corrupt encoding; never
 * retried), `SparkSdkError` for a request the runtime refused, else `SparkConnectionError`
 * (the only class retried as a network failure). Secrets are masked in every message.
 *
 * @example
 * throw classifyFailure(error, attempt.why, context);
 */
export function classifyFailure(error: unknown, why: AbortCause, context: FailureContext): Error {
  const { operation, method, shownUrl: url, requestId, timeout } = context;
  if (why === 'caller') return (context.signal?.reason as Error) ?? new DOMException('This operation was aborted', 'AbortError');
  if (why === 'closed' || context.closeSignal.aborted) return new SparkClosedError();
  if (why === 'timeout') return new SparkTimeoutError(`${operation} timed out after ${timeout} ms (${method} ${url})`, timeout, url, requestId);
  if (why === 'idle') return new SparkTimeoutError(`${operation} stalled: the body sent nothing for ${timeout} ms (${method} ${url})`, timeout, url, requestId);
  if (isSparkError(error)) return error;
  const base = { method, url, requestId, body: undefined };
  if (error instanceof BodyTooLarge) return responseTooLarge(error, context, url, requestId);
  const secrets = context.secrets();
  if (isCorruptEncoding(error)) {
    return new SparkUnexpectedResponseError(
      `${operation}: invalid response: its compressed body does not decode (${scrub(describe(error), secrets)}) (${method} ${url})`,
      { ...base, status: (error as { status?: number }).status ?? 0, contentType: undefined, preview: '' },
    );
  }
  // Runtime messages may quote a header value verbatim (e.g. `Headers.append: "<key>" is an invalid header value`).
  if (error instanceof TypeError && /header|url|invalid/i.test(error.message) && !/fetch failed/i.test(error.message)) {
    return new SparkSdkError(`${operation}: invalid request (${scrub(error.message, secrets)})`);
  }
  const detail = scrub(describe(error), secrets);
  return new SparkConnectionError(`${operation} could not reach ${url}: ${detail}${context.hint?.(detail) ?? ''}`, method, url, requestId, { cause: detail });
}

/**
 * The error for a body past its cap, naming the cap and the option that sets it: for a body
 * the pipeline reads, and for a download's `bytes()`.
 *
 * @example
 * // `url` as errors show it: shownUrl() of a handed-out (presigned) URL, never its signed query.
 * if (error instanceof BodyTooLarge) throw responseTooLarge(error, request, shownUrl(response.url, origins), response.requestId);
 */
export function responseTooLarge(error: BodyTooLarge, request: { operation: string; method: string }, url: string, requestId: string): SparkResponseTooLargeError {
  return new SparkResponseTooLargeError(
    `${request.operation}: the response body is larger than maxResponseBytes (${error.limit} bytes); raise the client's or the call's maxResponseBytes if it is expected (${request.method} ${url})`,
    { method: request.method, url, requestId, body: undefined, status: error.status, limit: error.limit },
  );
}

function describe(error: unknown): string {
  const e = error as { message?: string; code?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code;
  const message = e.cause?.message ?? e.message ?? String(error);
  return code && !message.includes(code) ? `${code} ${message}` : message;
}
