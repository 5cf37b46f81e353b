import type { IncomingMessage, ServerResponse } from 'node:http';

const ALLOW_HEADERS =
  'x-synthetic-key, authorization, content-type, x-request-id, x-tenant-name, x-spark-ua, x-request-meta, x-meta, content-encoding, accept-encoding, x-transform-path, user-agent';
const EXPOSE_HEADERS = 'x-request-id, retry-after, x-retry-after, content-disposition';
const ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';

/** Origins every emulator allows: pages served from this machine on any port. */
const DEFAULT_CORS_ORIGINS: readonly string[] = ['http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'];

/** Decides whether a browser origin may call the emulator. */
export type OriginPolicy = (origin: string) => boolean;

/**
 * Builds the origin policy: exact origins (`https://app.example`) or any-port patterns
 * (`http://localhost:*`), matched case-insensitively; the defaults are always included.
 * @param extra - origins the user listed (`cors` option, `--cors` flag)
 * @example originPolicy(['http://dev.local:8080'])('http://localhost:5173') // true
 */
export function originPolicy(extra: readonly string[] = []): OriginPolicy {
  const exact = new Set<string>();
  const anyPort: string[] = [];
  for (const entry of [...DEFAULT_CORS_ORIGINS, ...extra]) {
    const e = entry.trim().toLowerCase().replace(/\/+$/, '');
    if (e.endsWith(':*')) anyPort.push(e.slice(0, -1));
    else exact.add(e);
  }
  return (origin) => {
    const o = origin.trim().toLowerCase();
    if (exact.has(o)) return true;
    return anyPort.some((prefix) => o.startsWith(prefix) && /^\d{1,5}$/.test(o.slice(prefix.length)));
  };
}

/** Adds the CORS headers for an allowed origin (the caller checked it). */
export function applyCors(res: ServerResponse, origin: string): void {
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('vary', 'Origin');
  res.setHeader('access-control-expose-headers', EXPOSE_HEADERS);
}

/** Answers a CORS preflight from an allowed origin with 204. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  const requested = req.headers['access-control-request-headers'];
  res.setHeader('access-control-allow-methods', ALLOW_METHODS);
  res.setHeader('access-control-allow-headers', requested ? `${ALLOW_HEADERS}, ${requested}` : ALLOW_HEADERS);
  res.setHeader('access-control-max-age', '600');
  res.writeHead(204);
  res.end();
}
