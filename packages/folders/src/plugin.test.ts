import { describe, expect, it } from 'vitest';
import { SparkSdkError } from '@spark/core';
import { folders } from './plugin.js';
import { ORIGIN, ok, recorder, rejection } from '@spark/test-utils';

describe('folders plugin', () => {
  it('registers under "folders" and binds every operation to the client', async () => {
    const { spark, calls } = recorder(ok(true), ok([], { count: 0 }), ok([]), ok(null));
    const client = spark.use(folders);
    expect(folders.key).toBe('folders');
    expect(await client.folders.exists('f')).toBe(true);
    await client.folders.list();
    await client.folders.categories.list();
    await client.folders.delete('id');
    expect(calls.map((c) => `${c.method} ${c.url.replace(ORIGIN, '')}`)).toEqual([
      'POST /api/v1/product/isproductexists/f', 'POST /api/v1/product/list', 'GET /api/v1/lookup/getcategories', 'DELETE /api/v1/product/delete/id',
    ]);
    expect(Object.keys(client.folders).sort()).toEqual(['categories', 'create', 'delete', 'exists', 'find', 'findAll', 'list', 'update', 'uploadCover']);
  });

  it('names the unknown field of a strict parameter object', async () => {
    const { spark, calls } = recorder(ok(null));
    const error = await rejection(spark.use(folders).folders.update('id', { descripton: 'typo' } as never));
    expect(error).toBeInstanceOf(SparkSdkError);
    expect(error.message).toContain('unknown field "descripton"');
    expect(calls).toHaveLength(0);
  });
});
