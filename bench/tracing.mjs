// Tracing benchmark: what OpenTelemetry tracing costs per execute call. Same run, same server
// (in a child process), four clients: raw node:http keep-alive; the SDK with `tracing: false`;
// the SDK with @opentelemetry/api installed but no tracer provider registered (the default for
// an app that does not trace); the SDK with a registered provider recording every span (a
// SimpleSpanProcessor and an exporter that drops spans, so export I/O is not counted).
// Usage: node bench/tracing.mjs [--sequential 2000] [--parallel 5000] [--rounds 3]
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createClient, apiKey } from '@spark/core';
import { executeService } from '@spark/services';
import { measure, median, fmt, table } from './lib.mjs';
import { startServerProcess } from './servers.mjs';

const PATH = '/my-tenant/api/v3/folders/my-folder/services/volume-cylinder/execute';
const PAYLOAD = JSON.stringify({ request_data: { inputs: { radius: 2, height: 3 } }, request_meta: { call_purpose: 'Single Execution', compiler_type: 'Neuron' } });
const POOL = 64;
const dropExporter = { export: (_spans, done) => done({ code: 0 }), shutdown: async () => {}, forceFlush: async () => {} };

/** @param {{ sequential?: number, parallel?: number, rounds?: number, warmup?: number }} options */
export async function runTracingBench({ sequential = 2000, parallel = 5000, rounds = 3, warmup = 300 } = {}) {
  const server = await startServerProcess({ kind: 'execute', latencyMs: 0, proxyLatencyMs: 0 });
  const agent = new http.Agent({ keepAlive: true, maxSockets: POOL });
  const options = { baseUrl: `${server.url}/my-tenant`, auth: apiKey('bench-key'), poolSize: POOL };
  const off = createClient({ ...options, tracing: false });
  const on = createClient(options);
  const execute = (spark) => () => executeService(spark, 'my-folder/volume-cylinder', { inputs: { radius: 2, height: 3 } });
  const rawHttp = () => new Promise((resolve, reject) => {
    const req = http.request(server.url + PATH, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'x-synthetic-key': 'k', 'content-length': Buffer.byteLength(PAYLOAD) } }, (res) => {
      const chunks = []; res.on('data', (c) => chunks.push(c)); res.on('end', () => { JSON.parse(Buffer.concat(chunks).toString()); resolve(); });
    });
    req.on('error', reject); req.end(PAYLOAD);
  });
  const clients = [
    ['raw node:http', rawHttp, false],
    ['sdk, tracing: false', execute(off), false],
    ['sdk, api installed, no provider', execute(on), false],
    ['sdk, provider recording spans', execute(on), true],
  ];

  const results = {};
  for (const [label, total, concurrency] of [['1 in flight', sequential, 1], ['32 in flight', parallel, 32]]) {
    for (const [name, fn, traced] of clients) {
      if (traced) register();
      await server.reset();
      await measure(warmup, concurrency, fn);
      const runs = [];
      for (let r = 0; r < rounds; r++) runs.push(await measure(total, concurrency, fn));
      results[`${label}|${name}`] = median(runs, (r) => r.rps);
      if (traced) unregister();
    }
  }
  agent.destroy();
  off.close();
  on.close();
  await server.close();

  const rows = [];
  for (const label of ['1 in flight', '32 in flight']) {
    const raw = results[`${label}|raw node:http`];
    const base = results[`${label}|sdk, tracing: false`];
    for (const [name] of clients) {
      const m = results[`${label}|${name}`];
      rows.push({ load: label, client: name, 'req/s': fmt(m.rps), 'p50 ms': fmt(m.p50, 2), 'cpu µs/call': fmt(m.cpuUsPerCall),
        'vs node:http': fmt(m.rps / raw.rps, 2) + '×', 'cpu vs tracing: false': name.startsWith('sdk') ? `${m.cpuUsPerCall >= base.cpuUsPerCall ? '+' : ''}${fmt(m.cpuUsPerCall - base.cpuUsPerCall)} µs` : '' });
    }
  }
  return { title: `tracing benchmark (Node ${process.versions.node}, loopback, server in a child process; median of ${rounds} rounds; ${sequential} sequential, ${parallel} at 32 in flight)`, rows };
}

function register() {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(dropExporter)] }));
}

function unregister() {
  trace.disable();
  context.disable();
  propagation.disable();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: {
    sequential: { type: 'string', default: '2000' }, parallel: { type: 'string', default: '5000' }, rounds: { type: 'string', default: '3' },
  } });
  const { title, rows } = await runTracingBench({ sequential: Number(values.sequential), parallel: Number(values.parallel), rounds: Number(values.rounds) });
  console.log(`load average ${(await import('node:os')).loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  console.log(title);
  table(rows);
  process.exit(0);
}
