import { describe, expect, it } from 'vitest';
import { SparkApiError, SparkInternalServerError, SparkSdkError } from '@spark/core';
import { findAllFolders } from './find-all-folders.js';
import { findFolders } from './find-folders.js';
import { listFolders } from './list-folders.js';
import { ORIGIN, json, ok, recorder, rejection } from '@spark/test-utils';

const folder = (n: number) => ({ id: `id-${n}`, name: `f${n}` });

describe('findFolders / listFolders', () => {
  it('POSTs product/list with a name search and default paging', async () => {
    const { spark, calls } = recorder(ok([], { count: 0 }));
    await findFolders(spark, 'pricing');
    expect(calls[0]!.method).toBe('POST');
    expect(calls[0]!.url).toBe(`${ORIGIN}/api/v1/product/list`);
    expect(calls[0]!.headers['content-type']).toBe('application/json');
    expect(calls[0]!.json).toEqual({
      search: [{ field: 'name', value: 'pricing' }], page: 1, pageSize: 100, sort: '-updated', shouldFetchActiveServicesCount: true,
    });
  });

  it('keeps criteria order, renames favorite to isstarred, drops falsy criteria and forwards extra fields', async () => {
    const { spark, calls } = recorder(ok([], { count: 0 }));
    await findFolders(spark, { category: 'Term', name: 'p', status: '', favorite: true, kanbanStatus: 'Test 01' }, { page: 2, size: 10, sort: 'name' });
    expect(calls[0]!.json).toEqual({
      search: [
        { field: 'category', value: 'Term' }, { field: 'name', value: 'p' },
        { field: 'isstarred', value: true }, { field: 'kanbanStatus', value: 'Test 01' },
      ],
      page: 2, pageSize: 10, sort: 'name', shouldFetchActiveServicesCount: true,
    });
  });

  it('listFolders sends an empty search', async () => {
    const { spark, calls } = recorder(ok([], { count: 0 }));
    await listFolders(spark, { size: 5 });
    expect(calls[0]!.json).toEqual({ search: [], page: 1, pageSize: 5, sort: '-updated', shouldFetchActiveServicesCount: true });
  });

  it('returns the page: data, count, next, previous, page, size', async () => {
    const { spark } = recorder(ok([folder(1), folder(2)], { count: 7, next: 2, previous: null }));
    const page = await findFolders(spark, {}, { size: 2 });
    expect(page).toEqual({ data: [folder(1), folder(2)], count: 7, next: 2, previous: null, page: 1, size: 2 });
  });

  it('maps 500 and error envelopes to SparkApiError', async () => {
    expect(await rejection(findFolders(recorder(json({}, 500)).spark))).toBeInstanceOf(SparkInternalServerError);
    const error = await rejection(listFolders(recorder(json({ status: 'Error', errorCode: 'NOPE', data: null })).spark));
    expect(error).toBeInstanceOf(SparkApiError);
    expect(error.message).toContain('NOPE');
  });

  it('rejects bad paging or criteria before sending anything', async () => {
    const { spark, calls } = recorder(ok([]));
    expect((await rejection(findFolders(spark, {}, { page: 0 }))).message).toContain('"page"');
    expect(await rejection(findFolders(spark, { favorite: 'yes' as never }))).toBeInstanceOf(SparkSdkError);
    expect(await rejection(listFolders(spark, { size: 1.5 }))).toBeInstanceOf(SparkSdkError);
    expect(calls).toHaveLength(0);
  });
});

describe('findAllFolders', () => {
  it('walks the pages lazily until a short page', async () => {
    const { spark, calls } = recorder(ok([folder(1), folder(2)], { count: 5 }), ok([folder(3), folder(4)], { count: 5 }), ok([folder(5)], { count: 5 }));
    const names: string[] = [];
    for await (const f of findAllFolders(spark, 'f', { size: 2 })) names.push(f.name);
    expect(names).toEqual(['f1', 'f2', 'f3', 'f4', 'f5']);
    expect(calls.map((c) => c.json.page)).toEqual([1, 2, 3]);
    expect(calls.every((c) => c.json.search[0].value === 'f')).toBe(true);
  });

  it('stops once count folders were seen, and fetches nothing more when the caller breaks', async () => {
    const full = recorder(ok([folder(1), folder(2)], { count: 2 }), ok([folder(9)], { count: 2 }));
    const all: unknown[] = [];
    for await (const f of findAllFolders(full.spark, {}, { size: 2 })) all.push(f);
    expect(all).toHaveLength(2);
    expect(full.calls).toHaveLength(1);
    const early = recorder(ok([folder(1), folder(2)], { count: 10 }));
    for await (const _ of findAllFolders(early.spark, {}, { size: 2 })) break;
    expect(early.calls).toHaveLength(1);
  });

  it('propagates errors and validation failures', async () => {
    const { spark, calls } = recorder(json({}, 500));
    expect(await rejection(findAllFolders(spark).next())).toBeInstanceOf(SparkInternalServerError);
    expect(await rejection(findAllFolders(spark, {}, { size: -1 }).next())).toBeInstanceOf(SparkSdkError);
    expect(calls).toHaveLength(1);
  });
});
