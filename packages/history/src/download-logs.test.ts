import { describe, expect, it } from 'vitest';
import { SparkApiError, SparkSdkError, SparkServiceUnavailableError, SparkTimeoutError } from '@spark/core';
import { downloadLogs } from './download-logs.js';
import type { LogDownloadStatus } from './types.js';
import { BASE, bytes, json, recorder, rejection } from '@spark/test-utils';

const ZIP_URL = 'https://files.test.coherent.global/logs/job-1.zip';
const created = () => json({ status: 'Success', response_data: { job_id: 'job-1' }, response_meta: {}, error: null });
const progress = (p: number, extra: Record<string, unknown> = {}) =>
  json({ status: 'Success', response_data: { progress: p, ...(p === 100 ? { download_url: ZIP_URL } : {}), ...extra }, response_meta: {}, error: null });
const zip = () => bytes(new Uint8Array([0x50, 0x4b, 5, 6]), 'application/zip');

describe('downloadLogs', () => {
  it('creates the job, polls the status until 100 %, then downloads the zip', async () => {
    const { spark, calls } = recorder(created(), progress(10), progress(100), zip());
    const seen: number[] = [];
    const download = await downloadLogs(spark, 'my folder/svc', { type: 'csv', pollInterval: 1, onProgress: (s: LogDownloadStatus) => seen.push(s.progress) });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `POST ${BASE}/api/v3/folders/my%20folder/services/svc/log/downloadcsv`,
      `GET ${BASE}/api/v3/folders/my%20folder/services/svc/log/downloadcsv/status/job-1`,
      `GET ${BASE}/api/v3/folders/my%20folder/services/svc/log/downloadcsv/status/job-1`,
      `GET ${ZIP_URL}`,
    ]);
    expect(seen).toEqual([10, 100]);
    expect(await download.bytes()).toEqual(new Uint8Array([0x50, 0x4b, 5, 6]));
    expect(download.contentType).toBe('application/zip');
  });

  it('sends call ids, UTC dates, timezone and version id (request_data and request_meta)', async () => {
    const { spark, calls } = recorder(created(), progress(100), zip());
    await downloadLogs(spark, 'f/s', {
      callIds: ['c1', 'c2'], startDate: '2025-01-01T00:00:00+02:00', endDate: Date.UTC(2025, 0, 31), timezoneOffset: '+08:00', versionId: 'v-1',
      extras: { has_errors: true },
    });
    expect(calls[0]!.url).toBe(`${BASE}/api/v3/folders/f/services/s/log/downloadjson`);
    expect(calls[0]!.json).toEqual({
      request_data: {
        call_ids: ['c1', 'c2'], timezone_offset: '+08:00', start_date: '2024-12-31T22:00:00.000Z', end_date: '2025-01-31T00:00:00.000Z',
        version_id: 'v-1', has_errors: true,
      },
      request_meta: { version_id: 'v-1' },
    });
  });

  it('falls back to sourceSystem, then correlationId, as the only call id', async () => {
    const { spark, calls } = recorder(created(), progress(100), zip());
    await downloadLogs(spark, 'f/s', { sourceSystem: 'crm', correlationId: 'corr' });
    expect(calls[0]!.json).toEqual({ request_data: { call_ids: ['crm'], timezone_offset: null }, request_meta: { version_id: null } });
    const second = recorder(created(), progress(100), zip());
    await downloadLogs(second.spark, 'f/s', { correlationId: 'corr', type: 'JSON' as never });
    expect(second.calls[0]!.json.request_data.call_ids).toEqual(['corr']);
  });

  it('reports a failed job as a SparkApiError with its message, not as a timeout', async () => {
    const failed = json({ status: 'Failed', response_data: { progress: 40 }, response_meta: {}, error: { message: 'log store unavailable' } });
    const error = await rejection(downloadLogs(recorder(created(), failed).spark, 'f/s', { pollInterval: 1 }));
    expect(error).toBeInstanceOf(SparkApiError);
    expect(error.message).toContain('log store unavailable');
  });

  it('times out with SparkTimeoutError, and maps HTTP errors and a missing job id', async () => {
    expect(await rejection(downloadLogs(recorder(created(), progress(5)).spark, 'f/s', { pollInterval: 5, timeout: 40 }))).toBeInstanceOf(SparkTimeoutError);
    expect(await rejection(downloadLogs(recorder(json({}, 503)).spark, 'f/s'))).toBeInstanceOf(SparkServiceUnavailableError);
    const noJob = await rejection(downloadLogs(recorder(json({ response_data: {} })).spark, 'f/s'));
    expect(noJob).toBeInstanceOf(SparkApiError);
    expect(noJob.message).toContain('no download job id');
    const noUrl = await rejection(downloadLogs(recorder(created(), json({ response_data: { progress: 100 } })).spark, 'f/s'));
    expect(noUrl.message).toContain('without a download URL');
  });

  it('validates before sending: type, dates, date order, call ids, locator', async () => {
    const { spark, calls } = recorder(created());
    for (const [uri, params] of [
      ['f/s', { type: 'xml' }],
      ['f/s', { startDate: 'soon' }],
      ['f/s', { startDate: '2025-02-01', endDate: '2025-01-01' }],
      ['f/s', { callIds: [''] }],
      ['f/s', { pollInterval: -1 }],
      ['service/abc', {}],
    ] as const) {
      expect(await rejection(downloadLogs(spark, uri, params as never))).toBeInstanceOf(SparkSdkError);
    }
    expect(calls).toHaveLength(0);
  });
});
