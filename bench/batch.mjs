// Batch benchmark: 1,000,000 records with a JS model through the emulator, by the async pipeline
// runner (runBatch) and by the synchronous v4 alternative (runBatchSync). The emulator runs in a
// child process so the client's CPU and RSS are measured apart from the server's.
// runBatch is measured twice: read per record (`for await (const r of run)`) and chunk-wise
// (`for await (const results of run.chunks())`).
// It also runs the same protocol by hand (bench/batch-raw.mjs, over node:http and fetch; --no-raw
// skips them) and runBatch on a model with a compute cost (--model-us µs per record, on
// --model-records records; 0 skips it), and prints runBatch's client CPU per record against the
// raw clients' and against the emulator's.
// Usage: node bench/batch.mjs [--records 1000000] [--chunk 1000] [--concurrency 8] [--mode both|async|sync]
//          [--no-raw] [--model-us 100] [--model-records 20000] [--latency 0] [--warmup 20000] [--rounds 1] [--json]
// --rounds measures every runner (not the costed ones) that many times, rotating their order each
// round, and reports each runner's median round by client CPU per record.
// Run it with `node --expose-gc` (bench/index.mjs does): the garbage is then collected before every
// measured run, so that no runner's CPU includes collecting the previous runner's garbage.
// --warmup runs every runner once on that many records before any is measured (0: none), so no
// measured run pays for compiling code (node:http, zlib, JSON, the SDK) that a later one reuses warm.
// --json ends the output with one line of JSON: { [runner]: { recordsPerSecond, clientUsPerRecord } } (for bench/index.mjs).
// --latency adds that many ms to every emulator answer (a WAN round trip).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { costedModel, measureRun } from './batch-measure.mjs';
import { fetchJson, nodeJson, rawBatch } from './batch-raw.mjs';
import { table } from './lib.mjs';

const { values } = parseArgs({ allowNegative: true, options: {
  records: { type: 'string', default: '1000000' }, chunk: { type: 'string', default: '1000' },
  concurrency: { type: 'string', default: '8' }, inflight: { type: 'string', default: '16' },
  workers: { type: 'string', default: '8' }, mode: { type: 'string', default: 'both' }, child: { type: 'boolean', default: false },
  raw: { type: 'boolean', default: true },
  'model-us': { type: 'string', default: '100' }, 'model-records': { type: 'string', default: '20000' },
  latency: { type: 'string', default: '0' }, json: { type: 'boolean', default: false },
  warmup: { type: 'string', default: '20000' }, rounds: { type: 'string', default: '1' },
} });

if (values.child) {
  // Emulator process: answers { cpu, rss } snapshots over IPC.
  const { startEmulator } = await import('@spark/emulator');
  const emu = await startEmulator({ port: 0, recordRequests: false, latencyMs: Number(values.latency), batch: { workers: Number(values.workers) } });
  emu.addModel('batch/double', (i) => ({ y: i.x * 2 }));
  emu.addModel('batch/costed', costedModel(Number(values['model-us'])));
  process.on('message', async (m) => {
    if (m === 'usage') process.send({ cpu: process.cpuUsage(), rss: process.memoryUsage().rss });
    if (m === 'stop') { await emu.close(); process.exit(0); }
  });
  process.send({ url: emu.baseUrl });
} else {
  await main();
}

async function main() {
  const { createClient } = await import('@spark/core');
  const { runBatch, runBatchSync } = await import('@spark/batches');
  const N = Number(values.records);
  const chunkSize = Number(values.chunk);
  const child = fork(fileURLToPath(import.meta.url), ['--child', '--workers', values.workers, '--model-us', values['model-us'], '--latency', values.latency], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const request = (m) => new Promise((resolve) => { child.once('message', resolve); child.send(m); });
  const { url } = await new Promise((resolve) => child.once('message', resolve));
  const spark = createClient({ baseUrl: url, apiKey: 'test-api-key', timeout: 120_000 });

  function* records(n) { for (let x = 0; x < n; x++) yield { x }; }

  // Each driver calls check(index, outputs, error) once per result and returns { retries, peakBuffered }.
  async function viaRunner(run, check) {
    for await (const r of run) check(r.index, r.outputs, r.error);
    const summary = await run.summary;
    return { retries: summary.retries, peakBuffered: summary.peakBufferedResults };
  }
  async function viaChunks(run, check) {
    for await (const results of run.chunks()) for (const r of results) check(r.index, r.outputs, r.error);
    const summary = await run.summary;
    return { retries: summary.retries, peakBuffered: summary.peakBufferedResults };
  }
  const inflight = Number(values.inflight);
  const viaRaw = (call, check) => rawBatch(call, url, 'batch/double', { records: records(N), n: N, chunkSize, inflight, onResult: check })
    .then(() => ({ retries: '-', peakBuffered: '-' }));
  const usage = () => request('usage');
  const results = [];
  const run = async (name, n, drive) => results.push({ name, ...(await measureRun({ name, n, usage, drive })) });

  const asyncName = `runBatch per record (chunk ${chunkSize}, ${inflight} in flight)`;
  const chunksName = `runBatch chunks() (chunk ${chunkSize}, ${inflight} in flight)`;
  // Unmeasured warm-up: each runner once, in the order they are measured.
  const W = Number(values.warmup);
  const drain = () => undefined;
  if (W > 0 && values.mode !== 'sync') {
    await viaRunner(runBatch(spark, 'batch/double', records(W), { chunkSize, maxChunksInFlight: inflight }), drain);
    await viaChunks(runBatch(spark, 'batch/double', records(W), { chunkSize, maxChunksInFlight: inflight }), drain);
    if (values.raw) {
      const viaNode = await nodeJson('test-api-key');
      await rawBatch(viaNode, url, 'batch/double', { records: records(W), n: W, chunkSize, inflight, onResult: drain });
      viaNode.close();
      await rawBatch(fetchJson('test-api-key'), url, 'batch/double', { records: records(W), n: W, chunkSize, inflight, onResult: drain });
    }
  }
  if (W > 0 && values.mode !== 'async') await viaRunner(runBatchSync(spark, 'batch/double', records(W), { chunkSize, concurrency: Number(values.concurrency) }), drain);
  // The measured runners, in rounds: each round rotates their order (no runner always first or
  // last), and each runner's row is its median round by client CPU per record.
  const viaNode = values.raw && values.mode !== 'sync' ? await nodeJson('test-api-key') : undefined;
  const measured = [];
  if (values.mode !== 'sync') {
    measured.push([asyncName, (check) => viaRunner(runBatch(spark, 'batch/double', records(N), { chunkSize, maxChunksInFlight: inflight }), check)]);
    measured.push([chunksName, (check) => viaChunks(runBatch(spark, 'batch/double', records(N), { chunkSize, maxChunksInFlight: inflight }), check)]);
    if (viaNode) {
      measured.push(['raw node:http, same protocol', (check) => viaRaw(viaNode, check)]);
      measured.push(['raw fetch, same protocol', (check) => viaRaw(fetchJson('test-api-key'), check)]);
    }
  }
  if (values.mode !== 'async') {
    measured.push([`runBatchSync (chunk ${chunkSize}, ${values.concurrency} concurrent)`, (check) =>
      viaRunner(runBatchSync(spark, 'batch/double', records(N), { chunkSize, concurrency: Number(values.concurrency) }), check)]);
  }
  const rounds = Math.max(1, Number(values.rounds));
  const byName = new Map(measured.map(([name]) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < measured.length; i++) {
      const [name, drive] = measured[(i + round) % measured.length];
      byName.get(name).push(await measureRun({ name, n: N, usage, drive }));
    }
  }
  viaNode?.close();
  for (const [name, all] of byName) {
    all.sort((a, b) => a.perRecord.client - b.perRecord.client);
    results.push({ name, ...all[(all.length - 1) >> 1] });
  }
  // The same runners on a model that costs CPU, as Spark's engine does.
  const M = Number(values['model-records']);
  const costedNames = [];
  if (M > 0) {
    const us = values['model-us'];
    const costed = [
      [`runBatch, model costing ${us} µs/record`, () => runBatch(spark, 'batch/costed', records(M), { chunkSize, maxChunksInFlight: inflight }), 'sync'],
      [`runBatchSync, model costing ${us} µs/record`, () => runBatchSync(spark, 'batch/costed', records(M), { chunkSize, concurrency: Number(values.concurrency) }), 'async'],
    ];
    for (const [name, start, skipIn] of costed) {
      if (values.mode === skipIn) continue;
      costedNames.push(name);
      await run(name, M, (check) => viaRunner(start(), check));
    }
  }

  const delay = Number(values.latency) > 0 ? `, ${values.latency} ms added to every answer` : '';
  const warmed = W > 0 ? `, each runner warmed up on ${W.toLocaleString('en-US')} records first` : '';
  const median = rounds > 1 ? `; each row the median of ${rounds} rounds by client CPU per record, order rotated every round` : '';
  console.log(`batch benchmark (Node ${process.versions.node}, loopback${delay}, emulator in a child process with ${values.workers} batch workers${warmed}${median})`);
  table(results.map((r) => r.row));
  const cpu = (name) => results.find((r) => r.name === name)?.perRecord;
  for (const [how, name] of [['read per record', asyncName], ['read chunk-wise', chunksName]]) {
    const sdk = cpu(name);
    if (!sdk) continue;
    const vs = (other) => (cpu(other) ? `${(sdk.client / cpu(other).client).toFixed(2)}× ${other}` : undefined);
    const raw = [vs('raw node:http, same protocol'), vs('raw fetch, same protocol')].filter(Boolean);
    console.log(`runBatch ${how}, client CPU per record (model y = 2x): ${((sdk.client / sdk.emulator) * 100).toFixed(0)}% of the emulator's${raw.length ? `; ${raw.join(', ')}` : ''}`);
    console.log(`  so it stays under 10% of the emulator's for any model that costs more than ${(sdk.client * 1e7 - sdk.emulator * 1e6).toFixed(0)} µs of CPU per record`);
  }
  if (values.raw) console.log('(a model that does no work leaves both sides mostly JSON: the raw rows show what any client spends)');
  for (const name of costedNames) {
    const c = cpu(name);
    console.log(`${name} (measured ${(c.emulator * 1e6).toFixed(0)} µs of emulator CPU per record): client CPU per record ${((c.client / c.emulator) * 100).toFixed(1)}% of the emulator's (goal < 10%)`);
  }
  if (values.json) console.log(JSON.stringify(Object.fromEntries(results.map((r) => [r.name, { recordsPerSecond: r.recordsPerSecond, clientUsPerRecord: r.perRecord.client * 1e6 }]))));
  spark.close();
  // The emulator exits on 'stop' without answering: wait for its exit (an await left pending ends Node with code 13).
  await new Promise((resolve) => { child.once('exit', resolve); child.send('stop'); });
  child.kill();
  process.exit(0);
}
