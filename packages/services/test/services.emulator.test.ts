import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, SparkApiError, SparkNotFoundError, SparkSdkError } from '@spark/core';
import { withEmulator } from '@spark/test-utils/emulator';
import {
  compileService, createService, deleteService, publishService, downloadService, executeService, getServiceMetadata, getServiceSchema, getServiceSwagger,
  getServiceVersions, recompileService, searchAllServices, searchServices, serviceExists, services, transformService, validateService,
} from '../src/index.js';

const URI = 'my-folder/volume-cylinder';
const emu = withEmulator();
let spark: ReturnType<typeof makeClient>;
const makeClient = (baseUrl: string) => createClient({ baseUrl, apiKey: emu.apiKey, maxRetries: 0 }).use(services);

beforeAll(async () => {
  spark = makeClient(emu.baseUrl);
});
afterAll(async () => {
  spark?.close();
});

describe('services against the emulator', () => {
  it('executes one record through v3 and many through v4, in the same shape', async () => {
    const one = await executeService<{ radius: number; height: number }, { volume: number }>(spark, URI, { inputs: { radius: 2, height: 3 } });
    expect(one.outputs[0]!.volume).toBeCloseTo(Math.PI * 12);
    expect(one.service_id).toEqual(expect.any(String));
    const many = await spark.services.execute<{ radius: number; height: number }, { volume: number }>(URI, { inputs: [{ radius: 1, height: 1 }, { radius: 2, height: 1 }] });
    expect(many.outputs.map((o) => o.volume)).toEqual([expect.closeTo(Math.PI), expect.closeTo(4 * Math.PI)]);
    const original = await executeService(spark, URI, { inputs: { radius: 1, height: 2 }, responseFormat: 'original', correlationId: 'corr-1' });
    expect(original).toMatchObject({ status: 'Success', response_data: { outputs: { volume: expect.closeTo(2 * Math.PI) } } });
  });

  it('executes by version id, service id and public locators, and with default inputs', async () => {
    const [latest] = await getServiceVersions(spark, URI);
    const byVersion = await executeService(spark, `version/${latest!.id}`, { inputs: { radius: 1, height: 1 } });
    expect(byVersion.version_id).toBe(latest!.id);
    const byService = await executeService(spark, `service/${byVersion.service_id}`, { inputs: [{ radius: 1, height: 1 }, { radius: 1, height: 2 }] });
    expect(byService.outputs).toHaveLength(2);
    const open = createClient({ baseUrl: emu.baseUrl, apiKey: 'open', maxRetries: 0 });
    try {
      const pub = await executeService(open, { folder: 'my-folder', service: 'volume-cylinder', public: true }, { inputs: { radius: 1, height: 1 } });
      expect(pub.outputs[0]).toMatchObject({ volume: expect.closeTo(Math.PI) });
    } finally {
      open.close();
    }
    const defaults = await executeService(spark, URI, { inputs: null });
    expect(defaults.outputs[0]).toMatchObject({ volume: expect.closeTo(Math.PI * 49 * 4) });
  });

  it('maps a missing service to SparkNotFoundError and rejects bad inputs without sending', async () => {
    await expect(executeService(spark, 'my-folder/nope', { inputs: {} })).rejects.toBeInstanceOf(SparkNotFoundError);
    const before = emu.stats().requests;
    await expect(executeService(spark, URI, { inputs: 'not json' })).rejects.toBeInstanceOf(SparkSdkError);
    await expect(spark.services.validate(URI, { validationType: 'fuzzy' as never })).rejects.toBeInstanceOf(SparkSdkError);
    expect(emu.stats().requests).toBe(before);
  });

  it('transforms through a stored document, and sends the quoted metadata header', async () => {
    await spark.request({
      operation: 'test.saveTransform', method: 'POST', path: 'api/v4/transforms/tf/cyl',
      json: { transform_content: JSON.stringify({ transform_type: 'JSONtransforms_v1.0.1', target_api_version: 'v3', input_body_transform: "{'radius': $.r, 'height': $.h}" }) },
    });
    const out = await transformService<{ response_data: { outputs: { volume: number } } }>(spark, URI, { inputs: { r: 2, h: 1 }, using: { folder: 'tf', name: 'cyl' }, callPurpose: 'Transforms' });
    expect(out.response_data.outputs.volume).toBeCloseTo(4 * Math.PI);
    const seen = [...emu.requests].reverse().find((r) => r.path.includes('/transforms/tf/cyl/for/'))!;
    expect(seen.path).toBe('/my-tenant/api/v4/transforms/tf/cyl/for/my-folder/volume-cylinder');
    expect(seen.headers['x-request-meta']).toMatch(/^'\{"call_purpose":"Transforms",.*\}'$/);
    const v4 = await spark.services.transform<{ outputs: { volume: number }[] }>(URI, { inputs: [{ radius: 1, height: 1 }], apiVersion: 'v4' });
    expect(v4.outputs[0]!.volume).toBeCloseTo(Math.PI);
  });

  it('validates inputs (static and dynamic)', async () => {
    const result = await validateService(spark, URI, { inputs: { radius: 1, height: 2 } });
    expect(result.status).toBe('Success');
    expect(Object.keys(result.response_data.outputs)).toEqual(expect.arrayContaining(['radius', 'height']));
    const dynamic = await spark.services.validate(URI, { validationType: 'dynamic' });
    expect(dynamic.response_data.outputs).toHaveProperty('radius');
  });

  it('describes a service: schema, metadata, versions, swagger', async () => {
    const schema = await getServiceSchema(spark, URI);
    expect(schema).toEqual(expect.any(Object));
    const [latest] = await spark.services.getVersions(URI);
    expect(latest).toMatchObject({ id: expect.any(String), revision: expect.any(String), engine: 'volume-cylinder', product: 'my-folder' });
    const byId = await spark.services.getSchema(`version/${latest!.id}`);
    expect(byId).toEqual(expect.any(Object));
    const metadata = await getServiceMetadata(spark, URI);
    expect(metadata.response_data.outputs).toMatchObject({ 'Metadata.Shape': 'cylinder' });
    const swagger = await getServiceSwagger(spark, URI, { versionId: latest!.id });
    expect(swagger).toHaveProperty('paths');
    const file = await spark.services.getSwagger(URI, { downloadable: true });
    expect(JSON.parse(new TextDecoder().decode(await file.bytes()))).toHaveProperty('paths');
    // The latest version keeps the trailing slash both official SDKs send; the emulator answers it.
    expect(emu.requests.at(-1)?.path).toBe('/my-tenant/api/v3/folders/my-folder/services/volume-cylinder/downloadswagger/All/true/');
  });

  it('searches one page and all pages', async () => {
    const page = await searchServices(spark, { query: [{ field: 'foldername', value: 'my-folder' }] });
    expect(page.response_data.some((s) => s.folderName === 'my-folder')).toBe(true);
    const all: string[] = [];
    for await (const p of searchAllServices(spark, { limit: 1 })) all.push(...p.response_data.map((s) => s.id));
    const everything = await spark.services.search();
    expect(all.sort()).toEqual(everything.response_data.map((s) => s.id).sort());
    expect(all.length).toBeGreaterThan(1);
  });

  it('downloads the workbook to a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'spark-services-'));
    try {
      const file = await downloadService(spark, URI, { fileName: 'copy.xlsx', type: 'configured' });
      expect(file.fileName).toBe('copy.xlsx');
      const size = await file.toFile(join(dir, 'copy.xlsx'));
      expect(size).toBeGreaterThan(0);
      expect((await readFile(join(dir, 'copy.xlsx'))).subarray(0, 2).toString()).toBe('PK');
      expect(emu.requests.at(-1)?.path).toBe('/api/v1/product/my-folder/engines/volume-cylinder/download/?filename=copy.xlsx&type=withmetadata');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('creates, recompiles, checks and deletes a service', async () => {
    const uri = 'lifecycle/pricing';
    expect(await serviceExists(spark, uri)).toBe(false);
    const progress: number[] = [];
    const created = await createService(spark, {
      folder: 'lifecycle', service: 'pricing', file: new Uint8Array([0x50, 0x4b, 1, 2]), pollInterval: 1,
      label: 'first', releaseNotes: 'created by the integration test', onProgress: (p) => progress.push(p.response_data.progress),
    });
    expect(created.compilation.response_data).toMatchObject({ status: 'Success', progress: 100 });
    expect(progress.at(-1)).toBe(100);
    const versionId = created.publication.response_data.version_id;
    expect(await spark.services.exists(uri)).toBe(true);
    const result = await executeService(spark, uri, { inputs: { a: 1, b: 2 } });
    expect(result.outputs[0]).toMatchObject({ sum: 3 });

    const recompiled = await recompileService(spark, { folder: 'lifecycle', service: 'pricing', versionId }, { upgrade: 'minor', label: 'again', pollInterval: 1 });
    expect(recompiled.compilation?.response_data.status).toBe('Success');
    const versions = await getServiceVersions(spark, uri);
    expect(versions.map((v) => v.id)).toEqual([recompiled.recompilation.response_data.versionId, versionId]);

    await deleteService(spark, uri);
    expect(await serviceExists(spark, uri)).toBe(false);
    await expect(getServiceVersions(spark, uri)).rejects.toBeInstanceOf(SparkNotFoundError);
  });

  it('reports a compilation that fails on Spark as a failure naming its status and error, not a timeout', async () => {
    emu.faults.add({
      match: /\/getcompilationprogess\//,
      body: { status: 'Success', error: null, response_data: { status: 'Fail', last_error_message: 'Circular reference in Sheet1!B2', progress: 100 } },
      count: 1,
    });
    const failure = await compileService(spark, { folder: 'lifecycle', service: 'broken', file: new Blob([new Uint8Array([0x50, 0x4b])]), pollInterval: 1 })
      .catch((e: unknown) => e);
    emu.faults.clear();
    expect(failure).toBeInstanceOf(SparkApiError);
    expect((failure as SparkApiError).message).toMatch(/compilation job \S+ failed with status "Fail": Circular reference in Sheet1!B2/);
    expect((failure as SparkApiError).status).toBe(200);
  });

  it('compiles, then publishes as a separate step', async () => {
    const compiled = await compileService(spark, { folder: 'lifecycle', service: 'two-step', file: new Blob([new Uint8Array([0x50, 0x4b])]), pollInterval: 1 });
    expect(compiled.compilation.response_data.status).toBe('Success');
    expect(await serviceExists(spark, 'lifecycle/two-step')).toBe(false);
    const published = await publishService(spark, {
      folder: 'lifecycle', service: 'two-step', fileId: compiled.upload.response_data.original_file_documentid,
      engineId: compiled.upload.response_data.engine_file_documentid, label: 'v1', trackUser: true,
    });
    const [only] = await getServiceVersions(spark, 'lifecycle/two-step');
    expect(only!.id).toBe(published.response_data.version_id);
    const seen = [...emu.requests].reverse().find((r) => r.path.endsWith('/two-step/publish'))!;
    expect(JSON.parse(seen.body!)).toMatchObject({ request_data: { should_trck_user_action: true, version_label: 'v1' } });
    await expect(publishService(spark, { folder: 'lifecycle', service: 'two-step', fileId: 'nope', engineId: 'nope' })).rejects.toThrow(/400/);
  });
});
