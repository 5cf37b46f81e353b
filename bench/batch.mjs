// Batch benchmark: 1,000,000 records with a JS model through the emulator, by the async pipeline
// runner (runBatch) and by the synchronous v4 alternative (runBatchSync). The emulator runs in a
// child process so the client's CPU and RSS are measured apart from the server's.
// Usage: node bench/batch.mjs [--records 1000000] [--chunk 1000] [--concurrency 8] [--mode both|async|sync]
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: {
  records: { type: 'string', default: '1000000' }, chunk: { type: 'string', default: '1000' },
  concurrency: { type: 'string', default: '8' }, inflight: { type: 'string', default: '16' },
  workers: { type: 'string', default: '8' }, mode: { type: 'string', default: 'both' }, child: { type: 'boolean', default: false },
} });

if (values.child) {
  // Emulator process: answers { cpu, rss } snapshots over IPC.
  const { startEmulator } = await import('@spark/emulator');
  const emu = await startEmulator({ port: 0, recordRequests: false, batch: { workers: Number(values.workers) } });
  emu.addModel('batch/double', (i) => ({ y: i.x * 2 }));
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
  const child = fork(fileURLToPath(import.meta.url), ['--child', '--workers', values.workers], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const request = (m) => new Promise((resolve) => { child.once('message', resolve); child.send(m); });
  const { url } = await new Promise((resolve) => child.once('message', resolve));
  const spark = createClient({ baseUrl: url, apiKey: 'test-api-key', timeout: 120_000 });

  function* records(n) { for (let x = 0; x < n; x++) yield { x }; }

  async function measure(name, start) {
    global.gc?.();
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 50);
    const emu0 = await request('usage');
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const seen = new Uint8Array(N);
    let wrong = 0;
    const run = start();
    for await (const r of run) {
      seen[r.index]++;
      if (r.error || r.outputs.y !== r.index * 2) wrong++;
    }
    const summary = await run.summary;
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const emu1 = await request('usage');
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const once = seen.every((c) => c === 1);
    return {
      runner: name,
      records: N.toLocaleString('en-US'),
      'records/s': Math.round(N / seconds).toLocaleString('en-US'),
      seconds: seconds.toFixed(1),
      'client CPU s': ((cpu.user + cpu.system) / 1e6).toFixed(1),
      'emulator CPU s': ((emu1.cpu.user + emu1.cpu.system - emu0.cpu.user - emu0.cpu.system) / 1e6).toFixed(1),
      'client peak RSS MB': (peakRss / 2 ** 20).toFixed(0),
      'emulator RSS MB': (emu1.rss / 2 ** 20).toFixed(0),
      'exactly once': once && wrong === 0 ? 'yes' : `NO (${wrong} wrong)`,
      retries: summary.retries,
      'peak buffered': summary.peakBufferedResults,
    };
  }

  const rows = [];
  if (values.mode !== 'sync') {
    rows.push(await measure(`runBatch (chunk ${chunkSize}, ${values.inflight} in flight)`, () =>
      runBatch(spark, 'batch/double', records(N), { chunkSize, maxChunksInFlight: Number(values.inflight) })));
  }
  if (values.mode !== 'async') {
    rows.push(await measure(`runBatchSync (chunk ${chunkSize}, ${values.concurrency} concurrent)`, () =>
      runBatchSync(spark, 'batch/double', records(N), { chunkSize, concurrency: Number(values.concurrency) })));
  }
  console.log(`batch benchmark (Node ${process.versions.node}, loopback, emulator in a child process with ${values.workers} batch workers)`);
  const widths = Object.keys(rows[0]).map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  console.log(line(Object.keys(rows[0])));
  for (const r of rows) console.log(line(Object.values(r)));
  spark.close();
  await request('stop').catch(() => undefined);
  child.kill();
  process.exit(0);
}
