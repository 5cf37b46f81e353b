import { describe, expect, it } from 'vitest';
import { SparkApiError, SparkSdkError, SparkTimeoutError, SparkUnsupportedMediaTypeError } from '@spark/core';
import { importServices } from './import-services.js';
import { impex } from './plugin.js';
import { FULL, impexServer, importStatus } from './test-utils/impex-fixtures.js';
import { bytes, json, recorder, testClient, type RecordedCall } from '@spark/test-utils';

const ZIP = new Uint8Array([80, 75, 3, 4, 1, 2, 3]);
const FAST = { pollInterval: 1 };

async function parts(call: RecordedCall) {
  expect(call.body).toBeInstanceOf(FormData);
  const form = call.body as FormData;
  expect([...form.keys()]).toEqual(['importRequestEntity', 'file']);
  const file = form.get('file') as File;
  return { entity: JSON.parse(form.get('importRequestEntity') as string) as unknown, file, bytes: [...new Uint8Array(await file.arrayBuffer())] };
}

describe('importServices', () => {
  it('posts the multipart entity and package, then polls (exact wire)', async () => {
    const rec = recorder(impexServer());
    await importServices(testClient(rec.fetch), {
      file: ZIP,
      destination: ['my-folder/volume-cylinder', { source: 'a/b', target: 'c/d', upgrade: 'major' }, { source: 'e/f' }],
      ifPresent: 'replace',
      correlationId: 'release-42',
      ...FAST,
    });
    expect(rec.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `POST ${FULL}/api/v4/import`,
      `GET ${FULL}/api/v4/import/imp-1/status`,
      `GET ${FULL}/api/v4/import/imp-1/status`,
    ]);
    const init = rec.calls[0]!;
    expect(init.headers['x-synthetic-key']).toBe('k');
    const { entity, file, bytes: sent } = await parts(init);
    expect(entity).toEqual({
      inputs: {
        services_modify: [
          { service_uri_source: 'my-folder/volume-cylinder', service_uri_destination: 'my-folder/volume-cylinder', update_version_type: 'minor' },
          { service_uri_source: 'a/b', service_uri_destination: 'c/d', update_version_type: 'major' },
          { service_uri_source: 'e/f', service_uri_destination: 'e/f', update_version_type: 'minor' },
        ],
      },
      services_existing: 'replace',
      source_system: 'Spark TypeScript SDK',
      correlation_id: 'release-42',
    });
    expect(file.name).toBe('package.zip');
    expect(file.type).toBe('application/zip');
    expect(sent).toEqual([...ZIP]);
  });

  it('defaults ifPresent to add_version and accepts Blob, stream and SparkDownload files', async () => {
    const rec = recorder(impexServer({ pending: 0 }));
    const spark = testClient(rec.fetch);
    const download = { stream: new Blob([ZIP]).stream(), contentType: 'application/zip', fileName: 'x.zip', bytes: async () => ZIP, toFile: async () => 0 };
    for (const file of [new Blob([ZIP]), new Blob([ZIP]).stream(), download, ZIP.buffer]) {
      await importServices(spark, { file, destination: 'f/s', ...FAST });
    }
    const posts = rec.calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(4);
    for (const post of posts) {
      const { entity, file, bytes: sent } = await parts(post);
      expect(entity).toMatchObject({ services_existing: 'add_version', correlation_id: null });
      expect(file.type).toBe('application/zip');
      expect(sent).toEqual([...ZIP]);
    }
  });

  it('returns the final import status', async () => {
    const rec = recorder(impexServer());
    const seen: string[] = [];
    const status = await testClient(rec.fetch).use(impex).impex.import({ file: ZIP, destination: 'f/s', onProgress: (s) => seen.push(s.status), ...FAST });
    expect(status).toEqual(importStatus('completed'));
    expect(seen).toEqual(['in_progress', 'completed']);
  });

  it('reports job errors and failed jobs as SparkApiError', async () => {
    const withErrors = recorder(impexServer({ importFinal: importStatus('completed', { errors: [{ message: 'folder missing' }] }) }));
    const error = await importServices(testClient(withErrors.fetch), { file: ZIP, destination: 'f/s', ...FAST }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkApiError);
    expect((error as Error).message).toMatch(/import job imp-1 failed with errors: .*folder missing/);
    const failed = recorder(impexServer({ importFinal: importStatus('failed') }));
    const failure = await importServices(testClient(failed.fetch), { file: ZIP, destination: 'f/s', ...FAST }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SparkApiError);
    expect(failure).not.toBeInstanceOf(SparkTimeoutError);
  });

  it('maps HTTP errors (415 on initiate)', async () => {
    const rec = recorder(() => json({ message: 'not a zip' }, 415));
    await expect(importServices(testClient(rec.fetch), { file: ZIP, destination: 'f/s' })).rejects.toBeInstanceOf(SparkUnsupportedMediaTypeError);
  });

  it('validates parameters before sending', async () => {
    const rec = recorder(() => bytes('x'));
    const spark = testClient(rec.fetch);
    await expect(importServices(spark, { destination: 'f/s' } as never)).rejects.toThrow(/"file"/);
    await expect(importServices(spark, { file: 'path.zip' as never, destination: 'f/s' })).rejects.toThrow(/"file"/);
    await expect(importServices(spark, { file: ZIP, destination: [] })).rejects.toBeInstanceOf(SparkSdkError);
    await expect(importServices(spark, { file: ZIP, destination: '' })).rejects.toBeInstanceOf(SparkSdkError);
    await expect(importServices(spark, { file: ZIP, destination: { source: 'f/s', upgrade: 'huge' as never } })).rejects.toBeInstanceOf(SparkSdkError);
    await expect(importServices(spark, { file: ZIP, destination: 'no-slash' })).rejects.toBeInstanceOf(SparkSdkError);
    await expect(importServices(spark, { file: ZIP, destination: 'f/s', ifPresent: 'merge' as never })).rejects.toThrow(/"ifPresent"/);
    expect(rec.calls).toHaveLength(0);
  });
});
