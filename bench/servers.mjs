// Loopback servers for the benchmarks, run in a child process (`startServerProcess`) so the
// client's CPU per call and event loop are measured apart from the server's (and the proxy's).
//   execute: answers every request with a v3 execute body (lib.mjs `startServer`)
//   v4:      gunzips (Content-Encoding: gzip) and parses a v4 execute body, answers with one output per record
// Either may sit behind a node:http reverse proxy that waits `proxyLatencyMs` before forwarding.
import { fork } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { startServer } from './lib.mjs';

/** A v4 execute server: counts request bytes as they arrive (compressed), then gunzips and parses for real. */
export async function startV4Server() {
  let connections = 0;
  const totals = { requests: 0, bodyBytes: 0, wireBytes: 0, decodedBytes: 0, gzipped: 0 };
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => { chunks.push(c); });
    req.on('end', () => {
      const socket = req.socket;
      // bytesRead counts headers + body of everything this keep-alive socket has received so far.
      totals.wireBytes += socket.bytesRead - (socket.countedBytes ?? 0);
      socket.countedBytes = socket.bytesRead;
      const raw = Buffer.concat(chunks);
      totals.requests++;
      totals.bodyBytes += raw.length;
      const gzipped = req.headers['content-encoding'] === 'gzip';
      if (gzipped) totals.gzipped++;
      const text = gzipped ? zlib.gunzipSync(raw) : raw;
      totals.decodedBytes += text.length;
      const body = JSON.parse(text.toString('utf8'));
      const outputs = body.inputs.map((r) => ('radius' in r ? { volume: Math.PI * r.radius ** 2 * r.height } : { premium: Math.round(r.sum_assured / 1000 * (r.age / 10)) }));
      const n = outputs.length;
      const out = JSON.stringify({ outputs, process_time: new Array(n).fill(1), warnings: new Array(n).fill(null), errors: new Array(n).fill(null),
        service_chain: new Array(n).fill(null), service_id: 's', version_id: 'v', version: '0.1.0', call_id: 'c', compiler_version: '1.0.0',
        correlation_id: null, request_timestamp: '2026-01-01T00:00:00Z' });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) });
      res.end(out);
    });
  });
  server.keepAliveTimeout = 30_000;
  server.on('connection', () => { connections++; });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    stats: () => ({ connections, ...totals }),
    reset: () => { connections = 0; for (const k of Object.keys(totals)) totals[k] = 0; },
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
  };
}

/** A keep-alive reverse proxy on 127.0.0.1 that waits `latencyMs` per request before forwarding it. */
export async function startProxy(target, { latencyMs = 20 } = {}) {
  let connections = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => setTimeout(() => {
      const body = Buffer.concat(chunks);
      const headers = { ...req.headers, host: new URL(target).host, 'content-length': String(body.length) };
      delete headers.connection;
      delete headers['transfer-encoding'];
      const up = http.request(target + req.url, { method: req.method, headers, agent }, (upRes) => {
        const h = { ...upRes.headers };
        delete h.connection;
        delete h['keep-alive'];
        res.writeHead(upRes.statusCode, h);
        upRes.pipe(res);
      });
      up.on('error', (e) => { res.writeHead(502); res.end(String(e)); });
      up.end(body);
    }, latencyMs));
  });
  server.keepAliveTimeout = 30_000;
  server.on('connection', () => { connections++; });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    stats: () => ({ connections }),
    reset: () => { connections = 0; },
    close: () => new Promise((r) => { agent.destroy(); server.closeAllConnections(); server.close(r); }),
  };
}

/**
 * Starts a server (and optionally the latency proxy in front of it) in a child process.
 * `stats()` merges the server's counters with the proxy's connection count (what the clients opened).
 */
export async function startServerProcess({ kind = 'execute', proxyLatencyMs = 0, latencyMs = 0 } = {}) {
  const child = fork(fileURLToPath(import.meta.url), [kind, String(proxyLatencyMs), String(latencyMs)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let seq = 0;
  const waiting = new Map();
  child.on('message', (m) => { waiting.get(m.id)?.(m.value); waiting.delete(m.id); });
  const call = (cmd) => new Promise((resolve) => { const id = ++seq; waiting.set(id, resolve); child.send({ id, cmd }); });
  const { url } = await call('info');
  return {
    url,
    pid: child.pid,
    stats: () => call('stats'),
    reset: () => call('reset'),
    usage: () => call('usage'),
    close: async () => { await call('stop'); await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r))); },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  const [kind, latency, serverLatency] = process.argv.slice(2);
  const server = kind === 'v4' ? await startV4Server() : await startServer({ latencyMs: Number(serverLatency) });
  const proxy = Number(latency) > 0 ? await startProxy(server.url, { latencyMs: Number(latency) }) : undefined;
  const handlers = {
    info: () => ({ url: (proxy ?? server).url }),
    // Connections are counted where the clients connect: at the proxy when there is one.
    stats: () => ({ ...server.stats(), ...(proxy ? proxy.stats() : {}) }),
    reset: () => { server.reset(); proxy?.reset(); return true; },
    usage: () => process.cpuUsage(),
    stop: async () => { await proxy?.close(); await server.close(); setImmediate(() => process.exit(0)); return true; },
  };
  process.on('message', async ({ id, cmd }) => process.send({ id, value: await handlers[cmd]() }));
}
