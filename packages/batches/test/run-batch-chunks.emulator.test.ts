import { describe, expect, it } from 'vitest';
import { SparkSdkError } from '@spark/core';
import { runBatch, runBatchSync, type BatchProgress, type BatchRecordResult, type BatchRun } from '../src/index.js';
import { numbers, last } from './helpers.js';
import { batchIdOf, expectBounded, expectExactlyOnce, runnerSuite, SLOW, slowRun } from './runner-suite.js';

type Result = BatchRecordResult<{ y: number }>;

const suite = runnerSuite();
const { emu } = suite;

/** Reads a run chunk-wise; checks every array is one chunk's non-empty results. */
async function readChunks(run: BatchRun<{ y: number }>, chunkSize: number): Promise<Result[][]> {
  const arrays: Result[][] = [];
  for await (const results of run.chunks()) {
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(chunkSize);
    expect(new Set(results.map((r) => r.chunkId)).size).toBe(1);
    arrays.push(results);
  }
  return arrays;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('run.chunks(): results an array per chunk', () => {
  it('unordered, through 503s and dropped connections: each index exactly once, progress counts every record', async () => {
    emu.faults.add({ match: /^POST .*\/chunks$/, status: 503, rate: 0.15, seed: 21 });
    emu.faults.add({ match: /^POST .*\/chunks$/, reset: 'after-body', rate: 0.1, seed: 22 });
    emu.faults.add({ match: /^GET .*\/chunkresults$/, reset: 'after-body', rate: 0.1, seed: 23 });
    try {
      const events: BatchProgress[] = [];
      const run = runBatch<{ x: number }, { y: number }>(suite.spark, 'batch/double', numbers(5_000), {
        chunkSize: 100, maxRetries: 10, retryDelay: 5, onProgress: (p) => events.push(p),
      });
      const arrays = await readChunks(run, 100);
      expectExactlyOnce(arrays.flat(), 5_000);
      expect(await run.summary).toMatchObject({ recordsIn: 5_000, recordsOut: 5_000, chunks: 50 });
      expect(run.progress).toMatchObject({ recordsEmitted: 5_000, bufferedResults: 0 });
    } finally {
      emu.faults.clear();
    }
  });

  it('ordered: the arrays, flattened, are the input order', async () => {
    // Held pull answers let later chunks finish first, so the window has work to do.
    emu.faults.add({ match: /^GET .*\/chunkresults$/, latencyMs: 10, rate: 0.3, seed: 24 });
    try {
      const run = runBatch<{ x: number }, { y: number }>(suite.spark, 'batch/double', numbers(3_000), { chunkSize: 100, ordered: true, maxBufferedResults: 1_000 });
      const results = (await readChunks(run, 100)).flat();
      expect(results.map((r) => r.index)).toEqual(range(3_000));
      expectExactlyOnce(results, 3_000);
    } finally {
      emu.faults.clear();
    }
  });

  it('a record the model failed is an entry of its chunk, with its error', async () => {
    const run = runBatch<{ x: number }, { y: number }>(suite.spark, 'batch/picky', numbers(700), { chunkSize: 100 });
    const arrays = await readChunks(run, 100);
    const failed = arrays.flatMap((results) => results.filter((r) => r.error));
    expect(failed.map((r) => r.index).sort((a, b) => a - b)).toEqual(range(100).map((i) => i * 7 + 3));
    expect(failed[0]?.error).toMatchObject({ kind: 'record', message: expect.stringContaining('unlucky') });
    expect(arrays.flat()).toHaveLength(700);
    expect(await run.summary).toMatchObject({ recordsOut: 600, recordsFailed: 100 });
  });

  it('a slow chunk consumer bounds the results held client-side', async () => {
    const { maxBufferedResults } = SLOW;
    const { run, events } = slowRun(suite);
    let worstLead = 0;
    let n = 0;
    for await (const results of run.chunks()) {
      n += results.length;
      await new Promise((r) => setTimeout(r, 5));
      const p = run.progress;
      expect(p.bufferedResults).toBeLessThanOrEqual(maxBufferedResults);
      worstLead = Math.max(worstLead, p.recordsRead - p.recordsEmitted);
    }
    expect(n).toBe(2_000);
    expectBounded(await run.summary, events, worstLead, SLOW);
    // The consumer was slow: the buffer did fill up.
    expect(Math.max(...events.map((e) => e.bufferedResults))).toBeGreaterThan(maxBufferedResults / 2);
  });

  it('an early break cancels the pipeline, as the per-record loop does', async () => {
    const run = runBatch(suite.spark, 'batch/double', numbers(20_000), { chunkSize: 100 });
    for await (const results of run.chunks()) if (results.length > 0) break;
    await expect(run.summary).rejects.toMatchObject({ name: 'AbortError' });
    expect(run.progress.recordsRead).toBeLessThan(20_000);
    const patch = last(emu.requests, (r) => r.method === 'PATCH' && batchIdOf(r.path) === run.progress.batchId);
    expect(JSON.parse(patch?.body ?? '{}')).toEqual({ batch_status: 'cancelled' });
  });

  it('abort mid-run: the chunk iterator throws the reason and the pipeline is cancelled', async () => {
    const controller = new AbortController();
    const run = runBatch(suite.spark, 'batch/double', numbers(50_000), { chunkSize: 100, signal: controller.signal });
    let received = 0;
    const consume = async () => {
      for await (const results of run.chunks()) if ((received += results.length) >= 500) controller.abort();
    };
    await expect(consume()).rejects.toMatchObject({ name: 'AbortError' });
    await expect(run.summary).rejects.toMatchObject({ name: 'AbortError' });
    const patch = last(emu.requests, (r) => r.method === 'PATCH' && batchIdOf(r.path) === run.progress.batchId);
    expect(JSON.parse(patch?.body ?? '{}')).toEqual({ batch_status: 'cancelled' });
  });

  it('a run is read one way only: mixing per-record and chunk-wise reading throws a SparkSdkError naming both', async () => {
    const byChunk = runBatch<{ x: number }, { y: number }>(suite.spark, 'batch/double', numbers(300), { chunkSize: 100 });
    const chunks = byChunk.chunks();
    expect(byChunk.chunks()).toBe(chunks);
    expect(() => byChunk[Symbol.asyncIterator]()).toThrow(SparkSdkError);
    expect(() => byChunk[Symbol.asyncIterator]()).toThrow(/already read chunk-wise \(`run\.chunks\(\)`\).*cannot also be read per record/);
    // The refused call changed nothing: the chunk-wise reading goes on to the end.
    const results: Result[] = [];
    for await (const array of chunks) results.push(...array);
    expectExactlyOnce(results, 300);

    const byRecord = runBatch<{ x: number }, { y: number }>(suite.spark, 'batch/double', numbers(300), { chunkSize: 100 });
    const records = byRecord[Symbol.asyncIterator]();
    const first = await records.next();
    expect(() => byRecord.chunks()).toThrow(/already read per record .*cannot also be read chunk-wise \(`run\.chunks\(\)`\)/);
    const rest: Result[] = [];
    for await (const r of byRecord) rest.push(r);
    expectExactlyOnce([first.value as Result, ...rest], 300);
  });
});

describe('runBatchSync(...).chunks()', () => {
  it('ordered: exactly once, in input order, a chunk per array', async () => {
    const run = runBatchSync<{ x: number }, { y: number }>(suite.spark, 'batch/double', numbers(1_000), { chunkSize: 100, concurrency: 4, ordered: true });
    const arrays = await readChunks(run, 100);
    expect(arrays).toHaveLength(10);
    expect(arrays.flat().map((r) => r.index)).toEqual(range(1_000));
    expectExactlyOnce(arrays.flat(), 1_000);
    expect(() => run[Symbol.asyncIterator]()).toThrow(SparkSdkError);
    expect(await run.summary).toMatchObject({ recordsIn: 1_000, recordsOut: 1_000, chunks: 10 });
  });
});
