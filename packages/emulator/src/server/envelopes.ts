import { nowIso } from '../util/ids.js';
import type { ErrorFamily } from './http-error.js';

/** v3 success envelope `{status, response_data, response_meta, error}`. */
export function v3Ok(data: unknown, meta: Record<string, unknown> = {}): Record<string, unknown> {
  return { status: 'Success', response_data: data, response_meta: { ...meta, system: 'SPARK', request_timestamp: nowIso() }, error: null };
}

/** v1 (folder API) success envelope `{status, message, errorCode, data}`. */
export function v1Ok(data: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { status: 'Success', message: null, errorCode: null, data, ...extra };
}

/** The v3 `error` object of Spark's OpenAPI (`ApiV3ResponseError`). */
export function v3Error(status: number, message: string, code: string, details?: string[]): Record<string, unknown> {
  const access = status === 401 || status === 403;
  const generic = status >= 500 || code === 'TENANT_MISMATCH';
  return {
    error_category: status === 401 ? 'access_error' : 'application_error',
    error_type: access ? 'error.UNAUTHORIZED' : generic ? 'error.application_error' : `error.${code}`,
    message,
    additional_details: details && details.length > 0 ? { details } : null,
  };
}

/**
 * Error body per envelope family. The SDKs only read the HTTP status (and a message); v3
 * bodies follow Spark's OpenAPI examples (`error_category`, `error_type`, `message`,
 * `additional_details`), v1 and v4 their own families' shapes.
 */
export function errorBody(family: ErrorFamily, status: number, message: string, code: string, details?: string[]): Record<string, unknown> {
  if (family === 'v1') return { status: 'Error', message, errorCode: code, data: null };
  if (family === 'v4') {
    return { object: 'error', status, error: { status, code, message }, response_timestamp: nowIso() };
  }
  return { status: 'Error', response_data: null, response_meta: null, error: v3Error(status, message, code, details) };
}
