import type { SparkMethod, SparkResponse, SparkV1Response } from '@spark/core';
import { responseError } from '@spark/core/wire';

/**
 * Returns the envelope when Spark reports success. Spark answers several failures with
 * HTTP 200 and `status: "Error"` + `errorCode`: those become a `SparkApiError` carrying the
 * real status, URL and request id, and naming the error code.
 */
export function unwrapEnvelope<T>(
  response: SparkResponse<unknown>,
  operation: string,
  method: SparkMethod,
  statusOverride?: number,
): SparkV1Response<T> {
  const body = response.data;
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const envelope = body as SparkV1Response<T>;
    const status = typeof envelope.status === 'string' ? envelope.status.toLowerCase() : envelope.status;
    if ((status === 'success' || status === undefined || status === null) && !envelope.errorCode) return envelope;
  }
  throw envelopeError(response, operation, method, statusOverride);
}

/** Builds the error for a non-success envelope. */
export function envelopeError(response: SparkResponse<unknown>, operation: string, method: SparkMethod, status?: number, detail?: string) {
  const body = response.data as Partial<SparkV1Response> | null;
  const code = typeof body === 'object' && body !== null ? body.errorCode : undefined;
  const message = typeof body === 'object' && body !== null ? body.message : undefined;
  const reason = detail ?? (code ? `Spark answered errorCode ${code}` : `Spark answered status ${JSON.stringify(body?.status ?? null)}`);
  return responseError(operation, method, response, message ? `${reason} (${message})` : reason, status);
}
