// The execute benchmark's clients and their measurement in one process: raw global fetch, raw
// node:http keep-alive, raw node:http sending the SDK's own bytes, and the SDK, each calling the
// same v3 execute path of a server at `url`.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { measure, median } from './lib.mjs';
import { captureSdkWire } from './sdk-wire.mjs';

const PATH = '/my-tenant/api/v3/folders/my-folder/services/volume-cylinder/execute';
const PAYLOAD = JSON.stringify({ request_data: { inputs: { radius: 2, height: 3 } }, request_meta: { call_purpose: 'Single Execution', compiler_type: 'Neuron' } });
export const POOL = 64;
export const CLIENTS = ['raw fetch', 'raw node:http', 'raw node:http (sdk wire)', 'spark sdk'];

/** Makes the named clients for a server at `url` (the SDK is imported only when it is one of them), pools of `pool` sockets. */
export async function clientsFor(url, names, pool = POOL) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: pool });
  const sdk = names.includes('spark sdk');
  const { createClient, apiKey } = sdk ? await import('@spark/core') : {};
  const { executeService } = sdk ? await import('@spark/services') : {};
  const spark = sdk && createClient({ baseUrl: `${url}/my-tenant`, auth: apiKey('bench-key'), poolSize: pool });
  // The SDK's headers and body for this call; only x-request-id changes per call, as the SDK's does.
  const wire = names.includes('raw node:http (sdk wire)') ? await captureSdkWire('my-tenant', 'my-folder/volume-cylinder', { radius: 2, height: 3 }) : undefined;
  const wireLength = wire && Buffer.byteLength(wire.body);
  /** One keep-alive node:http POST to the execute path, its JSON answer read and parsed. */
  const post = (headers, body) => new Promise((resolve, reject) => {
    const req = http.request(url + PATH, { method: 'POST', agent, headers }, (res) => {
      const chunks = []; res.on('data', (c) => chunks.push(c)); res.on('end', () => { JSON.parse(Buffer.concat(chunks).toString()); resolve(); });
    });
    req.on('error', reject); req.end(body);
  });
  const all = {
    'raw fetch': async () => {
      const r = await fetch(url + PATH, { method: 'POST', headers: { 'content-type': 'application/json', 'x-synthetic-key': 'k' }, body: PAYLOAD });
      await r.json();
    },
    'raw node:http': () => post({ 'content-type': 'application/json', 'x-synthetic-key': 'k', 'content-length': Buffer.byteLength(PAYLOAD) }, PAYLOAD),
    'raw node:http (sdk wire)': () => post({ ...wire.headers, 'x-request-id': randomUUID(), 'content-length': wireLength }, wire.body),
    'spark sdk': () => executeService(spark, 'my-folder/volume-cylinder', { inputs: { radius: 2, height: 3 } }),
  };
  return {
    clients: Object.fromEntries(names.map((name) => [name, all[name]])),
    close: () => { agent.destroy(); if (spark) spark.close(); },
  };
}

/**
 * Measures each named client at each load (`[label, calls, concurrency]`) in this process: a
 * warm-up, then `rounds` rounds; `before`/`after` run around each client's measurement (the
 * server's counters). Returns `{ 'label|name': { rps, p50, p99, cpuUsPerCall, rounds, … } }`.
 */
export async function measureClients(url, names, labels, { rounds, warmup, before = async () => {}, after = async () => ({}) }) {
  const { clients, close } = await clientsFor(url, names);
  const results = {};
  for (const [label, total, concurrency] of labels) {
    for (const [name, fn] of Object.entries(clients)) {
      await before();
      await measure(warmup, concurrency, fn); // warm-up (its connections count too)
      const runs = [];
      for (let r = 0; r < rounds; r++) runs.push(await measure(total, concurrency, fn));
      results[`${label}|${name}`] = { ...median(runs, (r) => r.rps), ...(await after()), rounds: runs.map((r) => r.rps).sort((a, b) => a - b) };
    }
  }
  close();
  return results;
}
