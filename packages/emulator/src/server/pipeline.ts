import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultRule, RecordedRequest } from '../types.js';
import type { Router } from './router.js';
import type { FaultEngine } from './faults.js';
import { authorize, type AuthConfig } from './auth.js';
import { Ctx } from './context.js';
import { readBody } from './body.js';
import { applyCors, answerPreflight } from './cors.js';
import { errorBody } from './envelopes.js';
import { HttpError, type ErrorFamily } from './http-error.js';
import { sleep, uuid } from '../util/ids.js';

/** What the request pipeline needs. */
export interface PipelineDeps {
  router: Router;
  auth: AuthConfig;
  faults: FaultEngine;
  latencyMs: number;
  maxBodyBytes: number;
  recordRequests: boolean;
  requests: RecordedRequest[];
  counters: { requests: number; byRoute: Record<string, number> };
  /** Responses held open by `hang` faults, ended on close. */
  hung: Set<ServerResponse>;
  log(line: string): void;
}

const RING_SIZE = 1000;

function familyOf(path: string): ErrorFamily {
  const p = path.toLowerCase();
  if (p.includes('/api/v1/')) return 'v1';
  if (p.includes('/api/v4/')) return 'v4';
  return 'v3';
}

function record(deps: PipelineDeps, ctx: Ctx): void {
  const type = ctx.header('content-type') ?? '';
  const textual = ctx.raw.length > 0 && !type.includes('multipart/') && !type.includes('octet-stream') && !type.includes('zip');
  const entry: RecordedRequest = { method: ctx.method, path: ctx.req.url ?? '/', headers: { ...ctx.req.headers } };
  if (textual) entry.body = ctx.raw.toString('utf8');
  deps.requests.push(entry);
  if (deps.requests.length > RING_SIZE) deps.requests.shift();
}

function faultHeaders(rule: FaultRule): Record<string, string> {
  const h: Record<string, string> = { ...rule.headers };
  if (rule.retryAfter !== undefined) {
    h['retry-after'] = String(rule.retryAfter);
    h['x-retry-after'] = String(rule.retryAfter);
  }
  return h;
}

/** Builds the node:http request listener: CORS → faults → body → routing → auth → handler. */
export function createPipeline(deps: PipelineDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    deps.counters.requests += 1;
    const ctx = new Ctx(req, res);
    const rid = req.headers['x-request-id'];
    res.setHeader('x-request-id', typeof rid === 'string' && rid ? rid : uuid());
    applyCors(req, res);
    if (ctx.method === 'OPTIONS') return answerPreflight(req, res);
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
      ctx.raw = await readBody(req, deps.maxBodyBytes);
      if (deps.recordRequests) record(deps, ctx);
      if (fault) {
        if (fault.reset === 'after-body') {
          req.socket.destroy();
          return;
        }
        await sleep(fault.latencyMs ?? 0);
        const headers = faultHeaders(fault);
        if (fault.body !== undefined) {
          ctx.send(fault.status ?? 200, fault.body, headers);
          return;
        }
        if (fault.status !== undefined) {
          const message = `fault injected: ${fault.status}`;
          ctx.send(fault.status, errorBody(familyOf(ctx.path), fault.status, message, 'FAULT_INJECTED'), headers);
          return;
        }
        for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
        if (fault.answerDelayMs !== undefined) ctx.answerDelayMs = fault.answerDelayMs;
      }
      const match = deps.router.match(ctx.method, ctx.path);
      if (match === undefined) throw new HttpError(404, `no route for ${ctx.method} ${ctx.path}`, 'ROUTE_NOT_FOUND', familyOf(ctx.path));
      if (match === 'method') throw new HttpError(405, `method ${ctx.method} not allowed on ${ctx.path}`, 'METHOD_NOT_ALLOWED', familyOf(ctx.path));
      const { route, params } = match;
      ctx.params = params;
      ctx.routeName = route.name;
      deps.counters.byRoute[route.name] = (deps.counters.byRoute[route.name] ?? 0) + 1;
      authorize(ctx, route, deps.auth);
      if (deps.latencyMs > 0) await sleep(deps.latencyMs);
      try {
        await route.handler(ctx);
      } catch (error) {
        if (error instanceof HttpError && error.family === 'v3' && route.family && route.family !== 'v3') {
          throw new HttpError(error.status, error.message, error.code, route.family, error.headers);
        }
        throw error;
      }
      if (!ctx.answered && !res.headersSent && !res.destroyed) throw new HttpError(500, `route ${route.name} did not answer`, 'INTERNAL');
    } catch (error) {
      if (ctx.answered || res.headersSent || res.destroyed) return;
      if (error instanceof HttpError) {
        ctx.send(error.status, errorBody(error.family, error.status, error.message, error.code), error.headers);
      } else {
        deps.log(`[spark-emulator] internal error on ${ctx.method} ${ctx.path}: ${error instanceof Error ? error.stack : String(error)}`);
        const message = error instanceof Error ? error.message : String(error);
        ctx.send(500, errorBody(familyOf(ctx.path), 500, message, 'INTERNAL'));
      }
    }
  };
  return (req, res) => {
    void handle(req, res);
  };
}
