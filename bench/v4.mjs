// v4 execute of 1,000 records: request bytes on the wire (counted by the server, before it
// gunzips) and time per call, with the SDK's default compression (gzip above `compressAbove`,
// 16 KiB) vs `compressAbove: false`. The server runs in a child process, really gunzips and
// parses every body, and answers with one output per record (uncompressed, same for both).
// Usage: node bench/v4.mjs [--records 1000] [--calls 50] [--rounds 3] [--proxy-latency 0]
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createClient } from '@spark/core';
import { executeService } from '@spark/services';
import { fmt, median, table } from './lib.mjs';
import { startServerProcess } from './servers.mjs';

/** A deterministic PRNG (mulberry32), so every run sends the same records. */
function prng(seed) {
  return () => { seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

/** Record shapes: the sample's two random 2-decimal numbers, and a typical 10-field insurance record. */
export const SHAPES = {
  'volume-cylinder {radius, height}': (n, rnd = prng(1)) => Array.from({ length: n }, () => ({ radius: Math.round(1000 + rnd() * 1000) / 100, height: Math.round(100 + rnd() * 2900) / 100 })),
  'policy (10 fields)': (n, rnd = prng(2)) => Array.from({ length: n }, (_, i) => ({
    policy_id: `POL-${String(100000 + i)}`, product: ['TERM10', 'TERM20', 'WHOLE_LIFE', 'ENDOWMENT'][Math.floor(rnd() * 4)],
    age: 18 + Math.floor(rnd() * 50), gender: rnd() < 0.5 ? 'M' : 'F', smoker: rnd() < 0.2, sum_assured: 50_000 + Math.floor(rnd() * 95) * 10_000,
    term_years: [10, 15, 20, 25][Math.floor(rnd() * 4)], start_date: `2025-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-01`,
    frequency: ['Monthly', 'Quarterly', 'Annual'][Math.floor(rnd() * 3)], country: 'SG',
  })),
};


/**
 * Runs the v4 compression benchmark for each record shape.
 * @param {{ records?: number, calls?: number, rounds?: number }} options
 */
export async function runV4Bench({ records = 1000, calls = 50, rounds = 3, proxyLatencyMs = 0 } = {}) {
  const server = await startServerProcess({ kind: 'v4', proxyLatencyMs });
  const baseUrl = `${server.url}/my-tenant`;
  const compressed = createClient({ baseUrl, apiKey: 'k' }); // compressAbove: default 16 KiB
  const plain = createClient({ baseUrl, apiKey: 'k', compressAbove: false });
  const variants = { 'gzip (default)': compressed, 'compressAbove: false': plain };
  const rows = [];
  const results = {};
  for (const [shape, make] of Object.entries(SHAPES)) {
    const inputs = make(records);
    const jsonBytes = Buffer.byteLength(JSON.stringify(inputs));
    const per = {};
    for (const [name, client] of Object.entries(variants)) {
      // One call alone, to count its bytes exactly.
      await server.reset();
      const out = await executeService(client, 'my-folder/my-service', { inputs });
      if (out.outputs.length !== records) throw new Error(`expected ${records} outputs, got ${out.outputs.length}`);
      const s = await server.stats();
      per[name] = { bodyBytes: s.bodyBytes, wireBytes: s.wireBytes, decodedBytes: s.decodedBytes, gzipped: s.gzipped === 1, times: [] };
    }
    for (let i = 0; i < 5; i++) for (const c of Object.values(variants)) await executeService(c, 'my-folder/my-service', { inputs }); // warm-up
    const roundMedians = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
    for (let r = 0; r < rounds; r++) {
      const times = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
      for (let i = 0; i < calls; i++) {
        // Alternate the two clients so drifting machine load hits both alike.
        for (const [name, client] of i % 2 ? Object.entries(variants).reverse() : Object.entries(variants)) {
          const t0 = performance.now();
          await executeService(client, 'my-folder/my-service', { inputs });
          times[name].push(performance.now() - t0);
        }
      }
      for (const k of Object.keys(variants)) roundMedians[k].push(median(times[k]));
    }
    const base = per['compressAbove: false'];
    const baseMs = median(roundMedians['compressAbove: false']);
    for (const name of Object.keys(variants)) {
      const m = per[name];
      const ms = median(roundMedians[name]);
      m.ms = ms;
      rows.push({ records: `${fmt(records)} × ${shape}`, client: name, 'JSON bytes': fmt(jsonBytes), 'gzip sent': m.gzipped ? 'yes' : 'no',
        'body bytes': fmt(m.bodyBytes), 'wire bytes': fmt(m.wireBytes), 'bytes ratio': fmt(base.wireBytes / m.wireBytes, 2) + '× fewer',
        'ms/call (median)': fmt(ms, 2), 'time vs plain': fmt(ms / baseMs, 2) + '×' });
    }
    results[shape] = { jsonBytes, ...per, baseMs };
  }
  compressed.close();
  plain.close();
  await server.close();
  const via = proxyLatencyMs ? `through the keep-alive proxy adding ${proxyLatencyMs} ms per round trip, ` : 'loopback, ';
  const title = `v4 execute, ${fmt(records)} records, 1 in flight, ${via}(server in a child process gunzips + parses; bytes counted server-side: body as received, wire = headers + body; median of ${rounds} rounds × ${calls} calls, alternating)`;
  return { title, rows, results };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { records: { type: 'string', default: '1000' }, calls: { type: 'string', default: '50' }, rounds: { type: 'string', default: '3' },
    'proxy-latency': { type: 'string', default: '0' } } });
  const { title, rows } = await runV4Bench({ records: Number(values.records), calls: Number(values.calls), rounds: Number(values.rounds), proxyLatencyMs: Number(values['proxy-latency']) });
  console.log(title);
  table(rows);
  process.exit(0);
}
