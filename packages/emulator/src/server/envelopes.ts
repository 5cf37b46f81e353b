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

/**
 * Error body per envelope family. The SDKs only read the HTTP status; the bodies
 * follow each family's shape so humans and wire tests see something faithful.
 */
export function errorBody(family: ErrorFamily, status: number, message: string, code: string): Record<string, unknown> {
  if (family === 'v1') return { status: 'Error', message, errorCode: code, data: null };
  if (family === 'v4') {
    return { object: 'error', status, error: { status, code, message }, response_timestamp: nowIso() };
  }
  return {
    status: 'Error',
    response_data: null,
    response_meta: { system: 'SPARK', request_timestamp: nowIso() },
    error: { status, code, message },
  };
}
