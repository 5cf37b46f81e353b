import { createApiError } from '../errors/api-errors.js';
import type { SparkApiError } from '../errors/api-error.js';
import { SparkUnexpectedResponseError } from '../errors/response-errors.js';
import { readBody } from './read-body.js';
import { scrub } from './scrub.js';
import { toHeaders } from './spark-response.js';
import { shownUrl } from './trusted-origin.js';
import type { TransportResponse } from './types.js';

/** The call a response answers, as the readers report it. */
export interface ResponseContext {
  operation: string;
  method: string;
  url: string;
  /** `url` as errors show it (`shownUrl`: a handed-out URL without its signed query). */
  shownUrl: string;
  requestId: string;
  /** Most decoded body bytes to accept. */
  maxBytes: number;
  /** The secrets to mask (asked only when an error is built). */
  secrets(): readonly string[];
}

const decoder = /* @__PURE__ */ new TextDecoder();
const NO_BODY = new Set([204, 205]);
const VERSIONED = /\/api\/v[34]\//i;

/**
 * The error for a response that is not a success (any status outside 2xx, 3xx included: the
 * SDK never follows a redirect, so it names the `Location` instead). The body is read leniently
 * (a broken JSON error body must not hide the status) and masked of secrets.
 *
 * @example
 * if (status < 200 || status > 299) throw await statusError(response, context);
 */
export async function statusError(response: TransportResponse, context: ResponseContext): Promise<SparkApiError> {
  const text = decoder.decode(await readBody(response, context.maxBytes));
  const contentType = response.headers.get('content-type');
  const body = maskBody(looseJson(text, contentType), context.secrets());
  const location = response.headers.get('location');
  const detail = response.status >= 300 && response.status < 400
    // The Location may be a presigned URL (a signed query): shown as an off-origin URL is.
    ? `Spark answered with a redirect${location ? ` to ${scrub(shownUrl(location, []), context.secrets())}` : ''}, which the SDK does not follow (credentials never travel to another URL)`
    : undefined;
  return createApiError(context.operation, {
    status: response.status, method: context.method, url: context.shownUrl, requestId: context.requestId,
    headers: toHeaders(response.headers), secrets: context.secrets(), body,
  }, detail);
}

/**
 * Reads a successful body in the form the operation expects. `json` must be JSON (an HTML
 * page, plain text or an empty 200 is a {@link SparkUnexpectedResponseError}; 204/205 give
 * `null`), and a v3/v4 envelope announcing `status: "Error"` or an `error` object becomes the
 * `SparkApiError` for its code. `text` and `bytes` are exempt from the JSON rule.
 *
 * A body the Node pool has already read (bounded as it read) is shaped without a promise: the
 * answer is then a value, and a failure is thrown; a streamed body gives a promise.
 *
 * @example
 * const read = readSuccess(response, 'json', context);
 * const data = read instanceof Promise ? await read : read;
 */
export function readSuccess(response: TransportResponse, type: 'json' | 'text' | 'bytes', context: ResponseContext): unknown {
  const raw = response.rawBody;
  if (raw) return shape(response, raw, type, context);
  return readBody(response, context.maxBytes).then((bytes) => shape(response, bytes, type, context));
}

function shape(response: TransportResponse, bytes: Uint8Array, type: 'json' | 'text' | 'bytes', context: ResponseContext): unknown {
  if (type === 'bytes') return bytes;
  const text = decoder.decode(bytes);
  if (type === 'text') return text;
  const contentType = response.headers.get('content-type');
  if (text === '') {
    if (NO_BODY.has(response.status) || context.method === 'HEAD') return null;
    throw unexpected(response, context, contentType, text, 'the body is empty');
  }
  // Mislabelled JSON (a text/plain object) is accepted; an HTML page or plain words are not.
  if (!contentType?.includes('json') && !/^\s*[{[]/.test(text)) {
    throw unexpected(response, context, contentType, text, `expected JSON, got ${contentType ? `"${contentType}"` : 'no content type'}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw unexpected(response, context, contentType, text, 'its JSON does not parse');
  }
  if (isErrorEnvelope(data) && VERSIONED.test(context.url)) throw envelopeError(response, context, data);
  return data;
}

function isErrorEnvelope(data: unknown): data is Record<string, unknown> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const { status, error } = data as Record<string, unknown>;
  return (typeof status === 'string' && status.length === 5 && status.toLowerCase() === 'error') || (typeof error === 'object' && error !== null);
}

const CODES: ReadonlyArray<[RegExp, number]> = [
  [/ALREADY_EXISTS|CONFLICT/i, 409], [/NOT_?FOUND/i, 404], [/UNAUTHORI[SZ]ED/i, 401], [/FORBIDDEN|PERMISSION/i, 403],
  [/BAD_?REQUEST|VALIDATION|INVALID/i, 400], [/RATE|TOO_MANY/i, 429], [/UNAVAILABLE/i, 503],
];

/** The HTTP status an error envelope's own code stands for (else 422: understood, not processed). */
function envelopeStatus(body: Record<string, unknown>): number {
  const error = typeof body['error'] === 'object' && body['error'] !== null ? (body['error'] as Record<string, unknown>) : {};
  for (const code of [error['status'], error['code'], error['statusCode'], body['errorCode'], error['errorCode'], error['error_code']]) {
    const n = Number(code);
    if (Number.isInteger(n) && n >= 400 && n <= 599) return n;
    if (typeof code === 'string') for (const [pattern, status] of CODES) if (pattern.test(code)) return status;
  }
  return 422;
}

function envelopeError(response: TransportResponse, context: ResponseContext, body: Record<string, unknown>): SparkApiError {
  const error = body['error'] as Record<string, unknown> | null | undefined;
  const reason = [error?.['message'], body['message'], error?.['code'], body['errorCode']].find((v) => typeof v === 'string' && v !== '');
  return createApiError(context.operation, {
    status: envelopeStatus(body), method: context.method, url: context.shownUrl, requestId: context.requestId,
    headers: toHeaders(response.headers), secrets: context.secrets(), body: maskBody(body, context.secrets()),
  }, `Spark answered HTTP ${response.status} with an error envelope${typeof reason === 'string' ? `: ${scrub(reason.slice(0, 300), context.secrets())}` : ''}`);
}

function unexpected(response: TransportResponse, context: ResponseContext, contentType: string | null, text: string, why: string): SparkUnexpectedResponseError {
  const preview = scrub(text.slice(0, 200), context.secrets());
  return new SparkUnexpectedResponseError(
    `${context.operation}: unexpected response: ${why} (HTTP ${response.status}, ${context.method} ${context.shownUrl})${preview ? `: ${JSON.stringify(preview.slice(0, 80))}` : ''}`,
    {
      status: response.status, method: context.method, url: context.shownUrl, requestId: context.requestId,
      headers: toHeaders(response.headers), secrets: context.secrets(), body: preview, contentType: contentType ?? undefined, preview,
    },
  );
}

function looseJson(text: string, contentType: string | null): unknown {
  if (text === '') return null;
  if (!contentType?.includes('json')) return text;
  try { return JSON.parse(text); } catch { return text; }
}

/** Masks secrets anywhere in a body (an echoed key in an error page, say). */
function maskBody(body: unknown, secrets: readonly string[]): unknown {
  if (secrets.length === 0 || body === null || body === undefined) return body;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const clean = scrub(text, secrets);
  return clean === text ? body : typeof body === 'string' ? clean : JSON.parse(clean);
}
