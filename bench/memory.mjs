// Memory per execute call: the SDK against raw node:http, each client in a fresh process of its own.
//   allocated: bytes allocated per call at 32 in flight (V8's sampling heap profiler, objects
//              collected by minor and major GCs included), over `--calls` calls after a warm-up
//   retained:  bytes a call holds while it waits for its answer (heap used after a full GC with
//              `--held` calls waiting on a server that holds every answer, minus the same with none)
// The second is what survives a young-generation collection at any moment; V8 grows its new space
// from what survives, which drives peak RSS (bench/rss.mjs).
// Usage: node bench/memory.mjs [--calls 20000] [--held 500]
import { execFile, fork } from 'node:child_process';
import http from 'node:http';
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { CLIENTS, clientsFor } from './execute-clients.mjs';
import { EXECUTE_BODY, fmt, measure, table } from './lib.mjs';
import { startServerProcess } from './servers.mjs';

const SELF = fileURLToPath(import.meta.url);
const MEASURED = CLIENTS.filter((name) => name === 'raw node:http' || name === 'spark sdk');

/** Bytes allocated per call by `fn` at 32 in flight (sampling heap profiler, 128-byte interval). */
async function allocatedPerCall(fn, calls) {
  await measure(2000, 32, fn);
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', { samplingInterval: 128, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true });
  await measure(calls, 32, fn);
  const { profile } = await session.post('HeapProfiler.stopSampling');
  session.disconnect();
  let total = 0;
  const walk = (node) => { total += node.selfSize; node.children.forEach(walk); };
  walk(profile.head);
  return total / calls;
}

/** Bytes held per waiting call: `held` calls sent to a server that answers only when told. */
async function retainedPerCall(make, held) {
  const server = fork(SELF, ['--hold'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const reply = () => new Promise((resolve) => server.once('message', resolve));
  const { url } = await reply();
  const { clients, close } = await make(url, held + 10);
  const fn = Object.values(clients)[0];
  const wave = async () => { const calls = Array.from({ length: held }, fn); const all = reply(); server.send({ want: held }); await all; return calls; };
  const answer = (calls) => { server.send({ answer: true }); return Promise.all(calls); };
  for (let i = 0; i < 3; i++) await answer(await wave()); // sockets open, code warm
  const heap = async () => { for (let i = 0; i < 4; i++) { globalThis.gc(); await new Promise((r) => setImmediate(r)); } return process.memoryUsage().heapUsed; };
  const idle = await heap();
  const calls = await wave();
  const busy = await heap();
  await answer(calls);
  close();
  server.kill();
  return (busy - idle) / held;
}

/** The server of `retainedPerCall`: holds every answer until the parent says so. */
async function holdServer() {
  const waiting = [];
  let want = Infinity;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => { waiting.push(res); if (waiting.length === want) process.send({ held: want }); });
  });
  server.keepAliveTimeout = 60_000;
  process.on('message', (m) => {
    if (m.want) { want = m.want; if (waiting.length >= want) process.send({ held: waiting.length }); }
    if (m.answer) for (const res of waiting.splice(0)) { res.writeHead(200, { 'content-type': 'application/json' }); res.end(EXECUTE_BODY); }
  });
  server.listen(0, '127.0.0.1', () => process.send({ url: `http://127.0.0.1:${server.address().port}` }));
}

const { values } = parseArgs({ options: { calls: { type: 'string', default: '20000' }, held: { type: 'string', default: '500' }, client: { type: 'string' }, hold: { type: 'boolean', default: false } } });
if (values.hold) await holdServer();
else if (values.client) {
  // One client's figures, in this fresh process.
  const make = (url, pool) => clientsFor(url, [values.client], pool);
  const server = await startServerProcess({ kind: 'execute' });
  const { clients, close } = await make(server.url, 64);
  const allocated = await allocatedPerCall(Object.values(clients)[0], Number(values.calls));
  close();
  await server.close();
  const retained = await retainedPerCall(make, Number(values.held));
  console.log(JSON.stringify({ allocated, retained }));
  process.exit(0);
} else {
  const rows = [];
  for (const name of MEASURED) {
    const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', SELF, '--client', name, '--calls', values.calls, '--held', values.held], { encoding: 'utf8' });
    const { allocated, retained } = JSON.parse(stdout.trim().split('\n').pop());
    rows.push({ client: name, 'allocated B/call (32 in flight)': fmt(allocated), 'retained B per waiting call': fmt(retained) });
  }
  console.log(`memory per execute call (Node ${process.versions.node}; ${values.calls} calls sampled; ${values.held} calls held; each client in a fresh process)`);
  table(rows);
  process.exit(0);
}
