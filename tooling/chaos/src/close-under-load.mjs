// Child process of test/lifecycle.test.ts: starts 500 executes against a slow emulator, closes
// the client while they are in flight, reports, and then simply returns. It never calls
// process.exit: the parent checks that nothing (socket, timer) keeps this process alive.
import { createClient, SparkClosedError } from '@spark/core';
import { Client } from '@spark/sdk';
import { executeService } from '@spark/services';

const [baseUrl, kind] = process.argv.slice(2);
const CALLS = 500;
const options = { baseUrl, apiKey: 'test-api-key', poolSize: CALLS };
const client = kind === 'sdk' ? new Client(options) : createClient(options);
const core = kind === 'sdk' ? client.spark : client;
const calls = Array.from({ length: CALLS }, (_, i) => executeService(core, 'chaos/echo', { inputs: { id: `c${i}`, x: i } }));
await new Promise((resolve) => setTimeout(resolve, 400)); // let them reach the server

const started = performance.now();
client.close();
const settled = await Promise.allSettled(calls);
const closeMs = performance.now() - started;
const late = await executeService(core, 'chaos/echo', { inputs: { id: 'late', x: 1 } }).then(() => 'fulfilled', (e) => e.name);
// Destroyed sockets release their handles on a later turn of the event loop.
await new Promise((resolve) => setTimeout(resolve, 50));
const resources = {};
for (const r of process.getActiveResourcesInfo()) if (!/^(TTYWrap|PipeWrap|ProcessWrap|FSReqCallback)$/.test(r)) resources[r] = (resources[r] ?? 0) + 1;
process.stdout.write(`${JSON.stringify({
  calls: CALLS,
  closedErrors: settled.filter((s) => s.status === 'rejected' && s.reason instanceof SparkClosedError).length,
  other: settled.filter((s) => !(s.status === 'rejected' && s.reason instanceof SparkClosedError)).map((s) => s.status === 'fulfilled' ? 'fulfilled' : `${s.reason?.name}: ${s.reason?.message}`).slice(0, 5),
  closeMs: Math.round(closeMs),
  late,
  resources,
})}\n`);
