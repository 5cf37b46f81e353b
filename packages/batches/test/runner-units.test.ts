import { describe, expect, it } from 'vitest';
import { SparkBadRequestError, SparkConnectionError, SparkNotFoundError, SparkSdkError, SparkServiceUnavailableError } from '@spark/core';
import { ResultLedger } from '../src/runner/result-ledger.js';
import { ChunkIds } from '../src/runner/run-chunk-ids.js';
import { OrderingWindow } from '../src/runner/ordering-window.js';
import { toRecordResults } from '../src/runner/record-results.js';
import { classifyFailure } from '../src/runner/errors.js';
import { RecordSource } from '../src/runner/record-source.js';
import { ResultQueue } from '../src/runner/result-queue.js';
import { chunkDataJson, chunkDataTail } from '../src/runner/chunk-data.js';
import { runBatch, runBatchSync } from '../src/index.js';
import { recorder } from '@spark/test-utils';

const api = (E: typeof SparkNotFoundError, status: number) => new E('x', { status, method: 'GET', url: 'u', requestId: 'r', body: null });

describe('ResultLedger', () => {
  it('takes each chunk once, in any order, with bounded memory', () => {
    const ledger = new ResultLedger();
    expect(ledger.finish(2)).toBe(true);
    expect(ledger.finish(0)).toBe(true);
    expect(ledger.finish(2)).toBe(false);
    expect(ledger.sparse).toBe(1);
    expect(ledger.finish(1)).toBe(true);
    expect(ledger.sparse).toBe(0);
    expect([0, 1, 2].every((s) => ledger.isDone(s))).toBe(true);
    expect(ledger.finish(0)).toBe(false);
    expect(ledger.isDone(3)).toBe(false);
  });
});

describe('ChunkIds', () => {
  it('maps first and re-submitted ids back to their chunk, and ignores foreign ids', () => {
    const ids = new ChunkIds('run1');
    expect(ids.id(7)).toBe('run1-7');
    expect(ids.id(7, 2)).toBe('run1-7-r2');
    expect(ids.seqOf('run1-7')).toBe(7);
    expect(ids.seqOf('run1-7-r2')).toBe(7);
    expect(ids.seqOf('run2-7')).toBeUndefined();
    expect(ids.seqOf('run1-x')).toBeUndefined();
    expect(ids.seqOf(42)).toBeUndefined();
  });
});

describe('OrderingWindow', () => {
  it('releases in order when ordered, straight through otherwise', () => {
    const w = new OrderingWindow<number>(true);
    expect(w.add(1, [10, 11])).toEqual([]);
    expect(w.held).toBe(2);
    expect(w.add(2, [20])).toEqual([]);
    expect(w.add(0, [0])).toEqual([[0], [10, 11], [20]]);
    expect({ held: w.held, next: w.nextSeq }).toEqual({ held: 0, next: 3 });
    expect(new OrderingWindow<number>(false).add(5, [1])).toEqual([[1]]);
  });
});

describe('toRecordResults', () => {
  it('gives exactly count results: outputs, record errors, missing', () => {
    const results = toRecordResults<{ y: number }>(
      { outputs: [{ y: 0 }, {}, { y: 4 }], errors: [null, [{ message: 'bad input' }], []], warnings: [null, null, ['w']], process_time: [1, 2, 3] },
      100, 4, 'c',
    );
    expect(results).toEqual([
      { index: 100, chunkId: 'c', outputs: { y: 0 }, warnings: undefined, processTime: 1 },
      { index: 101, chunkId: 'c', error: { kind: 'record', message: 'bad input', details: [{ message: 'bad input' }] }, warnings: undefined, processTime: 2 },
      { index: 102, chunkId: 'c', outputs: { y: 4 }, warnings: ['w'], processTime: 3 },
      { index: 103, chunkId: 'c', error: { kind: 'missing', message: expect.stringContaining('3 results for the 4 records') } },
    ]);
  });
});

describe('classifyFailure', () => {
  it('retries 429/5xx/network, fails the chunk on other 4xx, stops on 404 and SDK errors', () => {
    expect(classifyFailure(api(SparkServiceUnavailableError, 503))).toBe('retry');
    expect(classifyFailure(new SparkConnectionError('down', 'GET', 'u', 'r'))).toBe('retry');
    expect(classifyFailure(api(SparkBadRequestError, 400))).toBe('fail-chunk');
    expect(classifyFailure(api(SparkNotFoundError, 404))).toBe('fatal');
    expect(classifyFailure(new SparkSdkError('bad'))).toBe('fatal');
    expect(classifyFailure(new DOMException('aborted', 'AbortError'))).toBe('fatal');
  });
});

describe('RecordSource', () => {
  it('reads sync and async iterables chunk by chunk, taking the header row off', async () => {
    const sync = new RecordSource([['a', 'b'], [1, 2], [3, 4], [5, 6]], undefined, 'op');
    expect(await sync.next(2)).toEqual({ seq: 0, start: 0, records: [[1, 2], [3, 4]], headers: ['a', 'b'] });
    expect(await sync.next(2)).toEqual({ seq: 1, start: 2, records: [[5, 6]], headers: ['a', 'b'] });
    expect(await sync.next(2)).toBeUndefined();
    expect(sync.recordsRead).toBe(3);
    async function* gen() { yield { x: 1 }; yield { x: 2 }; }
    const source = new RecordSource(gen(), undefined, 'op');
    expect((await source.next(5))?.records).toEqual([{ x: 1 }, { x: 2 }]);
    expect(() => new RecordSource(42 as never, undefined, 'op')).toThrow(SparkSdkError);
  });
});

describe('ResultQueue', () => {
  it('hands out results in order, then the end or the failure', async () => {
    const q = new ResultQueue<number>();
    q.push([1, 2]);
    q.push([3]);
    expect(q.size).toBe(3);
    expect(await q.take()).toBe(1);
    const waiting = q.take().then(() => q.take());
    expect(await waiting).toBe(3);
    q.fail(new Error('boom'));
    await expect(q.take()).rejects.toThrow('boom');
  });

  it('hands out a chunk as the very array pushed (no copy), the rest of a started one, then the end', async () => {
    const q = new ResultQueue<number>();
    const first = [1, 2, 3];
    const second = [4, 5];
    q.push(first);
    q.push(second);
    expect(q.shiftChunk()).toBe(first);
    expect(q.size).toBe(2);
    expect(q.shift()).toBe(4);
    expect(q.shiftChunk()).toEqual([5]);
    expect(q.size).toBe(0);
    const waiting = q.takeChunk();
    q.push([6]);
    expect(await waiting).toEqual([6]);
    q.end();
    expect(await q.takeChunk()).toBeUndefined();
  });
});

describe('chunkDataJson (the data of a runner push)', () => {
  it('is the JSON of { inputs: [headers, ...rows], parameters, summary? }, null for missing keys', () => {
    const objects = [{ a: 1, b: 'x' }, { b: 'y', c: true }, { a: undefined }];
    expect(chunkDataJson(objects, undefined, chunkDataTail(undefined, undefined), 'batches.run'))
      .toBe(JSON.stringify({ inputs: [['a', 'b', 'c'], [1, 'x', null], [null, 'y', true], [null, null, null]], parameters: {} }));
    expect(chunkDataJson([{ a: 1, z: 9 }], ['z', 'a'], chunkDataTail({ rate: 2 }, { sum: 1 }), 'batches.run'))
      .toBe(JSON.stringify({ inputs: [['z', 'a'], [9, 1]], parameters: { rate: 2 }, summary: { sum: 1 } }));
  });

  it('serialises rows under the given headers without changing the caller\'s arrays', () => {
    const rows = [[1, 2], [3, 4]];
    const frozen = JSON.stringify(rows);
    expect(chunkDataJson(rows, ['a', 'b'], chunkDataTail(undefined, undefined), 'batches.run')).toBe('{"inputs":[["a","b"],[1,2],[3,4]],"parameters":{}}');
    expect(JSON.stringify(rows)).toBe(frozen);
  });

  it('rejects rows without headers and mixed records like tabulate()', () => {
    expect(() => chunkDataJson([[1]], undefined, '}', 'batches.run')).toThrow(/rows need a header row/);
    expect(() => chunkDataJson([{ a: 1 }, [1]], undefined, '}', 'batches.run')).toThrow(SparkSdkError);
  });
});

describe('runner option validation (nothing is sent)', () => {
  it('throws SparkSdkError for bad options and bad records', () => {
    const { spark, calls } = recorder();
    expect(() => runBatch(spark, 'f/s', [], { chunkSize: 0 })).toThrow(/"chunkSize"/);
    expect(() => runBatch(spark, 'f/s', [], { maxChunksInFlight: -1 })).toThrow(SparkSdkError);
    expect(() => runBatchSync(spark, 'f/s', [], { concurrency: 1.5 })).toThrow(/"concurrency"/);
    expect(() => runBatch(spark, 'no-slash', [])).toThrow(SparkSdkError);
    expect(() => runBatch(spark, 'f/s', 5 as never)).toThrow(/iterable/);
    expect(calls).toHaveLength(0);
  });

  it('rejects mixed records when they are read, before anything is sent', async () => {
    const { spark, calls } = recorder();
    await expect(runBatch(spark, 'f/s', [{ x: 1 }, [1]] as never).drain()).rejects.toThrow(/header row|not a mix/);
    expect(calls.filter((c) => c.method === 'POST' && c.url.endsWith('/chunks'))).toHaveLength(0);
  });
});
