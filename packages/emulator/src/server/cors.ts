import type { IncomingMessage, ServerResponse } from 'node:http';

const ALLOW_HEADERS =
  'x-synthetic-key, authorization, content-type, x-request-id, x-tenant-name, x-spark-ua, x-request-meta, x-meta, content-encoding, accept-encoding, x-transform-path, user-agent';
const EXPOSE_HEADERS = 'x-request-id, retry-after, x-retry-after, content-disposition';
const ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';

/** Adds the CORS headers every response carries (origin echoed, or `*`). */
export function applyCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  res.setHeader('access-control-allow-origin', origin ?? '*');
  if (origin) res.setHeader('vary', 'Origin');
  res.setHeader('access-control-expose-headers', EXPOSE_HEADERS);
}

/** Answers a CORS preflight with 204. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  const requested = req.headers['access-control-request-headers'];
  res.setHeader('access-control-allow-methods', ALLOW_METHODS);
  res.setHeader('access-control-allow-headers', requested ? `${ALLOW_HEADERS}, ${requested}` : ALLOW_HEADERS);
  res.setHeader('access-control-max-age', '600');
  res.writeHead(204);
  res.end();
}
