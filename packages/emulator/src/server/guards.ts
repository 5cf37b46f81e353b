import type { ServerResponse } from 'node:http';
import type { Ctx } from './context.js';
import type { OriginPolicy } from './cors.js';
import type { HostPolicy } from './host-check.js';
import { applyCors, answerPreflight } from './cors.js';

function refuse(res: ServerResponse, message: string, code: string): void {
  const body = JSON.stringify({ status: 'Error', message, errorCode: code });
  res.writeHead(403, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), connection: 'close' });
  res.end(body);
}

/**
 * The checks that run before anything else: the `Host` header must name this emulator
 * (DNS rebinding), a browser `Origin` must be allowed (CORS, never echoed otherwise), and
 * an allowed preflight is answered here.
 * @returns true when the request was answered (refused, or a preflight)
 */
export function guardRequest(ctx: Ctx, hosts: HostPolicy, origins: OriginPolicy): boolean {
  const { req, res } = ctx;
  if (!hosts(req.headers.host)) {
    refuse(res, `host "${req.headers.host ?? ''}" is not allowed (allowedHosts option, --allowed-host flag)`, 'HOST_NOT_ALLOWED');
    return true;
  }
  const origin = req.headers.origin;
  if (origin !== undefined) {
    if (!origins(origin)) {
      refuse(res, `origin "${origin}" is not allowed (cors option, --cors flag)`, 'ORIGIN_NOT_ALLOWED');
      return true;
    }
    applyCors(res, origin);
  }
  if (ctx.method === 'OPTIONS') {
    answerPreflight(req, res);
    return true;
  }
  return false;
}
