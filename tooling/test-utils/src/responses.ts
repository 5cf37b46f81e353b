/**
 * A JSON response (`content-type: application/json`).
 *
 * @example
 * recorder(json({ status: 'Success' }), json({ message: 'gone' }, 404, { 'retry-after': '1' }));
 */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/**
 * A binary (or text) response with status 200.
 *
 * @example
 * recorder(bytes(zip, 'application/zip', { 'content-disposition': 'attachment; filename="a.zip"' }));
 */
export function bytes(data: Uint8Array | string, contentType = 'application/octet-stream', headers: Record<string, string> = {}): Response {
  const body = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return new Response(body as BodyInit, { status: 200, headers: { 'content-type': contentType, ...headers } });
}

/** A Spark v1 success envelope (`{ status: 'Success', message, errorCode, data }`) as JSON. */
export function ok(data: unknown, extra: Record<string, unknown> = {}): Response {
  return json({ status: 'Success', message: null, errorCode: null, data, ...extra });
}

/** The v3 envelope Spark wraps service answers in (the body, not a response: pass it to `json()`). */
export function v3<D>(responseData: D, responseMeta: Record<string, unknown> = {}) {
  return { status: 'Success', response_data: responseData, response_meta: { system: 'SPARK', ...responseMeta }, error: null };
}
