import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, SparkNotFoundError, type SparkClient } from '@spark/core';
import { withEmulator } from '@spark/test-utils/emulator';
import { last } from './helpers.js';
import { batches, createChunks, type BatchesApi, type ChunkResult } from '../src/index.js';

const emu = withEmulator();
let spark: SparkClient<{ readonly batches: BatchesApi }>;

beforeAll(async () => {
  emu.addModel('batch/double', (i) => ({ y: (i['x'] as number) * 2 }));
  spark = createClient({ baseUrl: emu.baseUrl, apiKey: emu.apiKey }).use(batches);
});

afterAll(async () => {
  spark?.close();
});

describe('batches over real HTTP (emulator)', () => {
  it('create → push → status → pull → info → close', async () => {
    const batch = await spark.batches.create('batch/double', { maxRunners: 4, accuracy: 0.95, maxInputSize: 2 });
    expect(batch).toMatchObject({ object: 'batch', data: { batch_status: 'created', service_uri: expect.stringContaining('batch/double') } });
    const createBody = JSON.parse(last(emu.requests, (r) => r.method === 'POST' && r.path.endsWith('/api/v4/batch'))?.body ?? '{}');
    expect(createBody).toMatchObject({ service: 'batch/double', max_workers: 4, acceptable_error_percentage: 5, max_input_in_mb: 2 });

    const pipeline = spark.batches.of(batch.id);
    const records = Array.from({ length: 25 }, (_, x) => ({ x }));
    const pushed = await pipeline.push({ inputs: records }, { chunkSize: 10 });
    expect(pushed.record_submitted).toBe(25);
    expect(pipeline.stats).toEqual({ chunks: 3, records: 25 });

    const results: ChunkResult<{ y: number }>[] = [];
    for (let i = 0; i < 200 && results.length < 3; i++) {
      const status = await pipeline.getStatus();
      expect(status).toHaveProperty('record_submitted', 25);
      if (status.records_available > 0) results.push(...(await pipeline.pull<{ y: number }>({ maxChunks: 2 })).data);
      else await new Promise((r) => setTimeout(r, 10));
    }
    expect(results.map((r) => r.outputs.length).sort()).toEqual([8, 8, 9]); // split evenly
    expect(results.flatMap((r) => r.outputs.map((o) => o.y)).sort((a, b) => a - b)).toEqual(records.map((r) => r.x * 2));
    expect(emu.requests.some((r) => r.path.includes('/chunkresults?max=2'))).toBe(true);

    const info = await pipeline.getInfo();
    expect(info.data.summary).toMatchObject({ records_submitted: 25, records_completed: 25, chunks_submitted: 3 });
    expect(info.data.configuration).toMatchObject({ max_workers: 4, acceptable_error_percentage: 5 });

    await pipeline.close();
    expect(pipeline.state).toBe('closed');
    expect((await pipeline.getInfo()).data.batch_status).toMatch(/^(closed|completed)$/);
    const described = await spark.batches.describe();
    expect([...described.in_progress_batches, ...described.recent_batches].some((b) => b.id === batch.id)).toBe(true);
  });

  it('pushes raw, chunks and data forms; cancel discards', async () => {
    const batch = await spark.batches.create('batch/double');
    const pipeline = spark.batches.of(batch.id);
    await pipeline.push({ raw: JSON.stringify({ chunks: createChunks([{ x: 1 }, { x: 2 }]) }) });
    await pipeline.push({ chunks: createChunks([['x'], [3]]) });
    const status = await pipeline.push({ data: { inputs: [['x'], [4], [5]], parameters: {} } });
    expect(status.record_submitted).toBe(5);
    await pipeline.cancel();
    expect(pipeline.state).toBe('cancelled');
    expect((await pipeline.getInfo()).data.batch_status).toBe('cancelled');
    const patch = last(emu.requests, (r) => r.method === 'PATCH');
    expect(JSON.parse(patch?.body ?? '{}')).toEqual({ batch_status: 'cancelled' });
  });

  it('maps an unknown batch id to SparkNotFoundError', async () => {
    const pipeline = spark.batches.of('no-such-batch');
    await expect(pipeline.getStatus()).rejects.toBeInstanceOf(SparkNotFoundError);
    await expect(pipeline.getInfo()).rejects.toBeInstanceOf(SparkNotFoundError);
    await expect(pipeline.pull()).rejects.toBeInstanceOf(SparkNotFoundError);
    await expect(pipeline.push({ inputs: [{ x: 1 }] })).rejects.toBeInstanceOf(SparkNotFoundError);
  });

  it('rejects an unknown service at creation with SparkNotFoundError', async () => {
    await expect(spark.batches.create('batch/missing')).rejects.toBeInstanceOf(SparkNotFoundError);
  });
});
