import { describe, expect, it } from 'vitest';
import { SparkApiError, SparkSdkError } from '@spark/core';
import { downloadLogs } from './download-logs.js';
import { getLogDownloadStatus, initiateLogDownload } from './log-download-job.js';
import { logs } from './plugin.js';
import { BASE, bytes, json, recorder, rejection } from '@spark/test-utils';

const ZIP_URL = 'https://files.test.coherent.global/logs/job-7.zip';
const created = () => json({ status: 'Success', response_data: { job_id: 'job-7' }, response_meta: {}, error: null });
const status = (progress: number) =>
  json({ status: 'Success', response_data: { progress, ...(progress === 100 ? { download_url: ZIP_URL } : {}) }, response_meta: {}, error: null });

describe('log download jobs step by step', () => {
  it('initiate POSTs the job and returns its id and type without polling', async () => {
    const { spark, calls } = recorder(created());
    const job = await initiateLogDownload(spark, 'f/s', { type: 'csv', callIds: ['c1'] });
    expect(job).toEqual({ jobId: 'job-7', type: 'csv' });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([`POST ${BASE}/api/v3/folders/f/services/s/log/downloadcsv`]);
    expect((calls[0]!.json as { request_data: { call_ids: string[] } }).request_data.call_ids).toEqual(['c1']);
  });

  it('getStatus makes one status request and returns the progress as Spark reported it', async () => {
    const { spark, calls } = recorder(status(40), status(100));
    expect(await getLogDownloadStatus(spark, 'f/s', { jobId: 'job-7', type: 'csv' })).toEqual({ progress: 40 });
    expect(await getLogDownloadStatus(spark, { folder: 'f', service: 's' }, { jobId: 'job-7' })).toEqual({ progress: 100, download_url: ZIP_URL });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `GET ${BASE}/api/v3/folders/f/services/s/log/downloadcsv/status/job-7`,
      `GET ${BASE}/api/v3/folders/f/services/s/log/downloadjson/status/job-7`,
    ]);
  });

  it('getStatus rejects a failed job, and a missing job id before sending', async () => {
    const failed = json({ status: 'Failed', response_data: { progress: 10 }, error: { message: 'store down' } });
    const error = await rejection(getLogDownloadStatus(recorder(failed).spark, 'f/s', { jobId: 'j' }));
    expect(error).toBeInstanceOf(SparkApiError);
    expect(error.message).toContain('store down');
    const { spark, calls } = recorder();
    const missing = await rejection(getLogDownloadStatus(spark, 'f/s', {} as never));
    expect(missing).toBeInstanceOf(SparkSdkError);
    expect(missing.message).toContain('logs.downloads.getStatus: "jobId"');
    expect(calls).toHaveLength(0);
  });

  it('the plugin binds downloads.initiate and downloads.getStatus', async () => {
    const { spark, calls } = recorder(created(), status(100));
    const client = spark.use(logs);
    const job = await client.logs.downloads.initiate('f/s');
    expect((await client.logs.downloads.getStatus('f/s', job)).download_url).toBe(ZIP_URL);
    expect(calls).toHaveLength(2);
  });

  it('logs.download returns the final job status with the file', async () => {
    const { spark } = recorder(created(), status(50), status(100), bytes(new Uint8Array([0x50, 0x4b]), 'application/zip'));
    const file = await downloadLogs(spark, 'f/s', { pollInterval: 1 });
    expect(file.job).toEqual({ jobId: 'job-7', progress: 100, download_url: ZIP_URL });
    expect(await file.bytes()).toEqual(new Uint8Array([0x50, 0x4b]));
  });
});
