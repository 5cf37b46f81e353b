import { describe, expect, it } from 'vitest';
import { SparkSdkError } from '@spark/core';
import { createChunks, toChunks } from '../src/index.js';

const sizes = (chunks: { size: number }[]) => chunks.map((c) => c.size);

describe('createChunks', () => {
  it('returns no chunk for no records, and none for a header row alone', () => {
    expect(createChunks([])).toEqual([]);
    expect(createChunks([['x', 'y']])).toEqual([]);
    expect(createChunks([], { headers: ['x'] })).toEqual([]);
  });

  it('makes one chunk of one record', () => {
    const [chunk, ...rest] = createChunks([{ x: 1 }]);
    expect(rest).toEqual([]);
    expect(chunk).toMatchObject({ size: 1, data: { inputs: [['x'], [1]], parameters: {} } });
    expect(chunk?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(chunk?.data).not.toHaveProperty('summary');
  });

  it('splits n records evenly: sizes differ by at most one and add up to n', () => {
    const records = Array.from({ length: 10 }, (_, i) => ({ x: i }));
    expect(sizes(createChunks(records, { chunkSize: 4 }))).toEqual([4, 3, 3]);
    expect(sizes(createChunks(records, { chunkSize: 5 }))).toEqual([5, 5]);
    expect(sizes(createChunks(records, { chunkSize: 1 }))).toEqual(Array(10).fill(1));
    const rows = createChunks(records, { chunkSize: 3 }).flatMap((c) => c.data.inputs.slice(1));
    expect(rows).toEqual(records.map((r) => [r.x]));
  });

  it('counts rows, not the header row (never a trailing header-only chunk)', () => {
    // The official SDKs measure the length before removing the header: 3 chunks, the last empty.
    const chunks = createChunks([['x'], [1], [2]], { chunkSize: 1 });
    expect(sizes(chunks)).toEqual([1, 1]);
    expect(chunks.map((c) => c.data.inputs)).toEqual([[['x'], [1]], [['x'], [2]]]);
    expect(sizes(createChunks([['r', 'h'], [1, 1], [2, 2], [3, 3], [4, 4], [5, 5]], { chunkSize: 3 }))).toEqual([3, 2]);
  });

  it('makes one chunk when chunkSize exceeds the input', () => {
    const chunks = createChunks([{ x: 1 }, { x: 2 }], { chunkSize: 1000 });
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.data.inputs).toEqual([['x'], [1], [2]]);
  });

  it('never mutates the caller\'s records', () => {
    const rows = [['x', 'y'], [1, 2], [3, 4]];
    const copy = structuredClone(rows);
    const chunks = createChunks(rows, { chunkSize: 1 });
    expect(rows).toEqual(copy);
    chunks[0]?.data.inputs[0]?.push('mutated');
    (chunks[0]?.data.inputs[1] as unknown[]).push(99);
    expect(rows).toEqual(copy);
    const objects = [{ a: 1 }, { b: 2 }];
    createChunks(objects);
    expect(objects).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('uses the union of object keys in first-seen order; a missing key is null', () => {
    const [chunk] = createChunks([{ b: 1, a: 2 }, { c: 3, a: 4 }, { b: 5 }]);
    expect(chunk?.data.inputs).toEqual([['b', 'a', 'c'], [1, 2, null], [null, 4, 3], [5, null, null]]);
  });

  it('takes headers from the option (rows without a header row, or objects projected on them)', () => {
    expect(createChunks([[1, 2]], { headers: ['x', 'y'] })[0]?.data.inputs).toEqual([['x', 'y'], [1, 2]]);
    expect(createChunks([{ y: 2, x: 1, z: 0 }], { headers: ['x', 'y'] })[0]?.data.inputs).toEqual([['x', 'y'], [1, 2]]);
    // Objects and something else, with headers given: still refused.
    expect(() => createChunks([{ x: 1 }, [1, 2]], { headers: ['x', 'y'] })).toThrow(/not a mix/);
    expect(() => createChunks([{ x: 1 }, 7], { headers: ['x', 'y'] })).toThrow(/object or a row \(array\), got 7/);
  });

  it('adds parameters and summary to every chunk (copies of the parameters)', () => {
    const parameters = { tax: 0.1 };
    const summary = { ignore_error: false, aggregation: [{ output_name: 'y', operator: 'SUM' }] };
    const chunks = createChunks([{ x: 1 }, { x: 2 }], { chunkSize: 1, parameters, summary });
    for (const c of chunks) expect(c.data).toEqual({ inputs: expect.any(Array), parameters, summary });
    expect(chunks[0]?.data.parameters).not.toBe(parameters);
  });

  it('generates unique ids and de-duplicates given ones', () => {
    const many = createChunks(Array.from({ length: 50 }, (_, i) => ({ x: i })), { chunkSize: 1 });
    expect(new Set(many.map((c) => c.id)).size).toBe(50);
    const given = createChunks([{ x: 1 }, { x: 2 }, { x: 3 }], { chunkSize: 1, chunkId: () => 'same' });
    expect(given.map((c) => c.id)).toEqual(['same', 'same-2', 'same-3']);
  });

  it.each([
    [[{ x: 1 }, [1]], /not a mix/],
    [[1, 2], /object or a row/],
    [[[]], /missing headers/],
    [[[{}], [1]], /column names/],
  ])('rejects %j', (records, message) => {
    expect(() => createChunks(records as unknown[])).toThrow(message);
    expect(() => createChunks(records as unknown[])).toThrow(SparkSdkError);
  });

  it('rejects a bad chunkSize', () => {
    expect(() => createChunks([{ x: 1 }], { chunkSize: 0 })).toThrow(/"chunkSize"/);
    expect(() => createChunks([{ x: 1 }], { chunkSize: 2.5 })).toThrow(SparkSdkError);
  });
});

describe('toChunks', () => {
  it('reads { chunks }, a list, or one chunk, filling defaults', () => {
    expect(toChunks({ chunks: [{ id: 'a', data: { inputs: [['x'], [1]] } }] })).toEqual([{ id: 'a', size: 1, data: { inputs: [['x'], [1]], parameters: {} } }]);
    expect(toChunks('[{"id":"b","data":{"inputs":[["x"],[1],[2]],"summary":null}}]')).toEqual([{ id: 'b', size: 2, data: { inputs: [['x'], [1], [2]], parameters: {} } }]);
    const [one] = toChunks('{"data":{}}');
    expect(one).toMatchObject({ size: 0, data: { inputs: [], parameters: {} } });
    expect(one?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects empty text, bad JSON and bad shapes', () => {
    expect(() => toChunks('  ')).toThrow(/empty/);
    expect(() => toChunks('{')).toThrow(/not valid JSON/);
    expect(() => toChunks([1] as never)).toThrow(/must be an object/);
    expect(() => toChunks({ chunks: [{ data: { inputs: 'x' } }] })).toThrow(/data.inputs/);
  });
});
