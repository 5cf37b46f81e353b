import { describe, expect, it } from 'vitest';
import { SparkSdkError } from '@spark/core';
import { createServicesApi, services } from './plugin.js';
import { json, recorder, testClient, v3, type RecordedCall } from '@spark/test-utils';

function route(call: RecordedCall) {
  if (call.path.includes('/upload')) return json(v3({ nodegen_compilation_jobid: 'j', original_file_documentid: 'o', engine_file_documentid: 'e' }));
  if (call.path.includes('getcompilationprogess')) return json(v3({ status: 'Success', progress: 100 }));
  if (call.path.includes('recompileNodgen')) return json(v3({ jobId: 'j' }));
  if (call.path.includes('/downloadswagger')) return json({ openapi: '3.0.0' });
  if (call.path.includes('/download')) return new Response('xlsx');
  if (call.path.includes('services/search')) return json(v3([], {}));
  if (call.path.includes('getversions')) return json({ status: 'Success', data: [] });
  if (call.path.includes('/exists')) return json(v3({ is_exists: true }));
  return json(v3({ outputs: {} }));
}

describe('services plugin', () => {
  it('adds client.services with every operation bound to the client', async () => {
    const rec = recorder(route);
    const spark = testClient(rec.fetch).use(services);
    const file = new Uint8Array([1]);
    await spark.services.execute('f/s', { inputs: { a: 1 } });
    await spark.services.execute('f/s', { inputs: [{ a: 1 }, { a: 2 }] });
    await spark.services.transform('f/s', { inputs: {} });
    await spark.services.validate('f/s');
    await spark.services.getSchema('f/s');
    await spark.services.getMetadata('f/s');
    await spark.services.getVersions('f/s');
    await spark.services.getSwagger('f/s');
    await spark.services.search({ limit: 5 });
    for await (const page of spark.services.searchAll()) expect(page.response_data).toEqual([]);
    await (await spark.services.download('f/s')).bytes();
    await spark.services.recompile('f/s', { pollInterval: 1 });
    await spark.services.create({ folder: 'f', service: 's', file, pollInterval: 1 });
    await spark.services.compile({ folder: 'f', service: 's', file, pollInterval: 1 });
    await spark.services.publish({ folder: 'f', service: 's', fileId: 'o', engineId: 'e' });
    await spark.services.delete('f/s');
    expect(await spark.services.exists('f/s')).toBe(true);
    expect(rec.calls.map((c) => `${c.method} ${c.path.replace(/\?.*/, '')}`)).toEqual([
      'POST /my-tenant/api/v3/folders/f/services/s/execute',
      'POST /my-tenant/api/v4/execute',
      'POST /my-tenant/api/v4/transforms/f/s/for/f/s',
      'POST /my-tenant/api/v3/folders/f/services/s/validation',
      'GET /api/v1/product/f/engines/get/s',
      'GET /my-tenant/api/v3/folders/f/services/s/metadata',
      'GET /api/v1/product/f/engines/getversions/s',
      'GET /my-tenant/api/v3/folders/f/services/s/downloadswagger/All/false/',
      'POST /my-tenant/api/v3/services/search',
      'POST /my-tenant/api/v3/services/search',
      'GET /api/v1/product/f/engines/s/download/',
      'POST /my-tenant/api/v3/folders/f/services/s/recompileNodgen',
      'GET /my-tenant/api/v3/folders/f/services/s/getcompilationprogess/j',
      'POST /my-tenant/api/v3/folders/f/services/s/upload',
      'GET /my-tenant/api/v3/folders/f/services/s/getcompilationprogess/j',
      'POST /my-tenant/api/v3/folders/f/services/s/publish',
      'POST /my-tenant/api/v3/folders/f/services/s/upload',
      'GET /my-tenant/api/v3/folders/f/services/s/getcompilationprogess/j',
      'POST /my-tenant/api/v3/folders/f/services/s/publish',
      'DELETE /api/v1/product/f/engines/delete/s',
      'GET /my-tenant/api/v3/folders/f/services/s/exists',
    ]);
  });

  it('exposes exactly the documented namespace', () => {
    const api = createServicesApi(testClient(recorder().fetch));
    expect(Object.keys(api).sort()).toEqual([
      'compilation', 'compile', 'create', 'delete', 'download', 'execute', 'exists', 'getMetadata', 'getSchema', 'getSwagger', 'getVersions',
      'publish', 'recompile', 'search', 'searchAll', 'transform', 'validate',
    ]);
    expect(services.key).toBe('services');
  });

  it('refuses to register twice', () => {
    const spark = testClient(recorder().fetch).use(services);
    expect(() => spark.use(services)).toThrow(SparkSdkError);
  });
});
