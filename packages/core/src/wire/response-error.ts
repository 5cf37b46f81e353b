import { createApiError, type SparkApiError, type SparkMethod, type SparkResponse } from '../public-api.js';

/**
 * The {@link SparkApiError} for an answer whose HTTP status said success but whose body says
 * otherwise (a failure envelope, a job that failed, a missing job id or download URL): it
 * carries the response's status, URL, request id, body and headers, and `detail` as the reason.
 *
 * @param operation - operation id, e.g. `logs.get`
 * @param method - the request's method
 * @param response - the transport response (its `data` becomes the error's `body`)
 * @param detail - why the answer is a failure
 * @param status - the status to report, when the body names a truer one than the HTTP status
 * @example
 * if (!jobId) throw responseError('services.compile', 'POST', response, 'Spark did not return a compilation job id');
 */
export function responseError(
  operation: string, method: SparkMethod, response: SparkResponse<unknown>, detail: string, status: number = response.status,
): SparkApiError {
  return createApiError(operation, { status, method, url: response.url, requestId: response.requestId, body: response.data, headers: response.headers }, detail);
}
