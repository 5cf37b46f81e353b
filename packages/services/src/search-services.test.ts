import { describe, expect, it } from 'vitest';
import { SparkRateLimitError, SparkSdkError } from '@spark/core';
import { searchServices } from './search-services.js';
import { clientFor, recorder, v3 } from '../test/recorder.js';

const PAGE = v3([{ id: '1', folderName: 'f', fileName: 's', version: '0.1.0' }], { count: 1, page: 1, page_size: -1, page_total: 1 });

describe('searchServices', () => {
  it('posts the PY defaults to api/v3/services/search', async () => {
    const rec = recorder({ json: PAGE });
    const result = await searchServices(clientFor(rec));
    expect(rec.last.method).toBe('POST');
    expect(rec.last.path).toBe('/my-tenant/api/v3/services/search');
    expect(rec.last.json).toEqual({
      request_data: { page: 1, page_size: -1, sort: 'name1_co', search: [], fields: ['id', 'foldername', 'filename', 'version', 'modifiedDate'] },
    });
    expect(result.response_data[0]?.folderName).toBe('f');
    expect(result.response_meta.page_total).toBe(1);
  });

  it('maps page, limit, sort, query, fields and extras', async () => {
    const rec = recorder({ json: PAGE });
    const filter = { field: 'foldername', value: 'f', operator: 'eq' };
    await searchServices(clientFor(rec), { page: 3, limit: 20, sort: '-modifiedDate', query: [filter], fields: ['id'], extras: { include_tags: true } });
    expect(rec.last.json).toEqual({ request_data: { page: 3, page_size: 20, sort: '-modifiedDate', search: [filter], fields: ['id'], include_tags: true } });
  });

  it('maps a 429 (after retries) to SparkRateLimitError', async () => {
    const rec = recorder({ status: 429, json: {} });
    await expect(searchServices(clientFor(rec))).rejects.toBeInstanceOf(SparkRateLimitError);
  });

  it.each([
    ['page 0', { page: 0 }, /page/],
    ['a fractional limit', { limit: 2.5 }, /limit/],
    ['limit 0', { limit: 0 }, /limit/],
    ['a query that is not a list', { query: 'f' }, /query/],
  ])('rejects %s before sending', async (_label, params, message) => {
    const rec = recorder();
    const error = await searchServices(clientFor(rec), params as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkSdkError);
    expect((error as Error).message).toMatch(message);
    expect(rec.calls).toHaveLength(0);
  });
});
