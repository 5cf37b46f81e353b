import { afterEach, describe, expect, it, vi } from 'vitest';
import { SparkApiError, SparkForbiddenError, SparkSdkError } from '@spark/core';
import { findLogs } from './find-logs.js';
import { logs } from './plugin.js';
import { ORIGIN, json, recorder, rejection } from '@spark/test-utils';

const page = (data: unknown[] = [], extra: Record<string, unknown> = {}) => json({ status: 'Success', errorCode: null, message: null, data, count: data.length, next: null, previous: null, ...extra });

describe('findLogs', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('POSTs api/v1/product/{f}/engines/{s}/logs at the origin with every filter', async () => {
    const { spark, calls } = recorder(page());
    await findLogs(spark, 'my folder/svc', {
      startDate: '2025-01-01T00:00:00Z', endDate: '2025-01-08T00:00:00Z', versionId: '9129', callPurpose: 'Demo', username: 'ana@example.com', sourceSystem: 'crm',
    }, { page: 2, size: 10, sort: 'calcTime' });
    expect(calls[0]!.method).toBe('POST');
    expect(calls[0]!.url).toBe(`${ORIGIN}/api/v1/product/my%20folder/engines/svc/logs`);
    expect(calls[0]!.json).toEqual({
      search: [
        { field: 'StartDate', value: '2025-01-01T00:00:00.000Z' }, { field: 'EndDate', value: '2025-01-08T00:00:00.000Z' },
        { field: 'version', id: '9129' }, { field: 'CallPurpose', value: 'Demo' }, { field: 'username', value: 'ana@example.com' },
        { field: 'search', value: 'crm' },
      ],
      page: 2, pageSize: 10, sort: 'calcTime',
    });
  });

  it('derives the date window: now, end − 7 days, or start + 7 days when end is not after start', async () => {
    vi.useFakeTimers({ now: Date.UTC(2025, 5, 1), toFake: ['Date'] });
    const { spark, calls } = recorder(page());
    await findLogs(spark, 'f/s');
    await findLogs(spark, 'f/s', { endDate: '2025-01-08T00:00:00Z', callId: 'c1', correlationId: 'x' });
    await findLogs(spark, 'f/s', { startDate: '2025-01-08T00:00:00Z', endDate: '2025-01-01T00:00:00Z' });
    expect(calls[0]!.json).toEqual({ search: [{ field: 'StartDate', value: '2025-06-01T00:00:00.000Z' }], page: 1, pageSize: 100, sort: '-updated' });
    expect(calls[1]!.json.search).toEqual([
      { field: 'StartDate', value: '2025-01-01T00:00:00.000Z' }, { field: 'EndDate', value: '2025-01-08T00:00:00.000Z' }, { field: 'search', value: 'c1' },
    ]);
    expect(calls[2]!.json.search).toEqual([{ field: 'StartDate', value: '2025-01-08T00:00:00.000Z' }, { field: 'EndDate', value: '2025-01-15T00:00:00.000Z' }]);
  });

  it('returns the page without the envelope fields', async () => {
    const info = { id: '1', callGUID: 'c1', serviceName: 'svc' };
    expect(await findLogs(recorder(page([info], { count: 42, next: 2 })).spark, 'f/s')).toEqual({ data: [info], count: 42, next: 2, previous: null });
  });

  it('maps 403 and error envelopes', async () => {
    expect(await rejection(findLogs(recorder(json({}, 403)).spark, 'f/s'))).toBeInstanceOf(SparkForbiddenError);
    const error = await rejection(findLogs(recorder(json({ status: 'Error', errorCode: 'NO_ENGINE', data: null })).spark, 'f/s'));
    expect(error).toBeInstanceOf(SparkApiError);
    expect(error.message).toContain('NO_ENGINE');
  });

  it('validates before sending', async () => {
    const { spark, calls } = recorder(page());
    expect(await rejection(findLogs(spark, 'f/s', { startDate: 'never' }))).toBeInstanceOf(SparkSdkError);
    expect(await rejection(findLogs(spark, 'f/s', {}, { page: 0 }))).toBeInstanceOf(SparkSdkError);
    expect(await rejection(findLogs(spark, 'proxy/x', {}))).toBeInstanceOf(SparkSdkError);
    expect(calls).toHaveLength(0);
  });
});

describe('logs plugin', () => {
  it('registers under "logs" and binds get, rehydrate, download and find', async () => {
    const { spark, calls } = recorder(page());
    const client = spark.use(logs);
    await client.logs.find('f/s');
    expect(logs.key).toBe('logs');
    expect(Object.keys(client.logs).sort()).toEqual(['download', 'downloads', 'find', 'get', 'rehydrate']);
    expect(Object.keys(client.logs.downloads).sort()).toEqual(['getStatus', 'initiate']);
    expect(calls).toHaveLength(1);
  });
});
