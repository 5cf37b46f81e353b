import { describe, expect, it } from 'vitest';
import { SparkRateLimitError, SparkSdkError } from '@spark/core';
import { searchServices } from './search-services.js';
import { json, recorder, testClient, v3 } from '@spark/test-utils';

const PAGE = v3([{ id: '1', folderName: 'f', fileName: 's', version: '0.1.0' }], { count: 1, page: 1, page_size: -1, page_total: 1 });

describe('searchServices', () => {
  it('posts the PY defaults to api/v3/services/search', async () => {
    const rec = recorder(json(PAGE));
    const result = await searchServices(testClient(rec.fetch));
    expect(rec.last.method).toBe('POST');
    expect(rec.last.path).toBe('/my-tenant/api/v3/services/search');
    expect(rec.last.json).toEqual({
      request_data: { page: 1, page_size: -1, sort: 'name1_co', search: [], fields: ['id', 'foldername', 'filename', 'version', 'modifiedDate'] },
    });
    expect(result.response_data[0]?.folderName).toBe('f');
    expect(result.response_meta.page_total).toBe(1);
  });

  it('maps page, limit, sort, query, fields and extras', async () => {
    const rec = recorder(json(PAGE));
    const filter = { field: 'foldername', value: 'f', operator: 'eq' };
    await searchServices(testClient(rec.fetch), { page: 3, limit: 20, sort: '-modifiedDate', query: [filter], fields: ['id'], extras: { include_tags: true } });
    expect(rec.last.json).toEqual({ request_data: { page: 3, page_size: 20, sort: '-modifiedDate', search: [filter], fields: ['id'], include_tags: true } });
  });

  it('maps a 429 (after retries) to SparkRateLimitError', async () => {
    const rec = recorder(json({}, 429));
    await expect(searchServices(testClient(rec.fetch))).rejects.toBeInstanceOf(SparkRateLimitError);
  });

  it.each([
    ['page 0', { page: 0 }, /page/],
    ['a fractional limit', { limit: 2.5 }, /limit/],
    ['limit 0', { limit: 0 }, /limit/],
    ['a query that is not a list', { query: 'f' }, /query/],
  ])('rejects %s before sending', async (_label, params, message) => {
    const rec = recorder();
    const error = await searchServices(testClient(rec.fetch), params as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkSdkError);
    expect((error as Error).message).toMatch(message);
    expect(rec.calls).toHaveLength(0);
  });
});
