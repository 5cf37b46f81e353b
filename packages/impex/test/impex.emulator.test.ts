import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, SparkApiError, SparkNotFoundError, SparkSdkError, type SparkClient } from '@spark/core';
import { samplePath } from '@spark/test-utils';
import { withEmulator } from '@spark/test-utils/emulator';
import {
  cancelExport, describeExports, describeImports, downloadExport, exportServices, getExportStatus, getImportStatus,
  impex, importServices, initiateExport, initiateImport, migrateServices,
} from '../src/index.js';

const FAST = { pollInterval: 10, timeout: 15_000 };

describe('impex against the emulator', () => {
  const source = withEmulator();
  const target = withEmulator({ tenant: 'prod-tenant' });
  let from: SparkClient;
  let to: SparkClient;

  beforeAll(async () => {
    from = createClient({ baseUrl: source.baseUrl, apiKey: source.apiKey });
    to = createClient({ baseUrl: target.baseUrl, apiKey: target.apiKey });
  });
  afterAll(() => {
    from?.close();
    to?.close();
  });

  it('exports a service end to end and downloads the zip', async () => {
    const seen: string[] = [];
    const { job, files } = await exportServices(from, { services: ['my-folder/volume-cylinder'], correlationId: 'it-1', onProgress: (s) => seen.push(s.status), ...FAST });
    expect(job.status).toBe('completed');
    expect(job.correlation_id).toBe('it-1');
    expect(job.outputs?.service_versions?.[0]).toMatchObject({ folder_source: 'my-folder', service_source: 'volume-cylinder' });
    expect(seen.at(-1)).toBe('completed');
    expect(files).toHaveLength(1);
    const zip = await files[0]!.bytes();
    expect([zip[0], zip[1]]).toEqual([0x50, 0x4b]);
    const body = JSON.parse(source.requests.find((r) => r.method === 'POST' && r.path.endsWith('/api/v4/export'))!.body!) as Record<string, unknown>;
    expect(body).toMatchObject({ inputs: { services: ['my-folder/volume-cylinder'] }, file_filter: 'migrate', version_filter: 'latest', source_system: 'Spark TypeScript SDK' });
  });

  it('runs the low-level export operations', async () => {
    const spark = from.use(impex);
    const job = await initiateExport(from, { folders: ['my-folder'] });
    expect(job).toMatchObject({ object: 'export', status_url: expect.stringContaining(`/api/v4/export/${job.id}/status`) });
    expect((await spark.impex.exports.describe()).in_progress_exports).toEqual(expect.arrayContaining([expect.objectContaining({ id: job.id })]));
    const status = await getExportStatus(from, job.id);
    expect(status.status).toBe('completed');
    expect(await getExportStatus(from, '', { url: job.status_url })).toMatchObject({ id: job.id, status: 'completed' });
    const [zip] = await downloadExport(from, status);
    expect((await zip!.bytes()).byteLength).toBeGreaterThan(100);
    const pending = await initiateExport(from, { folders: ['my-folder'] });
    expect((await cancelExport(from, pending.id)).status).toBe('cancelled');
    expect((await describeExports(from)).recent_exports?.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps a job cancelled before its first poll cancelled', async () => {
    const job = await initiateExport(from, { folders: ['my-folder'] });
    await cancelExport(from, job.id);
    await expect(getExportStatus(from, job.id)).resolves.toMatchObject({ status: 'cancelled' });
  });

  it('maps emulator errors', async () => {
    await expect(getExportStatus(from, 'no-such-job')).rejects.toBeInstanceOf(SparkNotFoundError);
    await expect(getImportStatus(to, 'no-such-job')).rejects.toBeInstanceOf(SparkNotFoundError);
    // a package that is not a zip: the job fails, which is reported as a failure (not a timeout)
    const failure = await importServices(to, { file: new Uint8Array([1, 2, 3]), destination: 'my-folder/x', ...FAST }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SparkApiError);
    expect((failure as Error).message).toMatch(/import job .* failed/);
  });

  it('reports an export job that fails on Spark with its errors, not as a timeout', async () => {
    source.faults.add({
      match: /^GET .*\/api\/v4\/export\/[^/]+\/status$/,
      body: { object: 'export', id: 'x', status: 'failed', errors: [{ message: 'service my-folder/volume-cylinder is locked' }] },
      count: 1,
    });
    const failure = await exportServices(from, { services: ['my-folder/volume-cylinder'], ...FAST }).catch((e: unknown) => e);
    source.faults.clear();
    expect(failure).toBeInstanceOf(SparkApiError);
    expect((failure as Error).message).toMatch(/export job \S+ failed: .*service my-folder\/volume-cylinder is locked/);
  });

  it('validates before sending', async () => {
    const before = source.requests.length;
    await expect(exportServices(from, { folders: [] })).rejects.toBeInstanceOf(SparkSdkError);
    await expect(importServices(to, { file: new Uint8Array(), destination: [] })).rejects.toBeInstanceOf(SparkSdkError);
    expect(source.requests.length).toBe(before);
  });

  it('imports the sample export package', async () => {
    const file = new Uint8Array(await readFile(samplePath('volume-cylinder.zip')));
    const status = await to.use(impex).impex.import({
      file, destination: { source: 'my-folder/volume-cylinder', target: 'imported/volume-cylinder' }, ifPresent: 'add_version', ...FAST,
    });
    expect(status.status).toBe('completed');
    expect(status.outputs?.services?.[0]).toMatchObject({ service_uri_destination: 'imported/volume-cylinder' });
    expect((await describeImports(to)).recent_imports?.length).toBeGreaterThanOrEqual(1);
    const job = await initiateImport(to, { file, destination: 'my-folder/volume-cylinder' });
    expect(await getImportStatus(to, job.id)).toMatchObject({ id: job.id, object: 'import' });
  });

  it('migrates a service from one tenant to another', async () => {
    const results = await migrateServices(from, to, {
      services: ['my-folder/volume-cylinder'], destination: { source: 'my-folder/volume-cylinder', target: 'migrated/volume-cylinder' }, ...FAST,
    });
    expect(results).toHaveLength(1);
    expect(results[0]!.exports.status).toBe('completed');
    expect(results[0]!.imports.status).toBe('completed');
    expect(results[0]!.imports.outputs?.service_versions?.[0]).toMatchObject({ service_uri_destination: expect.stringContaining('migrated/volume-cylinder') });
    // the migrated service runs on the target
    const run = await to.request<{ response_data: { outputs: { volume: number } } }>({
      operation: 'test.execute', method: 'POST', path: 'api/v3/folders/migrated/services/volume-cylinder/execute',
      json: { request_data: { inputs: { radius: 1, height: 1 } }, request_meta: {} },
    });
    expect(run.data.response_data.outputs.volume).toBeCloseTo(Math.PI, 6);
  });
});
