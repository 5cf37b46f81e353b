// The whole benchmark suite in one run (`pnpm bench` builds first, then runs this):
//   1. cold import of @spark/sdk vs undici           (import.mjs)
//   1b. time to a first answer: import + first execute (first-call.mjs), informational
//   2. execute: SDK vs raw fetch vs raw node:http    (execute.mjs), on loopback
//   3. the same through a proxy adding 20 ms per round trip
//   4. v4 execute of 1,000 records, gzip vs not      (v4.mjs), on loopback and through the proxy
// then checks the goals. Every figure is relative to a raw client measured in the same run.
// Usage: node bench/index.mjs [--quick] [--only import,first-call,execute,proxy,v4,v4-proxy]
import os from 'node:os';
import { parseArgs } from 'node:util';
import { runExecuteBench } from './execute.mjs';
import { runFirstCallBench } from './first-call.mjs';
import { runImportBench } from './import.mjs';
import { fmt, table } from './lib.mjs';
import { runV4Bench } from './v4.mjs';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string', default: 'import,first-call,execute,proxy,v4,v4-proxy' } } });
const only = new Set(values.only.split(','));
const q = values.quick;
const goals = [];
const goal = (name, ok, figure) => goals.push({ goal: name, figure, met: typeof ok === 'string' ? ok : ok ? 'yes' : 'NO' });
const section = ({ title, rows }) => { console.log(`\n## ${title}`); table(rows); };

console.log(`Spark SDK benchmarks — Node ${process.versions.node}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);

if (only.has('import')) {
  const r = await runImportBench({ runs: q ? 3 : 7 });
  section(r);
  const sdk = r.results['@spark/sdk'];
  goal('cold import of @spark/sdk ≤ 40 ms (median)', sdk.median <= 40, `${fmt(sdk.median, 1)} ms (${sdk.modules} modules; undici ${fmt(r.results.undici.median, 1)} ms, ${r.results.undici.modules} modules)`);
}

function executeGoals(r, where) {
  for (const load of ['1 in flight', '32 in flight']) {
    const sdk = r.results[`${load}|spark sdk`];
    const f = sdk.rps / r.results[`${load}|raw fetch`].rps;
    const h = sdk.rps / r.results[`${load}|raw node:http`].rps;
    // The issue's throughput goals are for loopback. Behind the proxy every client is capped by
    // it (about 1000/20 req/s one at a time, the proxy's own CPU at 32): informational only.
    const proxyBound = where !== 'loopback';
    goal(`${where}, ${load}: SDK ≥ 1.5× raw fetch`, proxyBound ? `n/a (proxy-bound; ${f >= 0.9 ? 'on par' : 'slower'})` : f >= 1.5, `${fmt(f, 2)}× (${fmt(sdk.rps)} vs ${fmt(r.results[`${load}|raw fetch`].rps)} req/s)`);
    goal(`${where}, ${load}: SDK ≥ 0.5× raw node:http`, h >= 0.5, `${fmt(h, 2)}× (vs ${fmt(r.results[`${load}|raw node:http`].rps)} req/s)`);
    goal(`${where}, ${load}: SDK connections ≤ pool (64)`, sdk.connections <= 64, `${sdk.connections} opened`);
  }
}

if (only.has('first-call')) {
  section(await runFirstCallBench({ runs: q ? 3 : 9 })); // informational: no goal
}

if (only.has('execute')) {
  const r = await runExecuteBench(q ? { sequential: 500, parallel: 1000, warmup: 50 } : {});
  section(r);
  executeGoals(r, 'loopback');
}

if (only.has('proxy')) {
  const r = await runExecuteBench({ proxyLatencyMs: 20, sequential: q ? 30 : 100, parallel: q ? 500 : 2000, warmup: q ? 10 : 40 });
  section(r);
  executeGoals(r, '+20 ms proxy');
}

for (const [key, proxyLatencyMs, where] of [['v4', 0, 'loopback'], ['v4-proxy', 20, '+20 ms proxy']]) {
  if (!only.has(key)) continue;
  const r = await runV4Bench({ calls: q ? 15 : proxyLatencyMs ? 30 : 50, proxyLatencyMs });
  section(r);
  for (const [shape, m] of Object.entries(r.results)) {
    const bytes = m['compressAbove: false'].wireBytes / m['gzip (default)'].wireBytes;
    const time = m['gzip (default)'].ms / m.baseMs;
    if (!proxyLatencyMs) goal(`v4 1,000 × ${shape}: ≥ 5× fewer request bytes`, bytes >= 5, `${fmt(bytes, 2)}× (${fmt(m['gzip (default)'].wireBytes)} vs ${fmt(m['compressAbove: false'].wireBytes)} B)`);
    goal(`v4 1,000 × ${shape}, ${where}: ≤ 1.2× uncompressed time`, time <= 1.2, `${fmt(time, 2)}× (${fmt(m['gzip (default)'].ms, 2)} vs ${fmt(m.baseMs, 2)} ms)`);
  }
}

if (goals.length > 0) {
  console.log('\n## goals');
  table(goals);
}
process.exit(0);
