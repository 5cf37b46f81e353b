import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { readLedger } from './ledger.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spark-cli-ledger-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const file = async (name: string, text: string) => {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
};
const indexes = (done: { has(i: number): boolean }, upTo = 10) => Array.from({ length: upTo }, (_, i) => i).filter((i) => done.has(i));

describe('readLedger', () => {
  it('is undefined for a missing file', async () => {
    expect(await readLedger(join(dir, 'none.ndjson'), 'ndjson')).toBeUndefined();
  });

  it('NDJSON: keeps complete lines, drops a torn last line (even one that parses)', async () => {
    const good = '{"index":2,"outputs":{"y":1}}\n{"index":0,"error":{"kind":"record","message":"x"}}\n';
    for (const torn of ['{"index":5,"outp', '{"index":5}']) {
      const ledger = (await readLedger(await file('a.ndjson', good + torn), 'ndjson'))!;
      expect(indexes(ledger.done)).toEqual([0, 2]);
      expect(ledger).toMatchObject({ failed: 1, keepBytes: Buffer.byteLength(good), tornBytes: torn.length });
    }
  });

  it('JSON: a finished array is reopened before its "]"; a torn element is dropped', async () => {
    const head = '[\n{"index":1,"outputs":{}},\n{"index":3,"outputs":{}}';
    const done = (await readLedger(await file('a.json', `${head}\n]\n`), 'json'))!;
    expect(indexes(done.done)).toEqual([1, 3]);
    expect(done).toMatchObject({ opened: true, keepBytes: head.length, tornBytes: 0 });
    const torn = (await readLedger(await file('b.json', `${head},\n{"index":4,"ou`), 'json'))!;
    expect(indexes(torn.done)).toEqual([1, 3]);
    expect(torn).toMatchObject({ keepBytes: head.length, tornBytes: ',\n{"index":4,"ou'.length });
    const empty = (await readLedger(await file('c.json', '['), 'json'))!;
    expect(empty).toMatchObject({ opened: true, keepBytes: 1 });
    const none = (await readLedger(await file('d.json', '[]\n'), 'json'))!;
    expect(none).toMatchObject({ opened: true, keepBytes: 1, tornBytes: 0 });
    expect(none.done.size).toBe(0);
  });

  it('CSV: keeps the header and complete rows, drops a row torn inside a quoted cell or before its newline', async () => {
    const good = 'index,x,volume,error\n0,1,"a\nb",\n1,2,3,"record: bad"\n';
    const ledger = (await readLedger(await file('a.csv', good), 'csv'))!;
    expect(indexes(ledger.done)).toEqual([0, 1]);
    expect(ledger).toMatchObject({ columns: ['index', 'x', 'volume', 'error'], failed: 1, keepBytes: Buffer.byteLength(good), tornBytes: 0 });
    for (const torn of ['2,3,"c\nd', '2,3,4,']) {
      const cut = (await readLedger(await file('b.csv', good + torn), 'csv'))!;
      expect(indexes(cut.done)).toEqual([0, 1]);
      expect(cut).toMatchObject({ keepBytes: Buffer.byteLength(good), tornBytes: Buffer.byteLength(torn) });
    }
  });

  it('refuses a file that is not the output of spark batch run', async () => {
    await expect(readLedger(await file('x.ndjson', 'hello\n{"index":1}\n'), 'ndjson')).rejects.toThrow(UsageError);
    await expect(readLedger(await file('y.ndjson', '{"index":-1}\n'), 'ndjson')).rejects.toThrow(/line 1 is not a result of spark batch run/);
    await expect(readLedger(await file('z.csv', 'a,b\n1,2\n'), 'csv')).rejects.toThrow(/no "index" column/);
    await expect(readLedger(await file('w.json', '{"index":1}\n'), 'json')).rejects.toThrow(UsageError);
  });
});
