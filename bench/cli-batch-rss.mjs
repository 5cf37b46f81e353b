// Peak memory of `spark batch run` on a big input (not a test: run it by hand on a quiet machine).
//
//   pnpm --filter @spark/cli build && node bench/cli-batch-rss.mjs [records=1000000] [csv|ndjson]
//
// Starts `spark emulator start` in its own process, writes a CSV (or NDJSON) of cylinder records,
// runs `spark batch run … --output out.csv`, and samples the CLI process's VmHWM (peak resident
// set, Linux /proc) every 50 ms. Prints records, seconds, records/s and peak RSS, and checks that
// every input index is in the output exactly once.
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../apps/cli/bin/spark.js', import.meta.url));
const count = Number(process.argv[2] ?? 1_000_000);
const format = process.argv[3] ?? 'csv';
const dir = await mkdtemp(join(tmpdir(), 'spark-rss-'));

const emulator = spawn(process.execPath, [BIN, 'emulator', 'start', '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
const [first] = await once(createInterface({ input: emulator.stdout }), 'line');
const { baseUrl } = JSON.parse(first);

try {
  const input = join(dir, `in.${format}`);
  const out = createWriteStream(input);
  if (format === 'csv') out.write('radius,height\n');
  for (let i = 0; i < count; i++) {
    const r = 1 + (i % 17) / 4;
    const h = 2 + (i % 11) / 2;
    const line = format === 'csv' ? `${r},${h}\n` : `${JSON.stringify({ radius: r, height: h })}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  await new Promise((resolve) => out.end(resolve));

  const output = join(dir, `out.${format}`);
  const started = Date.now();
  const cli = spawn(process.execPath, [BIN, 'batch', 'run', 'my-folder/volume-cylinder', '--input', input, '--output', output,
    '--base-url', baseUrl, '--api-key', 'test-api-key', '--chunk-size', '500', '--no-progress', '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let peakKb = 0;
  const sample = async () => {
    try {
      const status = await readFile(`/proc/${cli.pid}/status`, 'utf8');
      peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch { /* the process has exited */ }
  };
  const timer = setInterval(sample, 50);
  let stdout = '';
  cli.stdout.on('data', (chunk) => (stdout += chunk));
  const [code] = await once(cli, 'close');
  clearInterval(timer);
  const seconds = (Date.now() - started) / 1000;
  const seen = new Uint8Array(count);
  let lines = 0;
  let duplicates = 0;
  for await (const line of createInterface({ input: createReadStream(output) })) {
    if (lines++ === 0 && format === 'csv') continue;
    const index = format === 'csv' ? Number(line.slice(0, line.indexOf(','))) : JSON.parse(line).index;
    if (seen[index]) duplicates++;
    seen[index] = 1;
  }
  const missing = seen.reduce((n, v) => n + (v ? 0 : 1), 0);
  console.log(JSON.stringify({ records: count, format, exitCode: code, seconds, recordsPerSecond: Math.round(count / seconds), peakRssMb: Math.round(peakKb / 1024), missing, duplicates, summary: JSON.parse(stdout || 'null') }, null, 2));
} finally {
  emulator.kill('SIGINT');
  await once(emulator, 'close');
  await rm(dir, { recursive: true, force: true });
}
