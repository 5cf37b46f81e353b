// Time to a first answer: in N fresh processes, import @spark/sdk, then one execute and a second
// one against a loopback server in a child process (the same v3 execute server as execute.mjs);
// alternating with it, the same through the functions path (@spark/core + @spark/services).
// What a CLI or a serverless cold start pays before its first result.
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
  const samples = { client: [], functions: [] };
  try {
    // The two paths alternate, so both meet the machine in the same state.
    for (let i = 0; i < runs; i++) {
      for (const path of ['client', 'functions']) {
        const { stdout } = await promisify(execFile)(process.execPath, ['first-call/run.mjs', `${server.url}/my-tenant`, path], { cwd: HERE, encoding: 'utf8' });
        samples[path].push(JSON.parse(stdout.trim().split('\n').pop()));
      }
    }
  } finally {
    await server.close();
  }
  const medians = (list) => {
    const m = Object.fromEntries(['importMs', 'firstCallMs', 'secondCallMs'].map((k) => [k, median(list.map((s) => s[k]))]));
    return { ...m, totalMs: median(list.map((s) => s.importMs + s.firstCallMs)) };
  };
  const results = { ...medians(samples.client), functions: medians(samples.functions) };
  const row = (what, r) => ({ path: what, 'import ms': fmt(r.importMs, 1), 'first execute ms': fmt(r.firstCallMs, 1), 'second execute ms': fmt(r.secondCallMs, 1), 'import + first ms': fmt(r.totalMs, 1) });
  const rows = [row('Client from @spark/sdk', results), row('createClient (@spark/core) + executeService (@spark/services)', results.functions)];
  return { title: `time to a first answer (Node ${process.versions.node}; ${runs} fresh processes, medians; loopback server in a child process)`, rows, results };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' } } });
  const { title, rows } = await runFirstCallBench({ runs: Number(values.runs) });
  console.log(title);
  table(rows);
}
