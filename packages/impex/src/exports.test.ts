import { describe, expect, it } from 'vitest';
import { SparkConflictError, SparkNotFoundError, SparkSdkError } from '@spark/core';
import { cancelExport } from './cancel-export.js';
import { describeExports } from './describe-exports.js';
import { downloadExport } from './download-export.js';
import { getExportStatus } from './get-export-status.js';
import { initiateExport } from './initiate-export.js';
import { impex } from './plugin.js';
import { exportStatus, FILE_URL, FULL, impexServer } from './test-utils/impex-fixtures.js';
import { json, recorder, testClient } from '@spark/test-utils';

const DESCRIBE = {
  in_progress_exports: [],
  recent_exports: [{ object: 'export', id: 'exp-0', data: { export_status: 'completed' } }],
  tenant: { configuration: { export_api_job_limit: 1 }, status: { export_api_jobs_in_progress: 0 } },
};

describe('impex.exports', () => {
  it('initiate: POST api/v4/export and returns the job', async () => {
    const rec = recorder(impexServer());
    const job = await testClient(rec.fetch).use(impex).impex.exports.initiate({ versionIds: '9129', sourceSystem: 'ci' });
    expect(rec.calls).toHaveLength(1);
    expect(rec.calls[0]!.method).toBe('POST');
    expect(rec.calls[0]!.url).toBe(`${FULL}/api/v4/export`);
    expect(rec.calls[0]!.json).toEqual({
      inputs: { version_ids: ['9129'] }, file_filter: 'migrate', version_filter: 'latest', source_system: 'ci', correlation_id: null,
    });
    expect(job).toEqual({ id: 'exp-1', object: 'export', status_url: `${FULL}/api/v4/export/exp-1/status` });
  });

  it('initiate: maps 409 and validates before sending', async () => {
    const rec = recorder(() => json({ message: 'export job limit reached' }, 409));
    await expect(initiateExport(testClient(rec.fetch), { folders: 'f' })).rejects.toBeInstanceOf(SparkConflictError);
    const idle = recorder();
    await expect(initiateExport(testClient(idle.fetch), { versionIds: [] })).rejects.toBeInstanceOf(SparkSdkError);
    expect(idle.calls).toHaveLength(0);
  });

  it('getStatus: GET by id (encoded) or by the given status URL', async () => {
    const rec = recorder(() => json(exportStatus('completed')));
    const spark = testClient(rec.fetch);
    expect(await getExportStatus(spark, 'exp-1')).toEqual(exportStatus('completed'));
    await getExportStatus(spark, 'a/b c');
    await getExportStatus(spark, '', { url: 'https://excel.test.coherent.global/my-tenant/api/v4/export/x/status' });
    expect(rec.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `GET ${FULL}/api/v4/export/exp-1/status`,
      `GET ${FULL}/api/v4/export/a%2Fb%20c/status`,
      `GET ${FULL}/api/v4/export/x/status`,
    ]);
  });

  it('getStatus: maps 404 and validates before sending', async () => {
    const rec = recorder(() => json({}, 404));
    await expect(getExportStatus(testClient(rec.fetch), 'nope')).rejects.toBeInstanceOf(SparkNotFoundError);
    const idle = recorder();
    await expect(getExportStatus(testClient(idle.fetch), '  ')).rejects.toThrow(/job id or a status URL/);
    await expect(getExportStatus(testClient(idle.fetch), 'x', { url: 'relative/path' })).rejects.toThrow(/"url"/);
    expect(idle.calls).toHaveLength(0);
  });

  it('cancel: PATCH api/v4/export/{id} with export_status cancelled', async () => {
    const rec = recorder(() => json(exportStatus('cancelled')));
    const result = await testClient(rec.fetch).use(impex).impex.exports.cancel('exp-1');
    expect(rec.calls).toHaveLength(1);
    expect(rec.calls[0]!.method).toBe('PATCH');
    expect(rec.calls[0]!.url).toBe(`${FULL}/api/v4/export/exp-1`);
    expect(rec.calls[0]!.json).toEqual({ export_status: 'cancelled' });
    expect(result.status).toBe('cancelled');
  });

  it('cancel: maps 404 and validates before sending', async () => {
    await expect(cancelExport(testClient(recorder(() => json({}, 404)).fetch), 'gone')).rejects.toBeInstanceOf(SparkNotFoundError);
    const idle = recorder();
    await expect(cancelExport(testClient(idle.fetch), '')).rejects.toBeInstanceOf(SparkSdkError);
    await expect(cancelExport(testClient(idle.fetch), 'x', { timeout: -1 })).rejects.toBeInstanceOf(SparkSdkError);
    expect(idle.calls).toHaveLength(0);
  });

  it('describe: GET api/v4/export/status', async () => {
    const rec = recorder(() => json(DESCRIBE));
    expect(await testClient(rec.fetch).use(impex).impex.exports.describe()).toEqual(DESCRIBE);
    expect(`${rec.calls[0]!.method} ${rec.calls[0]!.url}`).toBe(`GET ${FULL}/api/v4/export/status`);
    await expect(describeExports(testClient(recorder(() => json({}, 404)).fetch))).rejects.toBeInstanceOf(SparkNotFoundError);
    const idle = recorder();
    await expect(describeExports(testClient(idle.fetch), { signal: {} as never })).rejects.toBeInstanceOf(SparkSdkError);
    expect(idle.calls).toHaveLength(0);
  });

  it('download: fetches each file of a status, a URL or a list', async () => {
    const rec = recorder(impexServer());
    const spark = testClient(rec.fetch);
    const fromStatus = await downloadExport(spark, exportStatus('completed'));
    expect(fromStatus).toHaveLength(1);
    expect([...(await fromStatus[0]!.bytes())]).toEqual([80, 75, 5, 6]);
    await spark.use(impex).impex.exports.download([FILE_URL, FILE_URL]);
    expect(rec.calls.map((c) => `${c.method} ${c.url}`)).toEqual(Array(3).fill(`GET ${FILE_URL}`));
    expect(rec.calls[0]!.headers['x-synthetic-key']).toBeUndefined(); // a file URL on another origin gets no credentials
  });

  it('download: maps 404 and validates before sending', async () => {
    await expect(downloadExport(testClient(recorder(() => json({}, 404)).fetch), FILE_URL)).rejects.toBeInstanceOf(SparkNotFoundError);
    const idle = recorder();
    await expect(downloadExport(testClient(idle.fetch), exportStatus('in_progress'))).rejects.toThrow(/no file to download/);
    await expect(downloadExport(testClient(idle.fetch), ['relative.zip'])).rejects.toThrow(/absolute/);
    expect(idle.calls).toHaveLength(0);
  });

  it('download: a refused file URL is shown without its signed query, and the other (signed) URLs are not kept as the cause', async () => {
    const idle = recorder();
    const signed = `${FILE_URL.split('?')[0]}?X-Amz-Signature=othersignature1`;
    const error = (await downloadExport(testClient(idle.fetch), [signed, 'ftp://b.example/f.zip?X-Amz-Signature=secretsecret']).catch((e: unknown) => e)) as SparkSdkError;
    expect(error).toBeInstanceOf(SparkSdkError);
    expect(error.message).toBe('impex.exports.download: each file must be an absolute http(s) URL (got "ftp://b.example/f.zip?…")');
    expect(JSON.stringify({ message: error.message, cause: error.cause })).not.toMatch(/secretsecret|othersignature1/);
    expect(error.cause).toBeUndefined();
    expect(idle.calls).toHaveLength(0);
  });
});
