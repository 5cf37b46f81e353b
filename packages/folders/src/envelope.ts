import { createApiError, type SparkMethod, type SparkResponse } from '@spark/core';

/** The camelCase envelope of the `api/v1` folder ("product") and lookup endpoints. */
export interface FolderEnvelope<T = unknown> {
  status: string | null;
  message: string | null;
  errorCode: string | null;
  data: T;
  [key: string]: unknown;
}

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
): FolderEnvelope<T> {
  const body = response.data;
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const envelope = body as FolderEnvelope<T>;
    const status = typeof envelope.status === 'string' ? envelope.status.toLowerCase() : envelope.status;
    if ((status === 'success' || status === undefined || status === null) && !envelope.errorCode) return envelope;
  }
  throw envelopeError(response, operation, method, statusOverride);
}

/** Builds the error for a non-success envelope. */
export function envelopeError(response: SparkResponse<unknown>, operation: string, method: SparkMethod, status?: number, detail?: string) {
  const body = response.data as Partial<FolderEnvelope> | null;
  const code = typeof body === 'object' && body !== null ? body.errorCode : undefined;
  const message = typeof body === 'object' && body !== null ? body.message : undefined;
  const reason = detail ?? (code ? `Spark answered errorCode ${code}` : `Spark answered status ${JSON.stringify(body?.status ?? null)}`);
  return createApiError(
    operation,
    { status: status ?? response.status, method, url: response.url, requestId: response.requestId, body, headers: response.headers },
    message ? `${reason} (${message})` : reason,
  );
}
