import { SparkApiError, type SparkApiErrorInit } from './api-error.js';

/** 400: the request was malformed or the inputs invalid. */
export class SparkBadRequestError extends SparkApiError { override readonly name: string = 'SparkBadRequestError'; }
/** 401: missing or invalid credentials. */
export class SparkUnauthorizedError extends SparkApiError { override readonly name: string = 'SparkUnauthorizedError'; }
/** 403: the credentials lack permission (or the tenant does not match). */
export class SparkForbiddenError extends SparkApiError { override readonly name: string = 'SparkForbiddenError'; }
/** 404: no such folder, service, version, job or batch. */
export class SparkNotFoundError extends SparkApiError { override readonly name: string = 'SparkNotFoundError'; }
/** 409, and Spark's "HTTP 200 but PRODUCT_ALREADY_EXISTS" envelopes. */
export class SparkConflictError extends SparkApiError { override readonly name: string = 'SparkConflictError'; }
/** 415: unsupported media type. */
export class SparkUnsupportedMediaTypeError extends SparkApiError { override readonly name: string = 'SparkUnsupportedMediaTypeError'; }
/** 422: the request was understood but cannot be processed. */
export class SparkUnprocessableEntityError extends SparkApiError { override readonly name: string = 'SparkUnprocessableEntityError'; }
/** 429: rate limited, after the retry budget was spent. */
export class SparkRateLimitError extends SparkApiError { override readonly name: string = 'SparkRateLimitError'; }
/** 500: Spark failed. */
export class SparkInternalServerError extends SparkApiError { override readonly name: string = 'SparkInternalServerError'; }
/** 502: a gateway in front of Spark failed. */
export class SparkBadGatewayError extends SparkApiError { override readonly name: string = 'SparkBadGatewayError'; }
/** 503: Spark is unavailable, after the retry budget was spent. */
export class SparkServiceUnavailableError extends SparkApiError { override readonly name: string = 'SparkServiceUnavailableError'; }
/** 504: a gateway timed out waiting for Spark. */
export class SparkGatewayTimeoutError extends SparkApiError { override readonly name: string = 'SparkGatewayTimeoutError'; }

type ApiErrorClass = new (message: string, init: SparkApiErrorInit) => SparkApiError;

const BY_STATUS: Readonly<Record<number, ApiErrorClass>> = {
  400: SparkBadRequestError,
  401: SparkUnauthorizedError,
  403: SparkForbiddenError,
  404: SparkNotFoundError,
  409: SparkConflictError,
  415: SparkUnsupportedMediaTypeError,
  422: SparkUnprocessableEntityError,
  429: SparkRateLimitError,
  500: SparkInternalServerError,
  502: SparkBadGatewayError,
  503: SparkServiceUnavailableError,
  504: SparkGatewayTimeoutError,
};

/**
 * Builds the {@link SparkApiError} subclass for a status, with the message
 * `"<status> <operation> failed: <server message>"`.
 *
 * @example
 * throw createApiError('folders.create', { status: 409, method: 'POST', url, requestId, body });
 */
export function createApiError(operation: string, init: SparkApiErrorInit, detail?: string): SparkApiError {
  const Class = BY_STATUS[init.status] ?? SparkApiError;
  const reason = detail ?? serverMessage(init.body);
  const message = `${init.status} ${operation} failed (${init.method} ${init.url})${reason ? `: ${reason}` : ''}`;
  return new Class(message, init);
}

function serverMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.length > 0 ? body.slice(0, 300) : undefined;
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const error = record['error'];
  const candidates = [
    record['message'],
    record['error_description'],
    typeof error === 'object' && error !== null ? (error as Record<string, unknown>)['message'] : error,
    record['errorCode'],
  ];
  const found = candidates.find((value) => typeof value === 'string' && value.length > 0);
  return typeof found === 'string' ? found.slice(0, 300) : undefined;
}
