// Emulator throughput bench: v3 executes/s with 32 requests in flight, then a
// 1,000,000-record async batch pushed in ~1,000-record chunks. The emulator runs in a
// child process (built dist via its bin) so client and server use separate cores;
// its RSS is read from /proc. Usage: node bench/emulator.mjs [--seconds 5] [--records 1000000]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '5' }, records: { type: 'string', default: '1000000' }, chunk: { type: 'string', default: '1000' } },
});
const SECONDS = Number(values.seconds);
const RECORDS = Number(values.records);
const CHUNK = Number(values.chunk);
const KEY = 'test-api-key';
const bin = fileURLToPath(new URL('../packages/emulator/bin/spark-emulator.js', import.meta.url));

function rss(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rssMb: mb('VmRSS'), peakMb: mb('VmHWM') };
}

const child = spawn(process.execPath, [bin, '--port', '0', '--no-record', '-q', '--batch-workers', '2'], { stdio: ['ignore', 'pipe', 'inherit'] });
const origin = await new Promise((resolve, reject) => {
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
    const m = /listening on (http:\/\/\S+)/.exec(out);
    if (m) resolve(m[1]);
  });
  child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
});
const base = `${origin}/my-tenant`;
const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

function request(method, path, body) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const req = http.request(`${base}${path}`, {
      method,
      agent,
      headers: { 'x-synthetic-key': KEY, 'content-type': 'application/json', ...(data ? { 'content-length': data.length } : {}) },
    });
    req.on('response', (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

// 1. v3 executes/s, 32 in flight
const execBody = JSON.stringify({ request_data: { inputs: { radius: 2, height: 3 } }, request_meta: { call_purpose: 'bench' } });
const execPath = '/api/v3/folders/my-folder/services/volume-cylinder/execute';
for (let i = 0; i < 500; i++) await request('POST', execPath, execBody); // warm-up
let done = 0;
let failed = 0;
const end = Date.now() + SECONDS * 1000;
const t0 = Date.now();
await Promise.all(
  Array.from({ length: 32 }, async () => {
    while (Date.now() < end) {
      const r = await request('POST', execPath, execBody);
      if (r.status === 200) done += 1;
      else failed += 1;
    }
  }),
);
const execSeconds = (Date.now() - t0) / 1000;
console.log(`v3 execute: ${Math.round(done / execSeconds)} req/s (${done} ok, ${failed} failed, ${execSeconds.toFixed(1)} s, 32 in flight)`);
console.log(`  emulator memory after executes: ${JSON.stringify(rss(child.pid))}`);

// 2. 1M-record batch
const created = JSON.parse((await request('POST', '/api/v4/batch', { service: 'my-folder/volume-cylinder', max_input_size_in_mb: 32, max_output_size_in_mb: 32 })).text);
const id = created.id;
const chunks = Math.ceil(RECORDS / CHUNK);
const b0 = Date.now();
let pushed = 0;
let received = 0;
let next = 0;
let retries429 = 0;
let peak = 0;
const sample = () => (peak = Math.max(peak, rss(child.pid).rssMb));
const pushers = Array.from({ length: 4 }, async () => {
  while (next < chunks) {
    const n = next++;
    const rows = Math.min(CHUNK, RECORDS - n * CHUNK);
    const inputs = [['radius', 'height']];
    for (let i = 0; i < rows; i++) inputs.push([(i % 20) + 1, (n % 10) + 1]);
    const body = JSON.stringify({ chunks: [{ id: `c${n}`, size: rows, data: { inputs, parameters: {} } }] });
    for (;;) {
      const r = await request('POST', `/api/v4/batch/${id}/chunks`, body);
      if (r.status === 200) break;
      if (r.status === 429) {
        retries429 += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      throw new Error(`push failed: ${r.status} ${r.text}`);
    }
    pushed += rows;
  }
});
const puller = (async () => {
  let polls = 0;
  while (received < RECORDS) {
    const r = JSON.parse((await request('GET', `/api/v4/batch/${id}/chunkresults?max=100`)).text);
    for (const c of r.data) received += c.outputs.length;
    if (r.data.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    if (++polls % 20 === 0) sample();
  }
})();
await Promise.all([...pushers, puller]);
await request('PATCH', `/api/v4/batch/${id}`, { batch_status: 'closed' });
const status = JSON.parse((await request('GET', `/api/v4/batch/${id}/status`)).text);
const batchSeconds = (Date.now() - b0) / 1000;
sample();
console.log(
  `batch: ${RECORDS} records in ${chunks} chunks: ${batchSeconds.toFixed(1)} s (${Math.round(RECORDS / batchSeconds)} records/s), ` +
    `pushed ${pushed}, received ${received}, 429 retries ${retries429}`,
);
console.log(`  final status: ${status.batch_status}, record_submitted ${status.record_submitted}, records_completed ${status.records_completed}, buffers in/out ${status.input_buffer_used_bytes}/${status.output_buffer_used_bytes}`);
console.log(`  emulator RSS: sampled peak ${peak.toFixed(0)} MB, final ${JSON.stringify(rss(child.pid))}`);
agent.destroy();
child.kill('SIGTERM');
