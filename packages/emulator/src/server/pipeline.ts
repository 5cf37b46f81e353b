import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultRule } from '../types.js';
import type { Router, RouteMatch } from './router.js';
import type { FaultEngine } from './faults.js';
import type { OriginPolicy } from './cors.js';
import type { HostPolicy } from './host-check.js';
import type { RequestLog } from './record.js';
import { authorize, type AuthConfig } from './auth.js';
import { Ctx } from './context.js';
import { readBody } from './body.js';
import { guardRequest } from './guards.js';
import { errorBody } from './envelopes.js';
import { HttpError, inFamily, type ErrorFamily } from './http-error.js';
import { sleep, uuid } from '../util/ids.js';

/** What the request pipeline needs. */
export interface PipelineDeps {
  router: Router;
  auth: AuthConfig;
  faults: FaultEngine;
  hosts: HostPolicy;
  /** Origin of the `publicUrl` option, used for every handed-out URL. */
  publicOrigin: string | undefined;
  origins: OriginPolicy;
  latencyMs: number;
  maxBodyBytes: number;
  /** Absent when `recordRequests` is false. */
  requestLog: RequestLog | undefined;
  counters: { requests: number; byRoute: Record<string, number> };
  /** Responses held open by `hang` faults, ended on close. */
  hung: Set<ServerResponse>;
  log(line: string): void;
}

function familyOf(path: string): ErrorFamily {
  const p = path.toLowerCase();
  if (p.includes('/api/v1/')) return 'v1';
  if (p.includes('/api/v4/')) return 'v4';
  return 'v3';
}

function faultHeaders(rule: FaultRule): Record<string, string> {
  const h: Record<string, string> = { ...rule.headers };
  if (rule.retryAfter !== undefined) {
    h['retry-after'] = String(rule.retryAfter);
    h['x-retry-after'] = String(rule.retryAfter);
  }
  return h;
}

/** A fault that answers by itself (no routing, no authorisation). */
function answersAlone(fault: FaultRule | undefined): boolean {
  return fault !== undefined && (fault.reset === 'after-body' || fault.body !== undefined || fault.status !== undefined);
}

/** Finds the route and authorises the caller, all before the body is read. */
function routeAndAuthorize(deps: PipelineDeps, ctx: Ctx): RouteMatch {
  const match = deps.router.match(ctx.method, ctx.path);
  if (match === undefined) throw new HttpError(404, `no route for ${ctx.method} ${ctx.path}`, 'ROUTE_NOT_FOUND', familyOf(ctx.path));
  if (match === 'method') throw new HttpError(405, `method ${ctx.method} not allowed on ${ctx.path}`, 'METHOD_NOT_ALLOWED', familyOf(ctx.path));
  ctx.params = match.params;
  ctx.routeName = match.route.name;
  ctx.publicOnly = match.route.auth === 'public-service';
  deps.counters.byRoute[match.route.name] = (deps.counters.byRoute[match.route.name] ?? 0) + 1;
  authorize(ctx, match.route, deps.auth);
  return match;
}

async function answerFault(ctx: Ctx, fault: FaultRule): Promise<void> {
  if (fault.reset === 'after-body') {
    ctx.req.socket.destroy();
    return;
  }
  await sleep(fault.latencyMs ?? 0);
  const headers = faultHeaders(fault);
  if (fault.body !== undefined) ctx.send(fault.status ?? 200, fault.body, headers);
  else ctx.send(fault.status ?? 500, errorBody(familyOf(ctx.path), fault.status ?? 500, `fault injected: ${fault.status}`, 'FAULT_INJECTED'), headers);
}

function answerError(deps: PipelineDeps, ctx: Ctx, error: unknown): void {
  if (ctx.answered || ctx.res.headersSent || ctx.res.destroyed) return;
  // An unread body is not drained: the connection closes after this answer.
  if (!ctx.bodyRead) ctx.res.setHeader('connection', 'close');
  if (error instanceof HttpError) {
    ctx.send(error.status, errorBody(error.family, error.status, error.message, error.code, error.details), error.headers);
    return;
  }
  deps.log(`[spark-emulator] internal error on ${ctx.method} ${ctx.path}: ${error instanceof Error ? error.stack : String(error)}`);
  ctx.send(500, errorBody(familyOf(ctx.path), 500, error instanceof Error ? error.message : String(error), 'INTERNAL'));
}

/**
 * Builds the node:http request listener: host and origin guards → faults → routing and
 * authorisation → body (bounded, decoded) → handler. Nothing unauthorised reads a body.
 */
export function createPipeline(deps: PipelineDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    deps.counters.requests += 1;
    const ctx = new Ctx(req, res);
    ctx.publicOrigin = deps.publicOrigin;
    const rid = req.headers['x-request-id'];
    res.setHeader('x-request-id', typeof rid === 'string' && rid ? rid : uuid());
    if (guardRequest(ctx, deps.hosts, deps.origins)) return;
    const entry = deps.requestLog?.start(ctx);
    const fault = deps.faults.empty ? undefined : deps.faults.pick(ctx.method, ctx.path);
    if (fault?.reset === 'before-body') {
      req.socket.destroy();
      return;
    }
    if (fault?.hang) {
      deps.hung.add(res);
      res.on('close', () => deps.hung.delete(res));
      req.resume();
      return;
    }
    try {
      const alone = answersAlone(fault);
      const match = alone ? undefined : routeAndAuthorize(deps, ctx);
      ctx.raw = await readBody(req, deps.maxBodyBytes);
      ctx.bodyRead = true;
      if (entry) deps.requestLog?.body(entry, ctx);
      if (alone && fault) return await answerFault(ctx, fault);
      if (fault) {
        await sleep(fault.latencyMs ?? 0);
        for (const [k, v] of Object.entries(faultHeaders(fault))) res.setHeader(k, v);
        if (fault.answerDelayMs !== undefined) ctx.answerDelayMs = fault.answerDelayMs;
      }
      if (!match) return;
      if (deps.latencyMs > 0) await sleep(deps.latencyMs);
      const { route } = match;
      try {
        await route.handler(ctx);
      } catch (error) {
        if (error instanceof HttpError && error.family === 'v3' && route.family && route.family !== 'v3') {
          throw inFamily(error, route.family);
        }
        throw error;
      }
      if (!ctx.answered && !res.headersSent && !res.destroyed) throw new HttpError(500, `route ${route.name} did not answer`, 'INTERNAL');
    } catch (error) {
      answerError(deps, ctx, error);
    }
  };
  return (req, res) => {
    void handle(req, res);
  };
}
