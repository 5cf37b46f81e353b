import { describe, expect, it } from 'vitest';
import { SparkConflictError, SparkNotFoundError, SparkSdkError } from '@spark/core';
import { batches, batchPipeline, createChunks, Pipeline, pullBatchResults } from '../src/index.js';
import { statusBody } from './helpers.js';
import { BASE, json, recorder, type RecordedCall } from '@spark/test-utils';

const URL_B1 = `${BASE}/api/v4/batch/b1`;
const pushed = (call: RecordedCall | undefined) => (call?.json as { chunks: { id: string; size: number; data: { inputs: unknown[][]; parameters: object } }[] }).chunks;

describe('Pipeline handle', () => {
  it('needs an id and makes no call', () => {
    const { spark, calls } = recorder();
    expect(() => batchPipeline(spark, '')).toThrow('batch pipeline id is required to proceed');
    expect(() => spark.use(batches).batches.of('  ')).toThrow(SparkSdkError);
    const p = spark.use(batches).batches.of('b1');
    expect(p).toBeInstanceOf(Pipeline);
    expect({ id: p.id, state: p.state, stats: p.stats, isDisposed: p.isDisposed }).toEqual({ id: 'b1', state: 'open', stats: { chunks: 0, records: 0 }, isDisposed: false });
    expect(calls).toHaveLength(0);
  });
});

describe('getInfo / getStatus (wire)', () => {
  it('GETs api/v4/batch/{id} and /status, encoding the id once', async () => {
    const info = { object: 'batch', id: 'a b', data: { batch_status: 'in_progress', summary: { records_submitted: 4 }, configuration: { max_workers: 10 } } };
    const { spark, calls } = recorder((c) => json(c.url.endsWith('/status') ? statusBody({ record_submitted: 4 }) : info));
    const p = batchPipeline(spark, 'a b');
    expect(await p.getInfo()).toEqual(info);
    const status = await p.getStatus();
    expect(status.record_submitted).toBe(4);
    expect(calls.map((c) => [c.method, c.url, c.body])).toEqual([
      ['GET', `${BASE}/api/v4/batch/a%20b`, undefined],
      ['GET', `${BASE}/api/v4/batch/a%20b/status`, undefined],
    ]);
  });

  it('maps 404 to SparkNotFoundError', async () => {
    const { spark } = recorder(json({ message: 'batch b1 not found' }, 404));
    await expect(batchPipeline(spark, 'b1').getStatus()).rejects.toBeInstanceOf(SparkNotFoundError);
    await expect(batchPipeline(spark, 'b1').getInfo()).rejects.toThrow(/batch b1 not found/);
  });
});

describe('push (wire)', () => {
  it('splits inputs into chunks with a header row and returns the status', async () => {
    const { spark, calls } = recorder(json(statusBody({ record_submitted: 3 })));
    const p = batchPipeline(spark, 'b1');
    const inputs = [{ radius: 2, height: 15 }, { radius: 5, height: 1 }, { radius: 1, height: 1 }];
    const status = await p.push({ inputs }, { chunkSize: 2 });
    expect(status.record_submitted).toBe(3);
    expect(calls[0]).toMatchObject({ method: 'POST', url: `${URL_B1}/chunks` });
    const chunks = pushed(calls[0]);
    expect(chunks.map((c) => [c.size, c.data])).toEqual([
      [2, { inputs: [['radius', 'height'], [2, 15], [5, 1]], parameters: {} }],
      [1, { inputs: [['radius', 'height'], [1, 1]], parameters: {} }],
    ]);
    expect(new Set(chunks.map((c) => c.id)).size).toBe(2);
    expect(p.stats).toEqual({ chunks: 2, records: 3 });
  });

  it('accepts raw JSON text and bytes, chunks, and one chunk of data', async () => {
    const { spark, calls } = recorder(json(statusBody()));
    const p = batchPipeline(spark, 'b1');
    await p.push({ raw: '{"chunks":[{"id":"r1","data":{"inputs":[["x"],[1],[2]]}}]}' });
    await p.push({ raw: new TextEncoder().encode('[{"id":"r2","size":7,"data":{"inputs":[["x"],[3]],"parameters":{"p":1}}}]') });
    await p.push({ chunks: [{ id: 'c1', data: { inputs: [['x'], [4]] } }] });
    await p.push({ data: { inputs: [['x'], [5], [6]], parameters: { tax: 0.1 }, summary: { aggregation: [{ output_name: 'y', operator: 'SUM' }] } } });
    expect(pushed(calls[0])).toEqual([{ id: 'r1', size: 2, data: { inputs: [['x'], [1], [2]], parameters: {} } }]);
    expect(pushed(calls[1])).toEqual([{ id: 'r2', size: 7, data: { inputs: [['x'], [3]], parameters: { p: 1 } } }]);
    expect(pushed(calls[2])).toEqual([{ id: 'c1', size: 1, data: { inputs: [['x'], [4]], parameters: {} } }]);
    const [fromData] = pushed(calls[3]);
    expect(fromData).toMatchObject({ size: 2, data: { inputs: [['x'], [5], [6]], parameters: { tax: 0.1 }, summary: { aggregation: [{ output_name: 'y', operator: 'SUM' }] } } });
    expect(fromData?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(p.stats).toEqual({ chunks: 4, records: 12 });
  });

  it('handles duplicate chunk ids: replace (default), throw, ignore', async () => {
    const { spark, calls } = recorder(json(statusBody()));
    const p = batchPipeline(spark, 'b1');
    const chunk = { id: 'dup', data: { inputs: [['x'], [1]] } };
    await p.push({ chunks: [chunk] });
    await p.push({ chunks: [chunk] });
    expect(pushed(calls[1])?.[0]?.id).not.toBe('dup');
    await expect(p.push({ chunks: [chunk] }, { ifChunkIdDuplicated: 'throw' })).rejects.toThrow('chunk id dup is duplicated for batch pipeline b1');
    expect(calls).toHaveLength(2);
    await p.push({ chunks: [chunk, { id: 'new', data: { inputs: [['x'], [2]] } }] }, { ifChunkIdDuplicated: 'ignore' });
    expect(pushed(calls[2])?.map((c) => c.id)).toEqual(['new']);
    // Nothing left to send: the status is read instead of pushing an empty list.
    await p.push({ chunks: [chunk] }, { ifChunkIdDuplicated: 'ignore' });
    expect(calls[3]).toMatchObject({ method: 'GET', url: `${URL_B1}/status` });
    expect(p.stats).toEqual({ chunks: 3, records: 3 });
  });

  it('keeps stats and duplicate detection per pipeline (the Python SDK shares them)', async () => {
    const { spark, calls } = recorder(json(statusBody()));
    const a = batchPipeline(spark, 'a');
    const b = batchPipeline(spark, 'b');
    await a.push({ chunks: [{ id: 'same', data: { inputs: [['x'], [1], [2]] } }] });
    await b.push({ chunks: [{ id: 'same', data: { inputs: [['x'], [1]] } }] }, { ifChunkIdDuplicated: 'throw' });
    expect(pushed(calls[1])?.[0]?.id).toBe('same');
    expect(a.stats).toEqual({ chunks: 1, records: 2 });
    expect(b.stats).toEqual({ chunks: 1, records: 1 });
  });

  it('rejects bad input before sending', async () => {
    const { spark, calls } = recorder(json(statusBody()));
    const p = batchPipeline(spark, 'b1');
    await expect(p.push({})).rejects.toThrow(/wrong data params were provided for this pipeline b1/);
    await expect(p.push({ inputs: [] })).rejects.toBeInstanceOf(SparkSdkError);
    await expect(p.push({ raw: 'not json' })).rejects.toThrow(/not valid JSON/);
    await expect(p.push({ inputs: [{ x: 1 }] }, { chunkSize: 0 })).rejects.toThrow(/"chunkSize"/);
    await expect(p.push({ inputs: [{ x: 1 }] }, { ifChunkIdDuplicated: 'maybe' as never })).rejects.toThrow(/ifChunkIdDuplicated/);
    expect(calls).toHaveLength(0);
  });

  it('maps 409 (pipeline closed on Spark) to SparkConflictError and records nothing', async () => {
    const { spark } = recorder(json({ message: 'batch b1 is closed' }, 409));
    const p = batchPipeline(spark, 'b1');
    await expect(p.push({ inputs: [{ x: 1 }] })).rejects.toBeInstanceOf(SparkConflictError);
    expect(p.stats).toEqual({ chunks: 0, records: 0 });
  });
});

describe('pull (wire)', () => {
  it('GETs chunkresults with ?max= (default 100, at least 1) and returns data and status', async () => {
    const data = [{ id: 'c1', outputs: [{ y: 2 }], process_time: [1], warnings: [null], errors: [null], summary_output: [[]] }];
    const { spark, calls } = recorder(json({ data, status: statusBody({ records_available: 0 }) }));
    const p = batchPipeline(spark, 'b1');
    const result = await p.pull();
    await p.pull({ maxChunks: 5 });
    await pullBatchResults(spark, 'b1', { maxChunks: 0 });
    expect(calls.map((c) => [c.method, c.url])).toEqual([
      ['GET', `${URL_B1}/chunkresults?max=100`],
      ['GET', `${URL_B1}/chunkresults?max=5`],
      ['GET', `${URL_B1}/chunkresults?max=1`],
    ]);
    expect(result).toEqual({ data, status: statusBody({ records_available: 0 }) });
  });

  it('tolerates an empty body and maps 404', async () => {
    const empty = recorder(json({}));
    expect(await batchPipeline(empty.spark, 'b1').pull()).toEqual({ data: [], status: {} });
    const missing = recorder(json({}, 404));
    await expect(batchPipeline(missing.spark, 'b1').pull()).rejects.toBeInstanceOf(SparkNotFoundError);
  });

  it('rejects a non-integer maxChunks before sending', async () => {
    const { spark, calls } = recorder();
    await expect(batchPipeline(spark, 'b1').pull({ maxChunks: 1.5 })).rejects.toThrow(/"maxChunks"/);
    expect(calls).toHaveLength(0);
  });
});

describe('dispose / close / cancel (wire)', () => {
  it('PATCHes the batch status and guards the local state', async () => {
    const { spark, calls } = recorder((c) => json({ object: 'batch', id: 'b1', data: { batch_status: (c.json as { batch_status?: string } | undefined)?.batch_status } }));
    const closed = batchPipeline(spark, 'b1');
    const info = await closed.close();
    expect(info.data.batch_status).toBe('closed');
    expect(calls[0]).toMatchObject({ method: 'PATCH', url: URL_B1, json: { batch_status: 'closed' } });
    expect({ state: closed.state, isDisposed: closed.isDisposed }).toEqual({ state: 'closed', isDisposed: true });
    await expect(closed.push({ inputs: [{ x: 1 }] })).rejects.toThrow('batch pipeline b1 is already closed');
    await expect(closed.close()).rejects.toThrow('batch pipeline b1 is already closed');
    await closed.pull(); // still allowed: queued chunks finish after close

    const cancelled = batchPipeline(spark, 'b1');
    await cancelled.cancel();
    expect(calls.at(-1)).toMatchObject({ method: 'PATCH', json: { batch_status: 'cancelled' } });
    expect(cancelled.state).toBe('cancelled');
    await expect(cancelled.pull()).rejects.toThrow('batch pipeline b1 is already cancelled');
    await expect(cancelled.dispose('closed')).rejects.toBeInstanceOf(SparkSdkError);
    expect(calls).toHaveLength(3);

    await batchPipeline(spark, 'b1').dispose('cancelled');
    expect(calls.at(-1)?.json).toEqual({ batch_status: 'cancelled' });
  });

  it('rejects an unknown state before sending, and keeps the state open when Spark refuses', async () => {
    const { spark, calls } = recorder(json({}, 409));
    const p = batchPipeline(spark, 'b1');
    await expect(p.dispose('paused' as never)).rejects.toThrow(/"closed" or "cancelled"/);
    expect(calls).toHaveLength(0);
    await expect(p.close()).rejects.toBeInstanceOf(SparkConflictError);
    expect(p.state).toBe('open');
  });
});

describe('createChunks + push round trip', () => {
  it('pushes chunks built by createChunks unchanged', async () => {
    const { spark, calls } = recorder(json(statusBody()));
    const chunks = createChunks([['x'], [1], [2], [3]], { chunkSize: 2, chunkId: (i) => `k${i}` });
    await batchPipeline(spark, 'b1').push({ chunks });
    expect(pushed(calls[0])).toEqual(chunks);
  });
});

describe('standalone pipeline functions validate before sending', () => {
  it('reject an empty id, no chunks and a bad state', async () => {
    const { spark, calls } = recorder(json(statusBody()));
    const { getBatchInfo, getBatchStatus, pushBatchChunks, disposeBatch } = await import('../src/index.js');
    await expect(getBatchInfo(spark, '')).rejects.toThrow('batch pipeline id is required to proceed');
    await expect(getBatchStatus(spark, ' ')).rejects.toBeInstanceOf(SparkSdkError);
    await expect(pullBatchResults(spark, '')).rejects.toBeInstanceOf(SparkSdkError);
    await expect(pushBatchChunks(spark, 'b1', [])).rejects.toThrow(/at least one chunk/);
    await expect(disposeBatch(spark, '', 'closed')).rejects.toBeInstanceOf(SparkSdkError);
    expect(calls).toHaveLength(0);
    await pushBatchChunks(spark, 'b1', createChunks([{ x: 1 }], { chunkId: () => 'only' }));
    expect(calls[0]).toMatchObject({ method: 'POST', url: `${URL_B1}/chunks`, json: { chunks: [{ id: 'only', size: 1, data: { inputs: [['x'], [1]], parameters: {} } }] } });
  });
});
