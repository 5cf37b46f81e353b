import { readdir, readFile, stat, writeFile, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '@spark/emulator';
import { cylinders, runCli, startCli, volume, waitFor } from './helpers.js';
import { cliSuite } from './cli-suite.js';

const URI = 'my-folder/volume-cylinder';
// Slow records (1 ms each, 4 workers) so that a signal lands mid-run.
const cli = cliSuite('interrupt', { batch: { recordLatencyMs: 1 } });
const { emu } = cli;

beforeAll(async () => {
  await writeFile(join(cli.dir, 'in.ndjson'), cylinders(20_000).map((r) => JSON.stringify(r)).join('\n'));
});

const size = (path: string) => stat(path).then((s) => s.size, () => 0);

/** Every index once, each with the right volume; returns how many. */
function checkResults(lines: { index: number; outputs?: { volume: number }; error?: unknown }[], records: { radius: number; height: number }[]): number {
  const seen = new Set<number>();
  for (const line of lines) {
    expect(line.error).toBeUndefined();
    expect(seen.has(line.index), `index ${line.index} twice`).toBe(false);
    seen.add(line.index);
    expect(line.outputs!.volume).toBeCloseTo(volume(records[line.index]!), 9);
  }
  return seen.size;
}

async function batchStatus(id: string): Promise<string> {
  const res = await fetch(`${emu.baseUrl}/api/v4/batch/${id}/status`, { headers: { 'x-synthetic-key': 'test-api-key' } });
  return ((await res.json()) as { batch_status: string }).batch_status;
}

/** The results of a JSON or CSV output file. */
async function results(path: string): Promise<{ index: number; outputs?: { volume: number }; error?: unknown }[]> {
  const text = await readFile(path, 'utf8');
  if (path.endsWith('.json')) return JSON.parse(text);
  const rows = parse(text, { columns: true }) as Record<string, string>[];
  expect(Object.keys(rows[0] ?? { index: 0, radius: 0, height: 0, volume: 0, error: 0 })).toEqual(['index', 'radius', 'height', 'volume', 'error']);
  return rows.map((r) => ({ index: Number(r['index']), outputs: { volume: Number(r['volume']) }, ...(r['error'] ? { error: r['error'] } : {}) }));
}

describe.each([
  ['SIGINT', 130, 'json'],
  ['SIGTERM', 143, 'csv'],
] as const)('spark batch run, %s mid-run', (signal, exitCode, format) => {
  it(`cancels the pipeline on Spark, keeps every result received as valid ${format}, says how to resume; --resume completes it`, async () => {
    const out = join(cli.dir, `out-${signal}.${format}`);
    const running = startCli(['batch', 'run', URI, '--input', 'in.ndjson', '--output', out, ...cli.auth], cli.env, cli.dir);
    await waitFor(async () => (await size(out)) > 20_000);
    running.child.kill(signal);
    const { code } = await running.exited;
    expect(code, running.stderr()).toBe(exitCode);
    const summary = running.stdout();
    expect(summary).toMatch(/^stopped: [\d,]+ records: [\d,]+ ok, 0 failed/);
    const batchId = /\[batch ([\w-]+)\]/.exec(summary)![1]!;
    // The cancel left before the client closed: Spark has the pipeline cancelled, not in progress.
    expect(await batchStatus(batchId)).toBe('cancelled');
    expect(emu.requests.some((r) => r.method === 'PATCH' && r.path.includes(batchId) && r.body?.includes('cancelled'))).toBe(true);
    expect(running.stderr()).toMatch(new RegExp(`to continue: spark batch run ${URI} --input in.ndjson --output \\S+ --base-url \\S+ --api-key '…' --resume`));
    expect(running.stderr()).not.toContain('test-api-key');
    const partial = await results(out);
    const records = cylinders(20_000);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(20_000);
    checkResults(partial, records);
    expect(await readdir(cli.dir)).not.toContainEqual(expect.stringMatching(/partial|tmp/));

    const resumed = await runCli(['batch', 'run', URI, '--input', 'in.ndjson', '--output', out, '--resume', '--json', ...cli.auth], cli.env, cli.dir);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ recordsSkipped: partial.length, recordsOut: 20_000 - partial.length, interrupted: false });
    expect(checkResults(await results(out), records)).toBe(20_000);
  });
});

describe('spark batch run, two signals', () => {
  it('a second SIGINT exits at once, even while the cancel is still waiting for Spark', async () => {
    emu.faults.add({ match: /^PATCH .*\/batch\//, latencyMs: 60_000 });
    try {
      const out = join(cli.dir, 'twice.ndjson');
      const running = startCli(['batch', 'run', URI, '--input', 'in.ndjson', '--output', out, ...cli.auth], cli.env, cli.dir);
      await waitFor(async () => (await size(out)) > 5_000);
      running.child.kill('SIGINT');
      await waitFor(() => running.stderr().includes('SIGINT: stopping'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(running.child.exitCode).toBeNull(); // still waiting for the cancel
      running.child.kill('SIGINT');
      const { code } = await running.exited; // long before the 60 s the cancel would take
      expect(code).toBe(130);
      expect(running.stderr()).toContain('SIGINT again: exiting now');
    } finally {
      emu.faults.clear();
    }
  });
});

describe('spark batch run, kill -9 then --resume', () => {
  it('100,000 records: every input index exactly once with the right outputs', async () => {
    const fast = await startEmulator({ port: 0 });
    try {
      const records = cylinders(100_000);
      await writeFile(join(cli.dir, 'big.ndjson'), records.map((r) => JSON.stringify(r)).join('\n'));
      const out = join(cli.dir, 'big-out.ndjson');
      const args = ['batch', 'run', URI, '--input', 'big.ndjson', '--output', out, '--base-url', fast.baseUrl, '--api-key', 'test-api-key'];
      const running = startCli(args, cli.env, cli.dir);
      await waitFor(async () => (await size(out)) > 1_000_000); // ≈ 20,000 results
      running.child.kill('SIGKILL');
      expect((await running.exited).signal).toBe('SIGKILL');
      const text = await readFile(out, 'utf8');
      const before = text.split('\n').filter((l) => l.endsWith('}')).length;
      expect(before).toBeLessThan(100_000);
      // Make sure a torn last line is there to drop, whether or not the kill tore one.
      if (text.endsWith('\n')) await appendFile(out, '{"index":12,"outp');
      const resumed = await runCli([...args, '--resume', '--json'], cli.env, cli.dir);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stderr).toMatch(/resuming: [\d,]+ records already answered .* \(dropped a torn last line of \d+ bytes\)/);
      const lines = (await readFile(out, 'utf8')).split('\n');
      expect(lines.pop()).toBe('');
      expect(checkResults(lines.map((l) => JSON.parse(l)), records)).toBe(100_000);
      expect(JSON.parse(resumed.stdout).recordsSkipped).toBeGreaterThanOrEqual(before - 1);
    } finally {
      await fast.close();
    }
  });
});
