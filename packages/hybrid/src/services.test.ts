import { describe, expect, it } from 'vitest';
import { SparkBadRequestError, SparkNotFoundError, SparkSdkError, SparkUnprocessableEntityError } from '@spark/core';
import { getHybridMetadata } from './get-hybrid-metadata.js';
import { uploadHybridService } from './upload-hybrid-service.js';
import { validateHybridService } from './validate-hybrid-service.js';
import { json, recorder } from '@spark/test-utils';
import { RUNNER, testRunner } from './test-utils/runner.js';

const ZIP = new Uint8Array([80, 75, 3, 4, 7]);
const UPLOADED = { response_data: [{ tenant: 'my-tenant', services: [{ VersionId: 'v-1', EngineInformation: { ServiceName: 'volume-cylinder' } }] }] };
const V3 = { status: 'Success', response_data: { outputs: { radius: { validation_allow: 'Any' } } }, response_meta: { version_id: 'v-1' }, error: null };

describe('services.upload', () => {
  it('posts multipart "file" to {runner}/api/v3/upload (no tenant)', async () => {
    const rec = recorder(() => json(UPLOADED));
    await testRunner(rec.fetch).services.upload(ZIP);
    await uploadHybridService(testRunner(rec.fetch), new Blob([ZIP]), { fileName: 'volume-cylinder.zip' });
    expect(rec.calls.map((c) => `${c.method} ${c.url}`)).toEqual([`POST ${RUNNER}/api/v3/upload`, `POST ${RUNNER}/api/v3/upload`]);
    const names: string[] = [];
    for (const call of rec.calls) {
      const form = call.body as FormData;
      expect([...form.keys()]).toEqual(['file']);
      const file = form.get('file') as File;
      expect(file.type).toBe('application/zip');
      expect([...new Uint8Array(await file.arrayBuffer())]).toEqual([...ZIP]);
      names.push(file.name);
    }
    expect(names).toEqual(['package.zip', 'volume-cylinder.zip']);
  });

  it('returns what the runner loaded', async () => {
    const rec = recorder(() => json(UPLOADED));
    expect(await testRunner(rec.fetch).services.upload(new Blob([ZIP]).stream())).toEqual(UPLOADED);
  });

  it('maps errors and validates before sending', async () => {
    await expect(uploadHybridService(testRunner(recorder(() => json({ message: 'invalid package' }, 400)).fetch), ZIP)).rejects.toBeInstanceOf(SparkBadRequestError);
    const rec = recorder();
    await expect(uploadHybridService(testRunner(rec.fetch), './pkg.zip' as never)).rejects.toThrow(/"file"/);
    await expect(uploadHybridService(testRunner(rec.fetch), ZIP, { fileName: '' })).rejects.toThrow(/"fileName"/);
    expect(rec.calls).toHaveLength(0);
  });
});

describe('services.validate', () => {
  it('posts the locator in request_meta to {runner}/{tenant}/api/v3/validation', async () => {
    const rec = recorder(() => json(V3));
    const runner = testRunner(rec.fetch);
    await runner.services.validate('version/v-1', { inputs: { radius: 2 }, validationType: 'dynamic', metadata: { call_purpose: 'ui' } });
    await runner.services.validate({ serviceId: 's-1' });
    await runner.services.validate('my-folder/volume-cylinder[0.1.0]');
    await runner.services.validate('version/v-2', { validationType: 'static' });
    expect(rec.calls.map((c) => `${c.method} ${c.url}`)).toEqual(Array(4).fill(`POST ${RUNNER}/my-tenant/api/v3/validation`));
    expect(rec.calls.map((c) => c.json)).toEqual([
      { request_data: { inputs: { radius: 2 } }, request_meta: { call_purpose: 'ui', version_id: 'v-1', validation_type: 'dynamic' } },
      { request_data: { inputs: null }, request_meta: { service_id: 's-1', validation_type: 'default_values' } },
      { request_data: { inputs: null }, request_meta: { version: '0.1.0', validation_type: 'default_values' } },
      { request_data: { inputs: null }, request_meta: { version_id: 'v-2', validation_type: 'default_values' } },
    ]);
    expect(rec.calls[0]!.headers['content-type']).toBe('application/json');
  });

  it('returns the v3 envelope', async () => {
    const rec = recorder(() => json(V3));
    expect(await validateHybridService(testRunner(rec.fetch), 'version/v-1')).toEqual(V3);
  });

  it('maps errors and validates before sending', async () => {
    await expect(validateHybridService(testRunner(recorder(() => json({}, 404)).fetch), 'version/x')).rejects.toBeInstanceOf(SparkNotFoundError);
    const rec = recorder();
    const runner = testRunner(rec.fetch);
    await expect(runner.services.validate('proxy/p')).rejects.toThrow(/proxy/);
    await expect(runner.services.validate('nonsense')).rejects.toBeInstanceOf(SparkSdkError);
    // Same vocabulary as @spark/services: Spark's wire value is not accepted as an option.
    await expect(runner.services.validate('version/v', { validationType: 'default_values' as never })).rejects.toThrow(/"validationType"/);
    await expect(runner.services.validate('version/v', { inputs: [1] as never })).rejects.toThrow(/"inputs"/);
    expect(rec.calls).toHaveLength(0);
  });
});

describe('services.getMetadata', () => {
  it('POSTs to {runner}/{tenant}/api/v3/metadata with the locator in request_meta', async () => {
    const rec = recorder(() => json(V3));
    await testRunner(rec.fetch).services.getMetadata('version/v-1', { inputs: { radius: 1 }, metadata: { x: 1 } });
    await getHybridMetadata(testRunner(rec.fetch), 'service/s-1');
    await getHybridMetadata(testRunner(rec.fetch), 'f/s[1.0.0]');
    expect(rec.calls.map((c) => `${c.method} ${c.url}`)).toEqual(Array(3).fill(`POST ${RUNNER}/my-tenant/api/v3/metadata`));
    expect(rec.calls.map((c) => c.json)).toEqual([
      { request_data: { inputs: { radius: 1 } }, request_meta: { x: 1, version_id: 'v-1' } },
      { request_data: { inputs: null }, request_meta: { service_id: 's-1' } },
      { request_data: { inputs: null }, request_meta: {} },
    ]);
  });

  it('returns the v3 envelope', async () => {
    const rec = recorder(() => json(V3));
    expect(await getHybridMetadata(testRunner(rec.fetch), 'version/v-1')).toEqual(V3);
  });

  it('maps errors and validates before sending', async () => {
    await expect(getHybridMetadata(testRunner(recorder(() => json({}, 422)).fetch), 'version/x')).rejects.toBeInstanceOf(SparkUnprocessableEntityError);
    const rec = recorder();
    await expect(getHybridMetadata(testRunner(rec.fetch), 'version/v', { metadata: 'x' as never })).rejects.toThrow(/"metadata"/);
    await expect(getHybridMetadata(testRunner(rec.fetch), { proxy: 'p' })).rejects.toThrow(/proxy/);
    expect(rec.calls).toHaveLength(0);
  });
});

describe('services.execute', () => {
  it('executes like the SaaS API against {runner}/{tenant}', async () => {
    const rec = recorder((call) =>
      call.url.endsWith('/api/v4/execute')
        ? json({ outputs: [{ volume: 1 }, { volume: 2 }], process_time: [1, 1], warnings: [null, null], errors: [null, null], service_chain: [null, null] })
        : json({ status: 'Success', response_data: { outputs: { volume: 6.28 } }, response_meta: { version_id: 'v-1' } }),
    );
    const runner = testRunner(rec.fetch);
    const one = await runner.services.execute('version/v-1', { inputs: { radius: 1, height: 2 } });
    await runner.services.execute('my-folder/volume-cylinder', { inputs: { radius: 1, height: 2 } });
    await runner.services.execute('my-folder/volume-cylinder', { inputs: [{ radius: 1, height: 1 }, { radius: 1, height: 2 }] });
    expect(rec.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `POST ${RUNNER}/my-tenant/api/v3/version/v-1`,
      `POST ${RUNNER}/my-tenant/api/v3/folders/my-folder/services/volume-cylinder/execute`,
      `POST ${RUNNER}/my-tenant/api/v4/execute`,
    ]);
    expect(rec.calls[0]!.json).toMatchObject({ request_data: { inputs: { radius: 1, height: 2 } }, request_meta: { version_id: 'v-1' } });
    expect(one.outputs).toEqual([{ volume: 6.28 }]);
  });

  it('maps errors and validates before sending', async () => {
    await expect(testRunner(recorder(() => json({}, 404)).fetch).services.execute('version/x')).rejects.toBeInstanceOf(SparkNotFoundError);
    const rec = recorder();
    await expect(testRunner(rec.fetch).services.execute('version/x', { inputs: 42 as never })).rejects.toBeInstanceOf(SparkSdkError);
    expect(rec.calls).toHaveLength(0);
  });
});
