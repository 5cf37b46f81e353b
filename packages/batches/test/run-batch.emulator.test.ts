import { describe, expect, it } from 'vitest';
import { createClient } from '@spark/core';
import { startEmulator } from '@spark/emulator';
import { runBatch, type BatchProgress, type BatchRecordResult } from '../src/index.js';
import { numbers, last } from './helpers.js';
import { batchIdOf, expectBounded, expectExactlyOnce, runnerSuite, SLOW, slowRun } from './runner-suite.js';

const suite = runnerSuite();
const { emu } = suite;

describe('runBatch over real HTTP (emulator)', () => {
  it('10,000 records through 503s, 429s with Retry-After, dropped connections on push and pull: each index exactly once', async () => {
    emu.faults.add({ match: /^POST .*\/chunks$/, status: 503, rate: 0.15, seed: 7 });
    emu.faults.add({ match: /^POST .*\/chunks$/, status: 429, retryAfter: 0.02, rate: 0.15, seed: 8 });
    emu.faults.add({ match: /^POST .*\/chunks$/, reset: 'after-body', rate: 0.1, seed: 9 });
    emu.faults.add({ match: /^GET .*\/chunkresults$/, reset: 'after-body', rate: 0.1, seed: 10 });
    emu.faults.add({ match: /^GET .*\/chunkresults$/, status: 503, rate: 0.1, seed: 11 });
    emu.faults.add({ match: /^GET .*\/chunkresults$/, latencyMs: 15, rate: 0.2, seed: 12 });
    try {
      const events: BatchProgress[] = [];
      const run = runBatch<{ x: number }, { y: number }>(suite.spark, 'batch/double', numbers(10_000), {
        chunkSize: 200, maxRetries: 10, retryDelay: 5, onProgress: (p) => events.push(p),
      });
      const results: BatchRecordResult<{ y: number }>[] = [];
      for await (const r of run) results.push(r);
      expectExactlyOnce(results, 10_000);
      const summary = await run.summary;
      expect(summary).toMatchObject({ recordsIn: 10_000, recordsOut: 10_000, recordsFailed: 0, chunks: 50 });
      expect(summary.recordsPerSecond).toBeGreaterThan(0);
      expect(events.length).toBeGreaterThan(0);
      expect(events.at(-1)).toMatchObject({ recordsCompleted: 10_000, recordsEmitted: 10_000 });
      // Faults really happened, and the pipeline was closed at the end.
      const pushes = emu.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/chunks')).length;
      expect(pushes).toBeGreaterThan(50);
      const close = last(emu.requests, (r) => r.method === 'PATCH');
      expect(batchIdOf(close?.path ?? '')).toBe(summary.batchId);
      expect(JSON.parse(close?.body ?? '{}')).toEqual({ batch_status: 'closed' });
    } finally {
      emu.faults.clear();
    }
  });

  it('restores input order with ordered: true (async iterable of rows with a header row)', async () => {
    async function* rows(): AsyncGenerator<unknown[]> {
      yield ['x'];
      for (let x = 0; x < 3_000; x++) yield [x];
    }
    const run = runBatch<unknown[], { y: number }>(suite.spark, 'batch/double', rows(), { chunkSize: 100, ordered: true, maxBufferedResults: 1_000 });
    const indexes: number[] = [];
    for await (const r of run) {
      expect(r.outputs?.y).toBe(r.index * 2);
      indexes.push(r.index);
    }
    expect(indexes).toEqual(Array.from({ length: 3_000 }, (_, i) => i));
    const pushed = emu.requests.find((r) => r.method === 'POST' && r.path.endsWith('/chunks'));
    expect(JSON.parse(pushed?.body ?? '{}').chunks[0].data.inputs[0]).toEqual(['x']);
  });

  it('reports model errors per record and keeps going', async () => {
    const run = runBatch<{ x: number }, { y: number }>(suite.spark, 'batch/picky', numbers(700), { chunkSize: 100 });
    const results: BatchRecordResult<{ y: number }>[] = [];
    for await (const r of run) results.push(r);
    expect(results).toHaveLength(700);
    const failed = results.filter((r) => r.error);
    expect(failed.map((r) => r.index).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i * 7 + 3));
    expect(failed[0]?.error).toMatchObject({ kind: 'record', message: expect.stringContaining('unlucky') });
    expect(results.filter((r) => !r.error).every((r) => r.outputs?.y === r.index * 2)).toBe(true);
    expect(await run.summary).toMatchObject({ recordsOut: 600, recordsFailed: 100 });
  });

  it('creates no pipeline for no records', async () => {
    const before = emu.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/api/v4/batch')).length;
    const run = runBatch(suite.spark, 'batch/double', []);
    expect(await run.drain()).toMatchObject({ recordsIn: 0, recordsOut: 0, batchId: undefined });
    expect(emu.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/api/v4/batch')).length).toBe(before);
  });

  it('abort mid-run: the iterator throws, the pipeline is cancelled and disposed', async () => {
    const controller = new AbortController();
    const run = runBatch<{ x: number }, { y: number }>(suite.spark, 'batch/double', numbers(50_000), { chunkSize: 100, signal: controller.signal });
    let received = 0;
    const consume = async () => {
      for await (const _ of run) if (++received === 500) controller.abort();
    };
    await expect(consume()).rejects.toMatchObject({ name: 'AbortError' });
    await expect(run.summary).rejects.toMatchObject({ name: 'AbortError' });
    const batchId = run.progress.batchId!;
    const patch = last(emu.requests, (r) => r.method === 'PATCH' && batchIdOf(r.path) === batchId);
    expect(JSON.parse(patch?.body ?? '{}')).toEqual({ batch_status: 'cancelled' });
    const info = await suite.spark.request<{ data: { batch_status: string } }>({ operation: 'test', method: 'GET', path: `api/v4/batch/${batchId}` });
    expect(info.data.data.batch_status).toBe('cancelled');
    expect(run.progress.recordsRead).toBeLessThan(50_000);
  });

  it('an early break cancels the pipeline too', async () => {
    const run = runBatch(suite.spark, 'batch/double', numbers(20_000), { chunkSize: 100 });
    for await (const r of run) if (r.index >= 0) break;
    await expect(run.summary).rejects.toMatchObject({ name: 'AbortError' });
    const patch = last(emu.requests, (r) => r.method === 'PATCH' && batchIdOf(r.path) === run.progress.batchId);
    expect(JSON.parse(patch?.body ?? '{}')).toEqual({ batch_status: 'cancelled' });
  });

  it('a slow consumer bounds the results held client-side and slows the producer', async () => {
    const { maxBufferedResults } = SLOW;
    const { run, events } = slowRun(suite);
    let worstLead = 0;
    let n = 0;
    for await (const _ of run) {
      if (++n % 50 === 0) await new Promise((r) => setTimeout(r, 2));
      const p = run.progress;
      expect(p.bufferedResults).toBeLessThanOrEqual(maxBufferedResults);
      worstLead = Math.max(worstLead, p.recordsRead - p.recordsEmitted);
    }
    expect(n).toBe(2_000);
    expectBounded(await run.summary, events, worstLead, SLOW);
  });
  it('never pushes beyond the input buffer Spark reports (no "buffer full" 429)', async () => {
    const statuses: number[] = [];
    const client = createClient({
      baseUrl: emu.baseUrl, apiKey: emu.apiKey,
      hooks: { afterResponse: [(c, r) => void (c.operation === 'batches.push' && statuses.push(r.status))] },
    });
    try {
      const events: BatchProgress[] = [];
      // ~2 KB of input buffer: two or three chunks of 100 records fit at a time.
      const run = runBatch(client, 'batch/double', numbers(3_000), {
        chunkSize: 100, maxChunksInFlight: 32, create: { maxInputSize: 0.002 }, onProgress: (p) => events.push(p),
      });
      expect((await run.drain()).recordsOut).toBe(3_000);
      expect(statuses.length).toBeGreaterThanOrEqual(30);
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      const used = events.map((e) => e.inputBufferUsedBytes ?? 0);
      expect(Math.max(...used)).toBeLessThanOrEqual(0.002 * 1024 * 1024);
      expect(Math.max(...used)).toBeGreaterThan(0);
    } finally {
      client.close();
    }
  });

  it('keeps within the input buffer when answers overtake each other (held push and pull answers)', async () => {
    // One slow worker: the input buffer stays nearly full, so an overestimate shows as a 429.
    const slow = await startEmulator({ port: 0, batch: { workers: 1, recordLatencyMs: 0.5 } });
    slow.addModel('batch/double', (i) => ({ y: (i['x'] as number) * 2 }));
    const statuses: number[] = [];
    const client = createClient({
      baseUrl: slow.baseUrl, apiKey: 'test-api-key', maxRetries: 0,
      hooks: { afterResponse: [(c, r) => void (c.operation === 'batches.push' && statuses.push(r.status))] },
    });
    // Half the push and pull answers are held 40 ms after the emulator handled them, so
    // statuses reach the runner out of order: older snapshots after newer ones.
    slow.faults.add({ match: /^POST .*\/chunks$/, answerDelayMs: 40, rate: 0.5, seed: 7 });
    slow.faults.add({ match: /^GET .*\/chunkresults$/, answerDelayMs: 40, rate: 0.5, seed: 11 });
    try {
      const seen = new Uint8Array(1_500);
      const run = runBatch(client, 'batch/double', numbers(1_500), { chunkSize: 25, maxChunksInFlight: 32, pushConcurrency: 8, create: { maxInputSize: 0.002 } });
      for await (const r of run) {
        seen[r.index]!++;
        expect(r.outputs).toEqual({ y: r.index * 2 });
      }
      expect(seen.every((n) => n === 1)).toBe(true);
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
    } finally {
      client.close();
      await slow.close();
    }
  });
});
