import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withEmulator } from '@spark/test-utils/emulator';
import { createClient, SparkApiError, SparkSdkError, type SparkClient } from '@spark/core';
import { getExportStatus, getImportStatus, impex, initiateExport } from '../src/index.js';

describe('impex getStatus can poll (wait)', () => {
  const emu = withEmulator();
  let spark: SparkClient;

  beforeAll(async () => {
    spark = createClient({ baseUrl: emu.baseUrl, apiKey: 'test-api-key' });
  });
  afterAll(async () => {
    spark?.close();
  });

  it('without wait reads once; with wait polls until completed, reporting each status', async () => {
    const job = await initiateExport(spark, { folders: ['my-folder'] });
    const statusPath = new RegExp(`/export/${job.id}/status$`);
    emu.faults.add({ match: statusPath, body: { id: job.id, object: 'export', status: 'in_progress', outputs: null, errors: null }, count: 3 });
    expect((await getExportStatus(spark, job.id)).status).toBe('in_progress');
    const seen: string[] = [];
    const done = await spark.use(impex).impex.exports.getStatus(job.id, { wait: { pollInterval: 1, onProgress: (s) => seen.push(s.status) } });
    emu.faults.clear();
    expect(done.status).toBe('completed');
    expect(seen).toEqual(['in_progress', 'in_progress', 'completed']);
    expect(emu.requests.filter((r) => statusPath.test(r.path))).toHaveLength(4);
  });

  it('with wait, a failed job rejects with a SparkApiError naming its errors; the status URL works too', async () => {
    const job = await initiateExport(spark, { folders: ['my-folder'] });
    emu.faults.add({ match: new RegExp(`/export/${job.id}/status$`), body: { id: job.id, status: 'failed', errors: [{ message: 'disk full' }] }, count: 1 });
    const error = await getExportStatus(spark, '', { url: job.status_url, wait: true }).then(() => new Error('resolved'), (e: unknown) => e as Error);
    emu.faults.clear();
    expect(error).toBeInstanceOf(SparkApiError);
    expect(error.message).toContain(`export job ${job.status_url} failed: `);
    expect(error.message).toContain('disk full');
  });

  it('rejects a bad wait option before sending', async () => {
    const before = emu.stats().requests;
    await expect(getImportStatus(spark, 'j', { wait: { pollInterval: -1 } })).rejects.toBeInstanceOf(SparkSdkError);
    await expect(getImportStatus(spark, 'j', { wait: false as never })).rejects.toThrow(/impex\.imports\.getStatus: "wait"/);
    expect(emu.stats().requests).toBe(before);
  });
});
