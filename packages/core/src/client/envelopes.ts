// The two answer envelopes Spark wraps its JSON in. Types only; this file imports nothing.

/**
 * The camelCase envelope of the `api/v1` endpoints (folders, services management, lookups).
 *
 * @example
 * const body = (await core.request<SparkV1Response<Folder[]>>(req)).data;
 * if (body.status === 'Success') console.log(body.data.length);
 */
export interface SparkV1Response<D = unknown> {
  status: string | null;
  message?: string | null;
  errorCode?: string | null;
  data: D;
  [key: string]: unknown;
}

/**
 * The snake_case envelope of the `api/v3` endpoints (execute, validate, hybrid runner).
 *
 * @example
 * const { response_data, response_meta } = (await core.request<SparkV3Response>(req)).data;
 */
export interface SparkV3Response<D = Record<string, unknown>, M = Record<string, unknown>> {
  status: string | null;
  response_data: D;
  response_meta: M;
  error: unknown;
  [key: string]: unknown;
}
