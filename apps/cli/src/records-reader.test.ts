import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from './errors.js';
import { castCell, readRecords, recordFormat } from './records-reader.js';

let dir: string;
const collect = async <T>(items: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spark-cli-records-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('castCell', () => {
  it('converts numbers and empty cells only', () => {
    expect(castCell('2.5')).toBe(2.5);
    expect(castCell('-3')).toBe(-3);
    expect(castCell('1e3')).toBe(1000);
    expect(castCell('.5')).toBe(0.5);
    expect(castCell('')).toBeNull();
    expect(castCell('007')).toBe('007');
    expect(castCell('0x10')).toBe('0x10');
    expect(castCell('abc')).toBe('abc');
    expect(castCell('TRUE')).toBe('TRUE');
  });
});

describe('readRecords', () => {
  it('parses CSV with a header row, quotes and a BOM', async () => {
    const path = join(dir, 'a.csv');
    await writeFile(path, '\uFEFFradius,height,label\r\n2,3,"a, b"\r\n\r\n1.5,,x\r\n');
    expect(await collect(await readRecords(path))).toEqual([
      { radius: 2, height: 3, label: 'a, b' },
      { radius: 1.5, height: null, label: 'x' },
    ]);
  });

  it('parses CSV without a header row given column names', async () => {
    const path = join(dir, 'b.csv');
    await writeFile(path, '16.16,22.32\n13.51,25.28\n');
    expect(await collect(await readRecords(path, { columns: ['radius', 'height'] }))).toEqual([
      { radius: 16.16, height: 22.32 },
      { radius: 13.51, height: 25.28 },
    ]);
  });

  it('parses a JSON array and a v4 body', async () => {
    const a = join(dir, 'a.json');
    await writeFile(a, '[{"x":1},{"x":2}]');
    expect(await collect(await readRecords(a))).toEqual([{ x: 1 }, { x: 2 }]);
    const b = join(dir, 'b.json');
    await writeFile(b, '{"inputs":[{"x":3}]}');
    expect(await collect(await readRecords(b))).toEqual([{ x: 3 }]);
  });

  it('parses NDJSON and names the bad line', async () => {
    const path = join(dir, 'a.ndjson');
    await writeFile(path, '{"x":1}\n\n{"x":2}\n{oops\n');
    const error = await collect(await readRecords(path)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/line 4 of .*a\.ndjson is not valid JSON/);
  });

  it('rejects a missing file, bad JSON shapes and unknown formats', async () => {
    await expect(readRecords(join(dir, 'missing.csv'))).rejects.toThrow(/cannot read .*ENOENT/);
    const obj = join(dir, 'obj.json');
    await writeFile(obj, '{"x":1}');
    await expect(collect(await readRecords(obj))).rejects.toThrow(/must hold a JSON array/);
    expect(() => recordFormat('records.txt')).toThrow(/use --format/);
    expect(recordFormat('r.JSONL')).toBe('ndjson');
    expect(recordFormat('r.txt', 'csv')).toBe('csv');
  });
});
