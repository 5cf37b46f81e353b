import { describe, expect, it } from 'vitest';
import { SparkBadRequestError, SparkNotFoundError, SparkSdkError } from '@spark/core';
import { describeImports } from './describe-imports.js';
import { getImportStatus } from './get-import-status.js';
import { initiateImport } from './initiate-import.js';
import { impex } from './plugin.js';
import { FULL, impexServer, importStatus } from './test-utils/impex-fixtures.js';
import { json, recorder, testClient } from '@spark/test-utils';

const ZIP = new Uint8Array([80, 75, 3, 4]);

describe('impex.imports', () => {
  it('initiate: one multipart POST api/v4/import, returns the job', async () => {
    const rec = recorder(impexServer());
    const job = await testClient(rec.fetch).use(impex).impex.imports.initiate({ file: ZIP, destination: { source: 'f/s', target: 'g/s' }, ifPresent: 'abort' });
    expect(rec.calls).toHaveLength(1);
    const call = rec.calls[0]!;
    expect(`${call.method} ${call.url}`).toBe(`POST ${FULL}/api/v4/import`);
    const form = call.body as FormData;
    expect(JSON.parse(form.get('importRequestEntity') as string)).toEqual({
      inputs: { services_modify: [{ service_uri_source: 'f/s', service_uri_destination: 'g/s', update_version_type: 'minor' }] },
      services_existing: 'abort', source_system: 'Spark TypeScript SDK', correlation_id: null,
    });
    expect((form.get('file') as File).name).toBe('package.zip');
    expect(job).toEqual({ id: 'imp-1', object: 'import', status_url: `${FULL}/api/v4/import/imp-1/status` });
  });

  it('initiate: maps 400 and validates before sending', async () => {
    await expect(initiateImport(testClient(recorder(() => json({}, 400)).fetch), { file: ZIP, destination: 'f/s' })).rejects.toBeInstanceOf(SparkBadRequestError);
    const idle = recorder();
    await expect(initiateImport(testClient(idle.fetch), { file: ZIP, destination: [] })).rejects.toBeInstanceOf(SparkSdkError);
    expect(idle.calls).toHaveLength(0);
  });

  it('getStatus: GET api/v4/import/{id}/status or the given URL', async () => {
    const rec = recorder(() => json(importStatus('completed')));
    const spark = testClient(rec.fetch).use(impex);
    expect(await spark.impex.imports.getStatus('imp-1')).toEqual(importStatus('completed'));
    await getImportStatus(spark, '', { url: `${FULL}/api/v4/import/imp-9/status` });
    expect(rec.calls.map((c) => `${c.method} ${c.url}`)).toEqual([`GET ${FULL}/api/v4/import/imp-1/status`, `GET ${FULL}/api/v4/import/imp-9/status`]);
  });

  it('getStatus: maps 404 and validates before sending', async () => {
    await expect(getImportStatus(testClient(recorder(() => json({}, 404)).fetch), 'x')).rejects.toBeInstanceOf(SparkNotFoundError);
    const idle = recorder();
    await expect(getImportStatus(testClient(idle.fetch), '')).rejects.toBeInstanceOf(SparkSdkError);
    await expect(getImportStatus(testClient(idle.fetch), 'x', { timeout: 0 })).rejects.toBeInstanceOf(SparkSdkError);
    expect(idle.calls).toHaveLength(0);
  });

  it('describe: GET api/v4/import/status', async () => {
    const body = { in_progress_imports: [], recent_imports: [], tenant: { configuration: { import_api_job_limit: 1 } } };
    const rec = recorder(() => json(body));
    expect(await testClient(rec.fetch).use(impex).impex.imports.describe()).toEqual(body);
    expect(`${rec.calls[0]!.method} ${rec.calls[0]!.url}`).toBe(`GET ${FULL}/api/v4/import/status`);
    await expect(describeImports(testClient(recorder(() => json({}, 404)).fetch))).rejects.toBeInstanceOf(SparkNotFoundError);
    const idle = recorder();
    await expect(describeImports(testClient(idle.fetch), 'x' as never)).rejects.toBeInstanceOf(SparkSdkError);
    expect(idle.calls).toHaveLength(0);
  });
});
