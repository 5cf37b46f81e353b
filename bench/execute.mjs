// Execute benchmark: the SDK vs raw global fetch vs raw node:http keep-alive, same run, same server.
// The server (and the optional latency proxy) runs in a child process, so "cpu µs/call" is the
// client's alone and the client does not share its event loop with the server.
// Usage: node bench/execute.mjs [--sequential 2000] [--parallel 5000] [--rounds 3] [--latency 0]
//                               [--proxy-latency 0] [--in-process] [--clients 'spark sdk,raw node:http']
//                               [--loads 32] [--rss]   (--rss: print the process's peak RSS as JSON at the end)
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer, measure, median, fmt, table } from './lib.mjs';
import { startProxy, startServerProcess } from './servers.mjs';

const PATH = '/my-tenant/api/v3/folders/my-folder/services/volume-cylinder/execute';
const PAYLOAD = JSON.stringify({ request_data: { inputs: { radius: 2, height: 3 } }, request_meta: { call_purpose: 'Single Execution', compiler_type: 'Neuron' } });
const POOL = 64;

/**
 * Runs the execute benchmark and returns its rows and the raw medians.
 * @param {{ sequential?: number, parallel?: number, rounds?: number, warmup?: number, latencyMs?: number, proxyLatencyMs?: number, inProcess?: boolean }} options
 */
export async function runExecuteBench({ sequential = 2000, parallel = 5000, rounds = 3, warmup = 200, latencyMs = 0, proxyLatencyMs = 0, inProcess = false, clients: only, loads = [1, 32] } = {}) {
  // The SDK is imported only when measured, so a raw client's process (bench/rss.mjs) holds none of it.
  const sdk = !only || only.includes('spark sdk');
  const { createClient, apiKey } = sdk ? await import('@spark/core') : {};
  const { executeService } = sdk ? await import('@spark/services') : {};
  const server = inProcess ? await inProcessServers(latencyMs, proxyLatencyMs) : await startServerProcess({ kind: 'execute', latencyMs, proxyLatencyMs });
  const agent = new http.Agent({ keepAlive: true, maxSockets: POOL });
  const spark = sdk && createClient({ baseUrl: `${server.url}/my-tenant`, auth: apiKey('bench-key'), poolSize: POOL });
  const all = {
    'raw fetch': async () => {
      const r = await fetch(server.url + PATH, { method: 'POST', headers: { 'content-type': 'application/json', 'x-synthetic-key': 'k' }, body: PAYLOAD });
      await r.json();
    },
    'raw node:http': () => new Promise((resolve, reject) => {
      const req = http.request(server.url + PATH, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'x-synthetic-key': 'k', 'content-length': Buffer.byteLength(PAYLOAD) } }, (res) => {
        const chunks = []; res.on('data', (c) => chunks.push(c)); res.on('end', () => { JSON.parse(Buffer.concat(chunks).toString()); resolve(); });
      });
      req.on('error', reject); req.end(PAYLOAD);
    }),
    'spark sdk': () => executeService(spark, 'my-folder/volume-cylinder', { inputs: { radius: 2, height: 3 } }),
  };
  const clients = Object.fromEntries(Object.entries(all).filter(([name]) => !only || only.includes(name)));
  const labels = [['1 in flight', sequential, 1], ['32 in flight', parallel, 32]].filter(([, , c]) => loads.includes(c));

  const results = {};
  for (const [label, total, concurrency] of labels) {
    for (const [name, fn] of Object.entries(clients)) {
      await server.reset();
      await measure(warmup, concurrency, fn); // warm-up (its connections count too)
      const runs = [];
      for (let r = 0; r < rounds; r++) runs.push(await measure(total, concurrency, fn));
      const { connections } = await server.stats();
      results[`${label}|${name}`] = { ...median(runs, (r) => r.rps), connections, rounds: runs.map((r) => r.rps).sort((a, b) => a - b) };
    }
  }
  agent.destroy();
  if (spark) spark.close();
  await server.close();

  const rows = [];
  for (const [label] of labels) {
    const rawFetch = results[`${label}|raw fetch`]?.rps ?? NaN;
    const rawHttp = results[`${label}|raw node:http`]?.rps ?? NaN;
    for (const name of Object.keys(clients)) {
      const m = results[`${label}|${name}`];
      rows.push({ load: label, client: name, 'req/s': fmt(m.rps), 'p50 ms': fmt(m.p50, 2), 'p99 ms': fmt(m.p99, 2),
        'cpu µs/call': fmt(m.cpuUsPerCall), 'conns opened': m.connections, 'vs fetch': fmt(m.rps / rawFetch, 2) + '×', 'vs node:http': fmt(m.rps / rawHttp, 2) + '×' });
    }
  }
  const where = [inProcess ? 'server in-process' : 'server in a child process',
    latencyMs ? `+${latencyMs} ms server latency` : '', proxyLatencyMs ? `through a keep-alive proxy adding ${proxyLatencyMs} ms per round trip` : ''].filter(Boolean).join(', ');
  const title = `execute benchmark (Node ${process.versions.node}, loopback, ${where}; median of ${rounds} rounds; ${sequential} sequential, ${parallel} at 32 in flight; pool ${POOL})`;
  return { title, rows, results };
}

async function inProcessServers(latencyMs, proxyLatencyMs) {
  const server = await startServer({ latencyMs });
  const proxy = proxyLatencyMs > 0 ? await startProxy(server.url, { latencyMs: proxyLatencyMs }) : undefined;
  return {
    url: (proxy ?? server).url,
    reset: () => { server.reset(); proxy?.reset(); },
    stats: () => ({ ...server.stats(), ...(proxy ? proxy.stats() : {}) }),
    close: async () => { await proxy?.close(); await server.close(); },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: {
    sequential: { type: 'string', default: '2000' }, parallel: { type: 'string', default: '5000' },
    latency: { type: 'string', default: '0' }, rounds: { type: 'string', default: '3' },
    'proxy-latency': { type: 'string', default: '0' }, warmup: { type: 'string', default: '200' }, 'in-process': { type: 'boolean', default: false },
    clients: { type: 'string' }, loads: { type: 'string', default: '1,32' }, rss: { type: 'boolean', default: false },
  } });
  const { title, rows } = await runExecuteBench({ sequential: Number(values.sequential), parallel: Number(values.parallel), rounds: Number(values.rounds),
    warmup: Number(values.warmup), latencyMs: Number(values.latency), proxyLatencyMs: Number(values['proxy-latency']), inProcess: values['in-process'],
    clients: values.clients?.split(','), loads: values.loads.split(',').map(Number) });
  if (values.rss) {
    // resourceUsage().maxRSS is in KiB: the peak of this (client) process; the server is a child.
    console.log(JSON.stringify({ peakRssMB: process.resourceUsage().maxRSS / 1024 }));
    process.exit(0);
  }
  console.log(title);
  table(rows);
  process.exit(0);
}
