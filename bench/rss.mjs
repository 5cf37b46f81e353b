// Client peak RSS at 32 in flight: the SDK and raw node:http, each alone in a fresh process
// (bench/execute.mjs --clients X --loads 32 --rss; its server is a child of that process), so
// each peak is one client's own. Usage: node bench/rss.mjs [--calls 5000]
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { promisify } from 'node:util';
import { fmt, median } from './lib.mjs';

const EXECUTE = join(dirname(fileURLToPath(import.meta.url)), 'execute.mjs');

/** Peak RSS (MB) of each client's process after `calls` executes at 32 in flight (median of `runs`). */
export async function runRssBench({ calls = 5000, runs = 3 } = {}) {
  const results = {};
  for (const client of ['raw node:http', 'spark sdk']) {
    const peaks = [];
    for (let i = 0; i < runs; i++) {
      const { stdout } = await promisify(execFile)(process.execPath, [EXECUTE, '--clients', client, '--loads', '32', '--parallel', String(calls), '--rounds', '1', '--warmup', '200', '--rss'], { encoding: 'utf8' });
      peaks.push(JSON.parse(stdout.trim().split('\n').pop()).peakRssMB);
    }
    results[client] = median(peaks);
  }
  const ratio = results['spark sdk'] / results['raw node:http'];
  const rows = [{ 'spark sdk MB': fmt(results['spark sdk'], 1), 'raw node:http MB': fmt(results['raw node:http'], 1), 'sdk ÷ node:http': `${fmt(ratio, 2)}×` }];
  return { title: `client peak RSS, execute at 32 in flight (${calls} calls + warm-up, each client alone in a fresh process; median of ${runs})`, rows, results: { ...results, ratio } };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { table } = await import('./lib.mjs');
  const { values } = parseArgs({ options: { calls: { type: 'string', default: '5000' }, runs: { type: 'string', default: '3' } } });
  const { title, rows } = await runRssBench({ calls: Number(values.calls), runs: Number(values.runs) });
  console.log(title);
  table(rows);
}
