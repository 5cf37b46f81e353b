import { describe, expect, it } from 'vitest';
import { SparkNotFoundError, SparkSdkError } from '@spark/core';
import { downloadWasm } from './download-wasm.js';
import { wasm } from './plugin.js';
import { bytes, json, recorder, testClient } from '@spark/test-utils';

const FULL = 'https://excel.test.coherent.global/my-tenant/api/v3/nodegen';

describe('downloadWasm', () => {
  it.each([
    ['version/{id}', 'version/9129-abc', `${FULL}/getnodegenzipbyId/version/9129-abc`],
    ['service/{id}', 'service/b3cf-1', `${FULL}/getnodegenzipbyId/service/b3cf-1`],
    ['folder/service', 'my-folder/volume-cylinder', `${FULL}/getnodegenzipbyId/folders/my-folder/services/volume-cylinder`],
    ['folder/service[version] (PY appends the version)', 'my-folder/volume-cylinder[0.1.0]', `${FULL}/getnodegenzipbyId/folders/my-folder/services/volume-cylinder[0.1.0]`],
    ['long form', 'folders/my-folder/services/volume-cylinder', `${FULL}/getnodegenzipbyId/folders/my-folder/services/volume-cylinder`],
    ['names encoded once', { folder: 'my folder', service: 'a/b%' }, `${FULL}/getnodegenzipbyId/folders/my%20folder/services/a%2Fb%25`],
    ['public variant', { versionId: 'v-1', public: true }, `${FULL}/public/getnodegenzipbyId/version/v-1`],
    ['version id preferred', { folder: 'f', service: 's', serviceId: 's-1', versionId: 'v-1' }, `${FULL}/getnodegenzipbyId/version/v-1`],
    ['service id before names', { folder: 'f', service: 's', serviceId: 's-1' }, `${FULL}/getnodegenzipbyId/service/s-1`],
  ])('sends GET for %s', async (_, uri, url) => {
    const rec = recorder(() => bytes('PK'));
    await downloadWasm(testClient(rec.fetch), uri);
    expect(rec.calls).toHaveLength(1);
    const call = rec.calls[0]!;
    expect(call.method).toBe('GET');
    expect(call.url).toBe(url);
    expect(call.headers['x-synthetic-key']).toBe('k');
    expect(call.headers['x-tenant-name']).toBe('my-tenant');
    expect(call.body).toBeUndefined();
  });

  it('returns the zip as a SparkDownload', async () => {
    const rec = recorder(() => bytes(new Uint8Array([80, 75, 3, 4, 9]), 'application/zip', { 'content-disposition': 'attachment; filename="v-1.zip"' }));
    const pkg = await downloadWasm(testClient(rec.fetch), 'version/v-1');
    expect(pkg.contentType).toBe('application/zip');
    expect(pkg.fileName).toBe('v-1.zip');
    expect([...(await pkg.bytes())]).toEqual([80, 75, 3, 4, 9]);
  });

  it('maps 404 to SparkNotFoundError', async () => {
    const rec = recorder(() => json({ message: 'version not found' }, 404));
    await expect(downloadWasm(testClient(rec.fetch), 'version/nope')).rejects.toBeInstanceOf(SparkNotFoundError);
  });

  it('rejects bad locators and options before sending', async () => {
    const rec = recorder();
    const spark = testClient(rec.fetch);
    await expect(downloadWasm(spark, 'proxy/custom/path')).rejects.toThrow(/not a proxy path/);
    await expect(downloadWasm(spark, 'just-a-name')).rejects.toBeInstanceOf(SparkSdkError);
    await expect(downloadWasm(spark, { folder: 'f' })).rejects.toBeInstanceOf(SparkSdkError);
    await expect(downloadWasm(spark, 'version/v', { timeout: 0 })).rejects.toThrow(/"timeout"/);
    expect(rec.calls).toHaveLength(0);
  });

  it('is exposed as the wasm plugin', async () => {
    const rec = recorder(() => bytes('PK'));
    const spark = testClient(rec.fetch).use(wasm);
    await spark.wasm.download('service/s-1');
    expect(rec.calls[0]!.url).toBe(`${FULL}/getnodegenzipbyId/service/s-1`);
  });
});
