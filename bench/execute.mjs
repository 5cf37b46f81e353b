// Execute benchmark: the SDK vs raw global fetch vs raw node:http keep-alive, same run, same server.
// Usage: node bench/execute.mjs [--sequential 2000] [--parallel 5000] [--latency 0]
import http from 'node:http';
import { parseArgs } from 'node:util';
import { createClient, apiKey } from '@spark/core';
import { executeService } from '@spark/services';
import { startServer, measure, fmt, table } from './lib.mjs';

const { values } = parseArgs({ options: {
  sequential: { type: 'string', default: '2000' }, parallel: { type: 'string', default: '5000' },
  latency: { type: 'string', default: '0' }, rounds: { type: 'string', default: '3' },
} });
const SEQ = Number(values.sequential);
const PAR = Number(values.parallel);
const ROUNDS = Number(values.rounds);
const server = await startServer({ latencyMs: Number(values.latency) });
const path = '/my-tenant/api/v3/folders/my-folder/services/volume-cylinder/execute';
const payload = JSON.stringify({ request_data: { inputs: { radius: 2, height: 3 } }, request_meta: { call_purpose: 'Single Execution', compiler_type: 'Neuron' } });

const clients = {
  'raw fetch': async () => {
    const r = await fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-synthetic-key': 'k' }, body: payload });
    await r.json();
  },
  'raw node:http': (() => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    return () => new Promise((resolve, reject) => {
      const req = http.request(server.url + path, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'x-synthetic-key': 'k', 'content-length': Buffer.byteLength(payload) } }, (res) => {
        const chunks = []; res.on('data', (c) => chunks.push(c)); res.on('end', () => { JSON.parse(Buffer.concat(chunks).toString()); resolve(); });
      });
      req.on('error', reject); req.end(payload);
    });
  })(),
  'spark sdk': (() => {
    const spark = createClient({ baseUrl: `${server.url}/my-tenant`, auth: apiKey('bench-key') });
    return () => executeService(spark, 'my-folder/volume-cylinder', { inputs: { radius: 2, height: 3 } });
  })(),
};

const results = {};
for (const [label, total, concurrency] of [['1 in flight', SEQ, 1], ['32 in flight', PAR, 32]]) {
  for (const [name, fn] of Object.entries(clients)) {
    server.reset();
    await measure(200, concurrency, fn); // warm-up (its connections count too)
    const runs = [];
    for (let r = 0; r < ROUNDS; r++) runs.push(await measure(total, concurrency, fn));
    for (const run of runs) run.connections = server.stats().connections;
    runs.sort((a, b) => a.rps - b.rps);
    results[`${label}|${name}`] = runs[Math.floor(runs.length / 2)];
  }
}

const rows = [];
for (const label of ['1 in flight', '32 in flight']) {
  const raw = results[`${label}|raw fetch`].rps;
  for (const name of Object.keys(clients)) {
    const m = results[`${label}|${name}`];
    rows.push({ load: label, client: name, 'req/s': fmt(m.rps), 'p50 ms': fmt(m.p50, 2), 'p99 ms': fmt(m.p99, 2),
      'cpu µs/call': fmt(m.cpuUsPerCall), 'conns opened': m.connections, 'vs fetch': fmt(m.rps / raw, 2) + '×' });
  }
}
console.log(`execute benchmark (Node ${process.versions.node}, loopback${values.latency !== '0' ? `, +${values.latency} ms server latency` : ''}; median of ${ROUNDS} rounds; ${SEQ} sequential, ${PAR} at 32 in flight)`);
table(rows);
await server.close();
process.exit(0);
