// Time to a first answer: in N fresh processes, import @spark/sdk, then one execute and a second
// one against a loopback server in a child process (the same v3 execute server as execute.mjs).
// What a CLI or a serverless cold start pays before its first result. Informational: no goal.
// Usage: node bench/first-call.mjs [--runs 9]
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { fmt, median, table } from './lib.mjs';
import { startServerProcess } from './servers.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** @param {{ runs?: number }} options */
export async function runFirstCallBench({ runs = 9 } = {}) {
  const server = await startServerProcess({ kind: 'execute' });
  const samples = [];
  try {
    for (let i = 0; i < runs; i++) {
      const { stdout } = await promisify(execFile)(process.execPath, ['first-call/run.mjs', `${server.url}/my-tenant`], { cwd: HERE, encoding: 'utf8' });
      samples.push(JSON.parse(stdout.trim().split('\n').pop()));
    }
  } finally {
    await server.close();
  }
  const results = Object.fromEntries(['importMs', 'firstCallMs', 'secondCallMs'].map((k) => [k, median(samples.map((s) => s[k]))]));
  results.totalMs = median(samples.map((s) => s.importMs + s.firstCallMs));
  const rows = [{ 'import ms': fmt(results.importMs, 1), 'first execute ms': fmt(results.firstCallMs, 1), 'second execute ms': fmt(results.secondCallMs, 1), 'import + first ms': fmt(results.totalMs, 1) }];
  return { title: `time to a first answer (Node ${process.versions.node}; ${runs} fresh processes, medians; loopback server in a child process)`, rows, results };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' } } });
  const { title, rows } = await runFirstCallBench({ runs: Number(values.runs) });
  console.log(title);
  table(rows);
}
