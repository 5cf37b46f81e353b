import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, SparkNotFoundError, type SparkClient } from '@spark/core';
import { withEmulator } from '@spark/test-utils/emulator';
import { batches, executeBatchSync, runBatchSync, type BatchesApi, type BatchRecordResult } from '../src/index.js';
import { numbers, last } from './helpers.js';

const emu = withEmulator();
let spark: SparkClient<{ readonly batches: BatchesApi }>;

beforeAll(async () => {
  emu.addModel('batch/double', async (i) => {
    if ((i['x'] as number) % 97 === 0) await new Promise((r) => setTimeout(r, 1));
    return { y: (i['x'] as number) * 2 };
  });
  emu.addModel('batch/picky', (i) => {
    if ((i['x'] as number) === 5) throw new Error('five is not allowed');
    return { y: (i['x'] as number) * 2 };
  });
  spark = createClient({ baseUrl: emu.baseUrl, apiKey: emu.apiKey, retryInterval: 0.01 }).use(batches);
});

afterAll(async () => {
  spark?.close();
});

describe('runBatchSync over real HTTP (v4 execute)', () => {
  it('2,000 records through 503s and dropped connections: each index exactly once, in order when asked', async () => {
    emu.faults.add({ match: /^POST .*\/api\/v4\/execute$/, status: 503, rate: 0.2, seed: 3 });
    emu.faults.add({ match: /^POST .*\/api\/v4\/execute$/, status: 429, retryAfter: 0.01, rate: 0.1, seed: 4 });
    emu.faults.add({ match: /^POST .*\/api\/v4\/execute$/, reset: 'before-body', rate: 0.1, seed: 5 });
    try {
      const run = spark.batches.runSync<{ x: number }, { y: number }>('batch/double', numbers(2_000), {
        chunkSize: 100, concurrency: 4, ordered: true, maxRetries: 10, retryDelay: 2, correlationId: 'sync-1',
      });
      const indexes: number[] = [];
      for await (const r of run) {
        expect(r.outputs?.y).toBe(r.index * 2);
        indexes.push(r.index);
      }
      expect(indexes).toEqual(Array.from({ length: 2_000 }, (_, i) => i));
      expect(await run.summary).toMatchObject({ recordsIn: 2_000, recordsOut: 2_000, recordsFailed: 0, chunks: 20, batchId: undefined });
      const body = JSON.parse(last(emu.requests, (r) => r.path.endsWith('/api/v4/execute'))?.body ?? '{}');
      expect(body).toMatchObject({ service: 'batch/double', correlation_id: 'sync-1', call_purpose: 'Sync Batch Execution' });
      expect(body.inputs).toHaveLength(100);
    } finally {
      emu.faults.clear();
    }
  });

  it('accepts rows with a header row and reports model errors per record', async () => {
    const rows = [['x'], ...Array.from({ length: 12 }, (_, x) => [x])];
    const results: BatchRecordResult<{ y: number }>[] = [];
    for await (const r of executeBatchSync<unknown[], { y: number }>(spark, 'batch/picky', rows, { chunkSize: 5 })) results.push(r);
    expect(results.map((r) => r.index).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    const five = results.find((r) => r.index === 5);
    expect(five?.error).toMatchObject({ kind: 'record', message: expect.stringContaining('five') });
    expect(results.filter((r) => !r.error).every((r) => r.outputs?.y === r.index * 2)).toBe(true);
  });

  it('fails the chunk records after the retries are spent (exactly one result each)', async () => {
    emu.faults.add({ match: /^POST .*\/api\/v4\/execute$/, status: 500, count: 100 });
    try {
      const run = runBatchSync(spark, 'batch/double', numbers(30), { chunkSize: 10, maxRetries: 1, retryDelay: 1 });
      const results = [];
      for await (const r of run) results.push(r);
      expect(results).toHaveLength(30);
      expect(results.every((r) => r.error?.kind === 'chunk')).toBe(true);
      expect(results[0]?.error?.message).toMatch(/500/);
      expect(await run.summary).toMatchObject({ recordsFailed: 30, recordsOut: 0 });
    } finally {
      emu.faults.clear();
    }
  });

  it('stops on a fatal error (unknown service): the iterator and summary reject', async () => {
    const run = runBatchSync(spark, 'batch/missing', numbers(10));
    await expect(run.drain()).rejects.toBeInstanceOf(SparkNotFoundError);
    await expect(run.summary).rejects.toBeInstanceOf(SparkNotFoundError);
  });

  it('aborts mid-run', async () => {
    const controller = new AbortController();
    const run = runBatchSync(spark, 'batch/double', numbers(100_000), { chunkSize: 50, signal: controller.signal });
    let n = 0;
    await expect((async () => {
      for await (const _ of run) if (++n === 200) controller.abort(new Error('enough'));
    })()).rejects.toThrow('enough');
    expect(run.progress.recordsRead).toBeLessThan(100_000);
  });
});
