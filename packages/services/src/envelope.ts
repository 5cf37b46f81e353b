import type { SparkMethod, SparkResponse } from '@spark/core';
import { responseError } from '@spark/core/wire';

/**
 * Some Spark management calls answer HTTP 200 with a failure envelope (`status` other than
 * `Success`). This turns those into the same `SparkApiError` an HTTP error would give.
 *
 * @param operation - operation id, e.g. `services.publish`
 * @param method - the request's method (for the error)
 * @param response - the transport response
 * @returns the body, when it does not announce a failure
 * @example
 * const body = checkEnvelope('services.delete', 'DELETE', await core.request(req));
 */
export function checkEnvelope<T>(operation: string, method: SparkMethod, response: SparkResponse<T>): T {
  const body = response.data as unknown;
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const status = (body as Record<string, unknown>)['status'];
    if (typeof status === 'string' && status.toLowerCase() !== 'success') {
      throw responseError(operation, method, response, `Spark reported status "${status}"${describe(body as Record<string, unknown>)}`);
    }
  }
  return response.data;
}

function describe(body: Record<string, unknown>): string {
  const error = body['error'];
  const reason = [body['message'], body['errorCode'], typeof error === 'object' && error !== null ? (error as Record<string, unknown>)['message'] : error]
    .find((value) => typeof value === 'string' && value.length > 0);
  return typeof reason === 'string' ? `: ${reason}` : '';
}
