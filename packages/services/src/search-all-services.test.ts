import { describe, expect, it } from 'vitest';
import { SparkInternalServerError, SparkSdkError } from '@spark/core';
import { searchAllServices } from './search-all-services.js';
import { json, recorder, testClient, v3, type RecordedCall } from '@spark/test-utils';

function pages(total: number, size: number, pageTotal?: number) {
  return (call: RecordedCall) => {
    const { page, page_size } = (call.json as { request_data: { page: number; page_size: number } }).request_data;
    const start = (page - 1) * size;
    const items = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => ({ id: String(start + i) }));
    return json(v3(items, { page, page_size, ...(pageTotal ? { page_total: pageTotal } : {}) }));
  };
}

async function collect(iterable: AsyncIterable<{ response_data: { id: string }[] }>) {
  const seen: string[][] = [];
  for await (const page of iterable) seen.push(page.response_data.map((s) => s.id));
  return seen;
}

describe('searchAllServices', () => {
  it('walks pages until a short page', async () => {
    const rec = recorder(pages(5, 2));
    const seen = await collect(searchAllServices(testClient(rec.fetch), { limit: 2, sort: 'x' }));
    expect(seen).toEqual([['0', '1'], ['2', '3'], ['4']]);
    expect(rec.calls.map((c) => (c.json as { request_data: { page: number; sort: string } }).request_data)).toEqual([
      expect.objectContaining({ page: 1, page_size: 2, sort: 'x' }),
      expect.objectContaining({ page: 2, page_size: 2 }),
      expect.objectContaining({ page: 3, page_size: 2 }),
    ]);
  });

  it('stops on an empty page and at page_total', async () => {
    const exact = recorder(pages(4, 2));
    expect(await collect(searchAllServices(testClient(exact.fetch), { limit: 2 }))).toEqual([['0', '1'], ['2', '3'], []]);
    const total = recorder(pages(100, 2, 2));
    expect(await collect(searchAllServices(testClient(total.fetch), { limit: 2 }))).toEqual([['0', '1'], ['2', '3']]);
    expect(total.calls).toHaveLength(2);
  });

  it('defaults to pages of 100 from page 1, and starts where asked', async () => {
    const rec = recorder(pages(150, 100));
    expect((await collect(searchAllServices(testClient(rec.fetch)))).map((p) => p.length)).toEqual([100, 50]);
    const later = recorder(pages(10, 3));
    expect(await collect(searchAllServices(testClient(later.fetch), { page: 3, limit: 3 }))).toEqual([['6', '7', '8'], ['9']]);
  });

  it('makes one request with limit -1', async () => {
    const rec = recorder(pages(3, 3));
    expect(await collect(searchAllServices(testClient(rec.fetch), { limit: -1 }))).toHaveLength(1);
    expect(rec.calls).toHaveLength(1);
  });

  it('surfaces errors from a later page', async () => {
    const rec = recorder(json(v3([{ id: 'a' }, { id: 'b' }], {})), json({}, 500));
    const seen: number[] = [];
    const error = await (async () => { for await (const page of searchAllServices(testClient(rec.fetch), { limit: 2 })) seen.push(page.response_data.length); })().catch((e: unknown) => e);
    expect(seen).toEqual([2]);
    expect(error).toBeInstanceOf(SparkInternalServerError);
  });

  it('rejects bad parameters before sending', async () => {
    const rec = recorder();
    await expect(collect(searchAllServices(testClient(rec.fetch), { limit: -2 }))).rejects.toThrow(SparkSdkError);
    expect(rec.calls).toHaveLength(0);
  });
});
