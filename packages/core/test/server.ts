import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the loopback server saw it. */
interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  rawHeaders: string[];
  body: Buffer;
}

export type Handler = (req: SeenRequest, res: http.ServerResponse, raw: http.IncomingMessage) => void | Promise<void>;

/** A real node:http server on 127.0.0.1:0 that records every request and counts TCP connections. */
export interface TestServer {
  readonly origin: string;
  /** `origin/tenant` */
  readonly baseUrl: string;
  readonly requests: SeenRequest[];
  readonly connections: number;
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export async function startServer(handler?: Handler): Promise<TestServer> {
  let current: Handler = handler ?? ((_req, res) => json(res, 200, { ok: true }));
  const requests: SeenRequest[] = [];
  let connections = 0;
  const server = http.createServer((raw, res) => {
    const chunks: Buffer[] = [];
    raw.on('data', (c: Buffer) => chunks.push(c));
    raw.on('end', () => {
      const seen: SeenRequest = { method: raw.method ?? '', url: raw.url ?? '', headers: raw.headers, rawHeaders: raw.rawHeaders, body: Buffer.concat(chunks) };
      requests.push(seen);
      Promise.resolve(current(seen, res, raw)).catch((error: unknown) => { res.destroy(error as Error); });
    });
  });
  server.on('connection', () => { connections++; });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: `${origin}/my-tenant`,
    requests,
    get connections() { return connections; },
    handle(next) { current = next; },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Answers from a queue of handlers (the last one repeats). */
export function sequence(...handlers: Handler[]): Handler {
  let i = 0;
  return (req, res, raw) => handlers[Math.min(i++, handlers.length - 1)]!(req, res, raw);
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// core cannot depend on @spark/test-utils (which depends on core): its import-free rejection.ts, by path.
export { rejection } from '../../../tooling/test-utils/src/rejection.js';
