// The whole benchmark suite in one run (`pnpm bench` builds first, then runs this):
//   1. cold import of @spark/sdk vs undici           (import.mjs)
//   1b. time to a first answer: import + first execute, the Client and the functions path (first-call.mjs)
//   2. execute: SDK vs raw fetch vs raw node:http (minimal, and with the SDK's bytes) (execute.mjs), on loopback
//   3. the same through a proxy adding 20 ms per round trip
//   4. v4 execute of 1,000 records, gzip vs not      (v4.mjs), on loopback and through the proxy
//   5. client peak RSS at 32 in flight, SDK vs node:http, each alone in a process (rss.mjs)
//   6. runBatch, read per record and chunk-wise, vs the same protocol by hand over node:http
//      (batch.mjs --mode async, fewer records)
//   7. browser bundle sizes of the tooling/size scenarios (size.mjs)
//   8. the `spark` CLI's cold start vs the same call by a raw node:http script (cli-start.mjs; info)
// then checks the goals of issue 18 (met: yes / NO). Every figure is relative to a raw client
// measured in the same run.
// Usage: node bench/index.mjs [--quick] [--batch-records 300000]
//          [--only import,first-call,execute,proxy,v4,v4-proxy,rss,batch,size,cli]
import { execFile } from 'node:child_process';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { runExecuteBench } from './execute.mjs';
import { runFirstCallBench } from './first-call.mjs';
import { runCliStartBench } from './cli-start.mjs';
import { runImportBench } from './import.mjs';
import { fmt, table } from './lib.mjs';
import { runRssBench } from './rss.mjs';
import { runSizeBench } from './size.mjs';
import { runV4Bench } from './v4.mjs';

const { values } = parseArgs({ options: {
  quick: { type: 'boolean', default: false }, 'batch-records': { type: 'string' },
  only: { type: 'string', default: 'import,first-call,execute,proxy,v4,v4-proxy,rss,batch,size,cli' },
} });
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
    const min = load === '1 in flight' ? 0.95 : 0.8; // issue 18's goals, for loopback
    goal(`${where}, ${load}: SDK ≥ 1.5× raw fetch`, proxyBound ? `n/a (proxy-bound; ${f >= 0.9 ? 'on par' : 'slower'})` : f >= 1.5, `${fmt(f, 2)}× (${fmt(sdk.rps)} vs ${fmt(r.results[`${load}|raw fetch`].rps)} req/s)`);
    goal(`${where}, ${load}: SDK ≥ ${min}× raw node:http`, proxyBound ? `n/a (proxy-bound; ${h >= 0.95 ? 'on par' : 'slower'})` : h >= min, `${fmt(h, 2)}× (${fmt(sdk.rps)} vs ${fmt(r.results[`${load}|raw node:http`].rps)} req/s)`);
    // The same bytes by hand (the Spark contract's headers and request_meta): the SDK's own cost.
    const wire = r.results[`${load}|raw node:http (sdk wire)`];
    if (wire) goal(`${where}, ${load}: SDK vs raw node:http sending the SDK's bytes`, 'info', `${fmt(sdk.rps / wire.rps, 2)}× (${fmt(sdk.rps)} vs ${fmt(wire.rps)} req/s)`);
    goal(`${where}, ${load}: SDK connections ≤ pool (64)`, sdk.connections <= 64, `${sdk.connections} opened`);
  }
}

if (only.has('first-call')) {
  const r = await runFirstCallBench({ runs: q ? 3 : 9 });
  section(r);
  goal('import + first execute, fresh process ≤ 30 ms', r.results.totalMs <= 30, `${fmt(r.results.totalMs, 1)} ms (import ${fmt(r.results.importMs, 1)} + first ${fmt(r.results.firstCallMs, 1)})`);
  const f = r.results.functions;
  goal('import + first execute, functions path (@spark/core + @spark/services)', 'info', `${fmt(f.totalMs, 1)} ms (import ${fmt(f.importMs, 1)} + first ${fmt(f.firstCallMs, 1)})`);
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
    // Issue 18 dropped the loopback time goal (bytes cost nothing there): informational.
    if (proxyLatencyMs) goal(`v4 1,000 × ${shape}, ${where}: ≤ 1.05× uncompressed time`, time <= 1.05, `${fmt(time, 2)}× (${fmt(m['gzip (default)'].ms, 2)} vs ${fmt(m.baseMs, 2)} ms)`);
    else goal(`v4 1,000 × ${shape}, ${where}: time vs uncompressed`, 'info', `${fmt(time, 2)}× (${fmt(m['gzip (default)'].ms, 2)} vs ${fmt(m.baseMs, 2)} ms)`);
  }
}

if (only.has('rss')) {
  const r = await runRssBench({ calls: q ? 2000 : 5000, runs: q ? 1 : 3 });
  section(r);
  const { results: m } = r;
  goal('client peak RSS at 32 in flight ≤ 1.2× raw node:http', m.ratio <= 1.2, `${fmt(m.ratio, 2)}× (${fmt(m['spark sdk'], 1)} vs ${fmt(m['raw node:http'], 1)} MB)`);
}

if (only.has('batch')) {
  const records = values['batch-records'] ?? (q ? '100000' : '300000');
  // --expose-gc: batch.mjs collects the garbage before every measured run, so no runner pays for the previous one's.
  const args = ['--expose-gc', join(dirname(fileURLToPath(import.meta.url)), 'batch.mjs'), '--records', records, '--mode', 'async', '--model-records', '0', '--rounds', '3', '--json'];
  const { stdout } = await promisify(execFile)(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  const lines = stdout.trim().split('\n');
  const m = JSON.parse(lines.pop());
  console.log(`\n## runBatch vs the same protocol by hand (node --expose-gc bench/batch.mjs --records ${records} --mode async --model-records 0 --rounds 3)`);
  console.log(lines.join('\n'));
  const raw = m['raw node:http, same protocol'];
  const runner = (prefix) => Object.entries(m).find(([name]) => name.startsWith(prefix))[1];
  // The goal rows report the chunk-wise reading (`for await (const results of run.chunks())`);
  // the per-record loop (`for await (const r of run)`) follows each as an info row.
  const chunks = runner('runBatch chunks()');
  const perRecord = runner('runBatch per record');
  const vsRaw = (sdk, key, digits, unit) => ({ ratio: sdk[key] / raw[key], text: `${fmt(sdk[key] / raw[key], 2)}× (${fmt(sdk[key], digits)} vs ${fmt(raw[key], digits)} ${unit})` });
  const rate = vsRaw(chunks, 'recordsPerSecond', 0, 'records/s');
  goal('runBatch records/s ≥ 0.95× batch-raw node:http', rate.ratio >= 0.95, `chunks(): ${rate.text}`);
  goal('runBatch records/s vs batch-raw node:http, read per record', 'info', vsRaw(perRecord, 'recordsPerSecond', 0, 'records/s').text);
  const cpu = vsRaw(chunks, 'clientUsPerRecord', 2, 'µs');
  goal('runBatch client CPU/record ≤ 1.3× batch-raw node:http', cpu.ratio <= 1.3, `chunks(): ${cpu.text}`);
  goal('runBatch client CPU/record vs batch-raw node:http, read per record', 'info', vsRaw(perRecord, 'clientUsPerRecord', 2, 'µs').text);
}

if (only.has('size')) {
  const r = await runSizeBench();
  section(r);
  for (const [id, max] of [['execute-only', 12_000], ['full-client', 32_000]]) {
    const m = r.results[id];
    if (m) goal(`browser bundle ${id} ≤ ${max / 1000} KB min+gz`, m.gzip <= max, `${fmt(m.gzip / 1000, 2)} KB (CI budget ${fmt(m.limitGzip / 1000, 2)} KB)`);
    else goal(`browser bundle ${id} ≤ ${max / 1000} KB min+gz`, 'NO (scenario missing)', '-');
  }
}

if (only.has('cli')) {
  const r = await runCliStartBench({ runs: q ? 3 : 11 });
  section(r);
  // Issue 18 sets no CLI goal: what a `spark` command costs over Node's own start-up and the call.
  for (const [name, m] of Object.entries(r.results)) goal(`spark ${name}: cold start over its floor`, 'info', `+${fmt(m.cliMs - m.rawMs, 1)} ms (${fmt(m.cliMs, 1)} vs ${fmt(m.rawMs, 1)} ms)`);
}

if (goals.length > 0) {
  console.log('\n## goals');
  table(goals);
}
process.exit(0);
