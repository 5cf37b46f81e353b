import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cylinders, runCli, volume } from './helpers.js';
import { cliSuite } from './cli-suite.js';

const URI = 'my-folder/volume-cylinder';
const cli = cliSuite('formats');

const batch = (args: string[], input?: string) => runCli(['batch', 'run', URI, ...args, ...cli.auth], cli.env, cli.dir, input);

describe('spark batch run formats', () => {
  it('100,000-record CSV in → CSV out: the input columns, the outputs, every row checked', async () => {
    const records = cylinders(100_000);
    await writeFile(join(cli.dir, 'big.csv'), `radius,height\n${records.map((r) => `${r.radius},${r.height}`).join('\n')}\n`);
    const { code, stderr, stdout } = await batch(['--input', 'big.csv', '--output', 'big-out.csv', '--chunk-size', '500', '--json']);
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ recordsIn: 100_000, recordsOut: 100_000, recordsFailed: 0, interrupted: false, resume: null });
    const rows = parse(await readFile(join(cli.dir, 'big-out.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['index', 'radius', 'height', 'volume', 'error']);
    expect(rows).toHaveLength(100_000);
    const seen = new Set<number>();
    for (const row of rows) {
      const index = Number(row['index']);
      expect(seen.has(index)).toBe(false);
      seen.add(index);
      const record = records[index]!;
      expect(Number(row['radius'])).toBe(record.radius);
      expect(Number(row['height'])).toBe(record.height);
      // Written with full precision: the CSV round-trips the number exactly.
      expect(Number(row['volume'])).toBe(volume(record));
      expect(row['error']).toBe('');
    }
    expect(seen.size).toBe(100_000);
  });

  it('stdin → stdout pipeline: NDJSON in, NDJSON out in order; CSV in, CSV out', async () => {
    const records = cylinders(500);
    const ndjson = await batch(['--input', '-', '--output', '-', '--ordered', '--no-progress'], records.map((r) => JSON.stringify(r)).join('\n'));
    expect(ndjson.code, ndjson.stderr).toBe(0);
    const lines = ndjson.stdout.trim().split('\n').map((l) => JSON.parse(l) as { index: number; outputs: { volume: number } });
    expect(lines.map((l) => l.index)).toEqual(records.map((_, i) => i));
    for (const l of lines) expect(l.outputs.volume).toBeCloseTo(volume(records[l.index]!), 9);
    expect(ndjson.stderr).toMatch(/^500 records: 500 ok/);

    const csv = await batch(['--input', '-', '--input-format', 'csv', '--format', 'csv', '--ordered'], `radius,height\n1,2\n"3",4\n`);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout).toBe(`index,radius,height,volume,error\n0,1,2,${volume({ radius: 1, height: 2 })},\n1,3,4,${volume({ radius: 3, height: 4 })},\n`);
  });

  it('JSON out is one array; failed records are errors in the file and exit 1', async () => {
    await writeFile(join(cli.dir, 'mixed.json'), JSON.stringify([{ radius: 1, height: 1 }, { radius: 'x', height: 1 }]));
    const { code, stderr } = await batch(['--input', 'mixed.json', '--output', 'mixed-out.json', '--ordered']);
    expect(code, stderr).toBe(1);
    const results = JSON.parse(await readFile(join(cli.dir, 'mixed-out.json'), 'utf8')) as { index: number; error?: { kind: string; message: string } }[];
    expect(results.map((r) => r.index)).toEqual([0, 1]);
    expect(results[0]!.error).toBeUndefined();
    expect(results[1]!.error).toMatchObject({ kind: 'record', message: 'input "radius" must be a number' });
    expect(stderr).toBe('');
    // CSV: the error column says what went wrong.
    const csv = await batch(['--input', 'mixed.json', '--output', 'mixed-out.csv', '--ordered']);
    expect(csv.code).toBe(1);
    expect(await readFile(join(cli.dir, 'mixed-out.csv'), 'utf8')).toBe(
      `index,radius,height,volume,error\n0,1,1,${Math.PI},\n1,x,1,,"record: input ""radius"" must be a number"\n`,
    );
  });

  it('refuses to overwrite an output without --force, and --resume without a file', async () => {
    await writeFile(join(cli.dir, 'in.ndjson'), '{"radius":1,"height":1}\n');
    await writeFile(join(cli.dir, 'taken.ndjson'), 'keep me\n');
    const refused = await batch(['--input', 'in.ndjson', '--output', 'taken.ndjson']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/taken\.ndjson already exists: add --resume to continue that run, or --force to replace it/);
    expect(await readFile(join(cli.dir, 'taken.ndjson'), 'utf8')).toBe('keep me\n');
    const notLedger = await batch(['--input', 'in.ndjson', '--output', 'taken.ndjson', '--resume']);
    expect(notLedger.code).toBe(2);
    expect(notLedger.stderr).toMatch(/line 1 is not a result of spark batch run/);
    const forced = await batch(['--input', 'in.ndjson', '--output', 'taken.ndjson', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(await readFile(join(cli.dir, 'taken.ndjson'), 'utf8'))).toMatchObject({ index: 0 });
    const stdout = await batch(['--input', 'in.ndjson', '--resume']);
    expect(stdout.code).toBe(2);
    expect(stdout.stderr).toMatch(/--resume needs --output <file>/);
    // A finished file resumed sends nothing more and writes no duplicate.
    const again = await batch(['--input', 'in.ndjson', '--output', 'taken.ndjson', '--resume', '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ recordsIn: 0, recordsSkipped: 1 });
    expect((await readFile(join(cli.dir, 'taken.ndjson'), 'utf8')).trim().split('\n')).toHaveLength(1);
  });
});
