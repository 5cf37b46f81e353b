// Cold start of the `spark` command line: in fresh processes, `spark health` and `spark services
// execute` against the emulator, each next to the same call made by a raw node:http script
// (cli-start/raw.mjs, the floor: Node's own start-up plus one request), and `spark --version`
// next to `node -e ""`. The commands take turns, run after run, so a machine whose speed drifts
// weighs on all of them alike. Pass --node <path> to time another Node (on Node >= 22.1 the CLI
// keeps Node's compile cache: the first run fills it, and the medians are warm ones).
// --bin times another build of the CLI (e.g. an older commit's, for a before/after).
// Usage: node bench/cli-start.mjs [--runs 15] [--node /path/to/node] [--bin /path/to/bin/spark.js]
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { fmt, median, table } from './lib.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const INPUTS = '{"radius":2,"height":3}';

/** @param {{ runs?: number, node?: string, bin?: string }} options */
export async function runCliStartBench({ runs = 15, node = process.execPath, bin = fileURLToPath(new URL('../apps/cli/bin/spark.js', import.meta.url)) } = {}) {
  const { startEmulator } = await import('@spark/emulator');
  const emulator = await startEmulator({ port: 0 });
  const apiKey = 'test-api-key'; // the emulator's default key
  const env = { ...process.env, CSPARK_BASE_URL: emulator.baseUrl, CSPARK_API_KEY: apiKey, NO_COLOR: '1' };
  const pairs = [
    ['--version', ['-e', ''], [bin, '--version']],
    ['health', ['cli-start/raw.mjs', emulator.baseUrl, apiKey, 'health'], [bin, 'health']],
    ['services execute', ['cli-start/raw.mjs', emulator.baseUrl, apiKey, 'execute'], [bin, 'services', 'execute', 'my-folder/volume-cylinder', '--inputs', INPUTS]],
  ];
  const time = async (args) => {
    const t0 = performance.now();
    await promisify(execFile)(node, args, { cwd: HERE, env, encoding: 'utf8' });
    return performance.now() - t0;
  };
  const samples = pairs.map(() => ({ raw: [], cli: [] }));
  try {
    for (const [, raw, cli] of pairs) { await time(raw); await time(cli); } // fills a compile cache, if any
    for (let i = 0; i < runs; i++) {
      for (const [j, [, raw, cli]] of pairs.entries()) {
        samples[j].raw.push(await time(raw));
        samples[j].cli.push(await time(cli));
      }
    }
  } finally {
    await emulator.close();
  }
  const results = {};
  const rows = pairs.map(([name, raw], j) => {
    const r = median(samples[j].raw);
    const c = median(samples[j].cli);
    results[name] = { rawMs: r, cliMs: c };
    return { command: `spark ${name}`, 'floor': raw[0] === '-e' ? 'node -e ""' : 'raw node:http script', 'floor ms': fmt(r, 1), 'spark ms': fmt(c, 1), 'spark − floor ms': fmt(c - r, 1), ratio: `${fmt(c / r, 2)}×` };
  });
  const version = (await promisify(execFile)(node, ['-p', 'process.versions.node'], { encoding: 'utf8' })).stdout.trim();
  return { title: `spark CLI cold start (Node ${version}; ${runs} fresh processes each, medians of wall time; emulator in the bench's process)`, rows, results };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' }, node: { type: 'string' }, bin: { type: 'string' } } });
  const { title, rows } = await runCliStartBench({ runs: Number(values.runs), node: values.node, bin: values.bin && resolve(values.bin) });
  console.log(title);
  table(rows);
}
