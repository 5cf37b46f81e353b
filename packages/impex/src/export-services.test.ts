import { describe, expect, it } from 'vitest';
import { SparkApiError, SparkNotFoundError, SparkSdkError, SparkTimeoutError } from '@spark/core';
import { exportServices } from './export-services.js';
import { impex } from './plugin.js';
import { exportStatus, FILE_URL, FULL, impexServer } from './test-utils/impex-fixtures.js';
import { json, recorder, testClient } from '@spark/test-utils';

const FAST = { pollInterval: 1 };

describe('exportServices', () => {
  it('initiates, polls status_url and downloads the files (exact wire)', async () => {
    const rec = recorder(impexServer());
    await exportServices(testClient(rec.fetch), {
      folders: 'pricing',
      services: ['my-folder/volume-cylinder[0.1.0]', { serviceId: 'b3cf' }, 'folders/f/services/s'],
      versionIds: ['9129'],
      filters: { file: 'onpremises', version: 'all' },
      correlationId: 'release-42',
      fileName: 'my-export',
      ...FAST,
    });
    expect(rec.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `POST ${FULL}/api/v4/export`,
      `GET ${FULL}/api/v4/export/exp-1/status`,
      `GET ${FULL}/api/v4/export/exp-1/status`,
      `GET ${FILE_URL}`,
    ]);
    const [init, status, , file] = rec.calls;
    expect(init!.headers['content-type']).toBe('application/json');
    expect(init!.headers['x-synthetic-key']).toBe('k');
    expect(init!.json).toEqual({
      inputs: { folders: ['pricing'], services: ['my-folder/volume-cylinder[0.1.0]', 'service/b3cf', 'f/s'], version_ids: ['9129'] },
      file_filter: 'onpremises',
      version_filter: 'all',
      source_system: 'Spark TypeScript SDK',
      correlation_id: 'release-42',
      file_name: 'my-export',
    });
    expect(status!.body).toBeUndefined();
    expect(file!.headers['x-synthetic-key']).toBeUndefined(); // a file URL on another origin gets no credentials
  });

  it('omits empty lists and uses the defaults', async () => {
    const rec = recorder(impexServer());
    await exportServices(testClient(rec.fetch), { services: 'f/s', folders: [], ...FAST });
    expect(rec.calls[0]!.json).toEqual({
      inputs: { services: ['f/s'] }, file_filter: 'migrate', version_filter: 'latest',
      source_system: 'Spark TypeScript SDK', correlation_id: null,
    });
  });

  it('returns the final job and the files as downloads', async () => {
    const rec = recorder(impexServer());
    const progress: string[] = [];
    const { job, files } = await exportServices(testClient(rec.fetch), { folders: ['f'], onProgress: (s) => progress.push(s.status), ...FAST });
    expect(job).toEqual(exportStatus('completed'));
    expect(files).toHaveLength(1);
    expect(files[0]!.fileName).toBe('export.zip');
    expect([...(await files[0]!.bytes())]).toEqual([80, 75, 5, 6]);
    expect(progress).toEqual(['in_progress', 'completed']);
  });

  it('accepts closed as done and skips downloads with download: false', async () => {
    const rec = recorder(impexServer({ exportFinal: { ...exportStatus('completed'), status: 'closed' } }));
    const { job, files } = await testClient(rec.fetch).use(impex).impex.export({ folders: ['f'], download: false, ...FAST });
    expect(job.status).toBe('closed');
    expect(files).toEqual([]);
    expect(rec.calls.some((c) => c.url === FILE_URL)).toBe(false);
  });

  it('reports a failed job as a SparkApiError, not a timeout', async () => {
    const rec = recorder(impexServer({ exportFinal: exportStatus('failed', { errors: [{ message: 'folder locked' }] }) }));
    const error = await exportServices(testClient(rec.fetch), { folders: ['f'], ...FAST }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkApiError);
    expect(error).not.toBeInstanceOf(SparkTimeoutError);
    expect((error as SparkApiError).message).toMatch(/export job exp-1 failed: .*folder locked/);
    expect((error as SparkApiError).body).toMatchObject({ status: 'failed' });
  });

  it('reports a cancelled job as a failure', async () => {
    const rec = recorder(impexServer({ exportFinal: exportStatus('cancelled') }));
    await expect(exportServices(testClient(rec.fetch), { folders: ['f'], ...FAST })).rejects.toThrow(/export job exp-1 cancelled/);
  });

  it('fails when the job produced no files', async () => {
    const rec = recorder(impexServer({ exportFinal: { ...exportStatus('completed'), outputs: { files: [] } } }));
    await expect(exportServices(testClient(rec.fetch), { folders: ['f'], ...FAST })).rejects.toThrow(/failed to produce any files/);
  });

  it('times out with SparkTimeoutError when the job never finishes', async () => {
    const rec = recorder(impexServer({ pending: 1_000_000 }));
    await expect(exportServices(testClient(rec.fetch), { folders: ['f'], pollInterval: 5, timeout: 40 })).rejects.toBeInstanceOf(SparkTimeoutError);
  });

  it('stops polling when the caller aborts', async () => {
    const rec = recorder(impexServer({ pending: 1_000_000 }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user gave up')), 30);
    const error = await exportServices(testClient(rec.fetch), { folders: ['f'], pollInterval: 5, signal: controller.signal }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(SparkTimeoutError);
    expect((error as Error).message).toMatch(/user gave up|abort/i);
    const polls = rec.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(rec.calls.length).toBe(polls);
  });

  it('maps HTTP errors (404 on initiate)', async () => {
    const rec = recorder(() => json({ message: 'folder not found' }, 404));
    await expect(exportServices(testClient(rec.fetch), { folders: ['nope'] })).rejects.toBeInstanceOf(SparkNotFoundError);
  });

  it('validates parameters before sending', async () => {
    const rec = recorder(impexServer());
    const spark = testClient(rec.fetch);
    await expect(exportServices(spark, {})).rejects.toThrow(/at least one of folders, services or versionIds/);
    await expect(exportServices(spark, { folders: [], services: [], versionIds: [] })).rejects.toBeInstanceOf(SparkSdkError);
    await expect(exportServices(spark, { folders: ['f'], filters: { file: 'zip' as never } })).rejects.toThrow(/"filters.file"/);
    await expect(exportServices(spark, { folders: [''] })).rejects.toThrow(/"folders/);
    await expect(exportServices(spark, { services: ['proxy/custom'] })).rejects.toThrow(/proxy/);
    await expect(exportServices(spark, { services: ['nonsense'] })).rejects.toBeInstanceOf(SparkSdkError);
    await expect(exportServices(spark, { folders: ['f'], pollInterval: -1 })).rejects.toThrow(/"pollInterval"/);
    await expect(exportServices(spark, null as never)).rejects.toBeInstanceOf(SparkSdkError);
    expect(rec.calls).toHaveLength(0);
  });
});
