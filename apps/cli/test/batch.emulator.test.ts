import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cylinders, runCli } from './helpers.js';
import { cliSuite } from './cli-suite.js';

const URI = 'my-folder/volume-cylinder';
const COUNT = 1000;
const records = cylinders(COUNT);
const cli = cliSuite('batch');
const { emu } = cli;

beforeAll(async () => {
  await writeFile(join(cli.dir, 'records.csv'), `radius,height\n${records.map((r) => `${r.radius},${r.height}`).join('\n')}\n`);
  await writeFile(join(cli.dir, 'headerless.csv'), `${records.map((r) => `${r.radius},${r.height}`).join('\r\n')}\r\n`);
  await writeFile(join(cli.dir, 'records.json'), JSON.stringify(records));
  await writeFile(join(cli.dir, 'records.ndjson'), records.map((r) => JSON.stringify(r)).join('\n'));
});

const run = (...args: string[]) => runCli(['batch', 'run', URI, '--base-url', emu.baseUrl, '--api-key', emu.apiKey, ...args], cli.env, cli.dir);

/** Every record exactly once, with the right volume. */
async function expectResults(path: string): Promise<void> {
  const lines = (await readFile(path, 'utf8')).split('\n');
  expect(lines.pop()).toBe('');
  expect(lines).toHaveLength(COUNT);
  const seen = new Set<number>();
  for (const line of lines) {
    const { index, outputs, error } = JSON.parse(line) as { index: number; outputs?: { volume: number }; error?: unknown };
    expect(error).toBeUndefined();
    expect(seen.has(index)).toBe(false);
    seen.add(index);
    const { radius, height } = records[index]!;
    expect(outputs!.volume).toBeCloseTo(Math.PI * radius * radius * height, 9);
  }
  expect(seen.size).toBe(COUNT);
  expect(Math.min(...seen)).toBe(0);
  expect(Math.max(...seen)).toBe(COUNT - 1);
}

describe('spark batch run', () => {
  it('runs a CSV file (numbers converted) with a JSON summary', async () => {
    const out = join(cli.dir, 'csv.ndjson');
    const { code, stdout, stderr } = await run('--input', 'records.csv', '--output', out, '--chunk-size', '100', '--json');
    expect(code, stderr).toBe(0);
    // stderr holds at most plain periodic progress lines (not a TTY): no carriage returns.
    expect(stderr).not.toContain('\r');
    for (const line of stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^progress: \d/);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ recordsIn: COUNT, recordsOut: COUNT, recordsFailed: 0, output: out });
    await expectResults(out);
    // No temporary file is left behind.
    expect((await readdir(cli.dir)).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('runs a JSON array with a human summary and plain progress on a non-TTY stderr', async () => {
    const out = join(cli.dir, 'json.ndjson');
    const { code, stdout, stderr } = await run('--input', 'records.json', '--output', out);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^1,000 records: 1,000 ok, 0 failed, \d+ chunks, 0 retries in [\d.]+ s/);
    expect(stderr).not.toContain('\r');
    await expectResults(out);
  });

  it('runs an NDJSON file, in order with --ordered', async () => {
    const out = join(cli.dir, 'ndjson.ndjson');
    const { code, stderr } = await run('--input', 'records.ndjson', '--output', out, '--ordered', '--chunk-size', '64');
    expect(code, stderr).toBe(0);
    await expectResults(out);
    const indexes = (await readFile(out, 'utf8')).trim().split('\n').map((l) => (JSON.parse(l) as { index: number }).index);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
  });

  it('runs a header-less CSV given --columns, results on stdout', async () => {
    const { code, stdout, stderr } = await run('--input', 'headerless.csv', '--columns', 'radius,height', '--no-progress');
    expect(code, stderr).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(COUNT);
    expect(stderr).toMatch(/^1,000 records: 1,000 ok/);
  });

  it('bad input files exit 2 and leave no output file', async () => {
    await writeFile(join(cli.dir, 'bad.ndjson'), '{"radius":1,"height":1}\nnot json\n');
    const out = join(cli.dir, 'bad-out.ndjson');
    const bad = await run('--input', 'bad.ndjson', '--output', out);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/error: --input: line 2 of bad\.ndjson is not valid JSON/);
    expect((await readdir(cli.dir)).filter((f) => f.startsWith('bad-out') || f.includes('bad-out.ndjson'))).toEqual([]);
    const missing = await run('--input', 'missing.csv');
    expect(missing.code).toBe(2);
    const format = await run('--input', 'records.txt');
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/use --input-format/);
  });
});
