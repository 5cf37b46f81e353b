import { describe, expect, it } from 'vitest';
import { SparkBadRequestError, SparkNotFoundError, SparkSdkError } from '@spark/core';
import { executeService } from './execute-service.js';
import { json, recorder, testClient } from '@spark/test-utils';

async function run(uri: Parameters<typeof executeService>[1], params: Parameters<typeof executeService>[2], reply: object) {
  const rec = recorder(json(reply));
  const result = await executeService(testClient(rec.fetch), uri, params);
  expect(rec.calls).toHaveLength(1);
  return { call: rec.last, result };
}

describe('executeService v4 (many records)', () => {
  const V4_REPLY = { outputs: [{ v: 1 }, { v: 2 }], process_time: [1, 1], warnings: [null, null], errors: [null, null], service_chain: [null, null], service_id: 'sid' };

  it('posts the records and top-level metadata to api/v4/execute', async () => {
    const { call, result } = await run('f/s[1.0.0]', { inputs: [{ x: 1 }, { x: 2 }] }, V4_REPLY);
    expect(call.method).toBe('POST');
    expect(call.path).toBe('/my-tenant/api/v4/execute');
    expect(call.json).toEqual({
      inputs: [{ x: 1 }, { x: 2 }], service: 'f/s[1.0.0]', call_purpose: 'Sync Batch Execution', source_system: 'Spark TypeScript SDK',
    });
    expect(result).toEqual(V4_REPLY);
  });

  it('sends a one-element array through v4 (as PY does)', async () => {
    const { call } = await run('f/s', { inputs: [{ x: 1 }] }, V4_REPLY);
    expect(call.path).toBe('/my-tenant/api/v4/execute');
    expect(call.json).toMatchObject({ inputs: [{ x: 1 }], service: 'f/s' });
  });

  it('parses a JSON array string into v4 records', async () => {
    const { call } = await run('f/s', { inputs: '[{"x":1},{"x":2}]' }, V4_REPLY);
    expect(call.json).toMatchObject({ inputs: [{ x: 1 }, { x: 2 }] });
  });

  it.each([
    ['service/abc', '/my-tenant/api/v4/execute', { service: 'abc' }],
    ['version/xyz', '/my-tenant/api/v4/execute', { version_id: 'xyz' }],
    [{ folder: 'f', service: 's', public: true }, '/my-tenant/api/v4/public/execute', { service: 'f/s' }],
    [{ serviceId: 'abc', versionId: 'xyz' }, '/my-tenant/api/v4/execute', { service: 'abc', version_id: 'xyz' }],
  ] as const)('locates %j by the body', async (uri, path, keys) => {
    const { call } = await run(uri, { inputs: [{ x: 1 }, { x: 2 }] }, V4_REPLY);
    expect(call.path).toBe(path);
    const body = call.json as Record<string, unknown>;
    expect(body).toMatchObject(keys);
    if (!('service' in keys)) expect(body).not.toHaveProperty('service');
  });

  it('maps the v4 metadata keys and leaves the v3-only options out', async () => {
    const { call } = await run('f/s', {
      inputs: [{ x: 1 }, { x: 2 }], activeSince: '2021-01-01', subservices: 'a', selectedOutputs: ['o1', 'o2'], callPurpose: 'Batch',
      sourceSystem: 'app', correlationId: 'c', tablesAsArray: 'T', debugSolve: true, echoInputs: true, downloadable: true, outputsFilter: 'x',
      compilerType: 'Type1', extras: { unique_record_key: 'id' },
    }, V4_REPLY);
    expect(call.json).toEqual({
      inputs: [{ x: 1 }, { x: 2 }], service: 'f/s', version_by_timestamp: '2021-01-01T00:00:00.000Z', subservice: 'a', output: 'o1,o2',
      call_purpose: 'Batch', source_system: 'app', correlation_id: 'c', unique_record_key: 'id',
    });
  });

  it('gzips a large v4 body and not a small one', async () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({ radius: i, height: i * 2 }));
    const { call } = await run('f/s', { inputs: many }, V4_REPLY);
    expect(call.headers['content-encoding']).toBe('gzip');
    expect((call.json as { inputs: unknown[] }).inputs).toHaveLength(2000);
    const { call: small } = await run('f/s', { inputs: [{ x: 1 }, { x: 2 }] }, V4_REPLY);
    expect(small.headers['content-encoding']).toBeUndefined();
    const { call: off } = await run('f/s', { inputs: many, compress: false }, V4_REPLY);
    expect(off.headers['content-encoding']).toBeUndefined();
  });

  it('refuses a proxy locator for v4 without sending', async () => {
    const rec = recorder();
    await expect(executeService(testClient(rec.fetch), 'proxy/x', { inputs: [{ a: 1 }, { a: 2 }] })).rejects.toThrow(SparkSdkError);
    expect(rec.calls).toHaveLength(0);
  });
});

describe('executeService errors and validation', () => {
  it.each([
    ['a non-JSON string', 'not json', /not valid JSON/],
    ['a JSON number', '42', /must be an object/],
    ['a number', 42, /"inputs"/],
    ['an array of numbers', [1, 2], /"inputs"/],
    ['a mixed array string', '[{"a":1}, 3]', /must be an object/],
    ['a boolean', true, /"inputs"/],
  ])('rejects %s as inputs before sending', async (_label, inputs, message) => {
    const rec = recorder();
    const error = await executeService(testClient(rec.fetch), 'f/s', { inputs: inputs as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkSdkError);
    expect((error as Error).message).toMatch(message);
    expect(rec.calls).toHaveLength(0);
  });

  it.each([
    ['responseFormat', { responseFormat: 'typed' }],
    ['compilerType', { compilerType: 'Type9' }],
    ['selectedOutputs', { selectedOutputs: 3 }],
    ['activeSince', { activeSince: 'not a date' }],
    ['debugSolve', { debugSolve: 'yes' }],
    ['timeout', { timeout: 0 }],
  ])('rejects a bad %s before sending', async (field, params) => {
    const rec = recorder();
    const error = await executeService(testClient(rec.fetch), 'f/s', params as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkSdkError);
    expect((error as Error).message).toContain(field);
    expect(rec.calls).toHaveLength(0);
  });

  it('rejects a bad locator before sending', async () => {
    const rec = recorder();
    await expect(executeService(testClient(rec.fetch), 'just-a-folder', {})).rejects.toThrow(SparkSdkError);
    await expect(executeService(testClient(rec.fetch), { folder: 'f' }, {})).rejects.toThrow(/service name is missing/);
    expect(rec.calls).toHaveLength(0);
  });

  it('maps HTTP errors to SparkApiError subclasses', async () => {
    const notFound = recorder(json({ error: { message: 'service not found' } }, 404));
    const error = await executeService(testClient(notFound.fetch), 'f/missing', { inputs: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparkNotFoundError);
    expect((error as SparkNotFoundError).status).toBe(404);
    expect((error as Error).message).toContain('services.execute');
    const bad = recorder(json({ message: 'bad inputs' }, 400));
    await expect(executeService(testClient(bad.fetch), 'f/s', { inputs: [{ a: 1 }, { a: 2 }] })).rejects.toBeInstanceOf(SparkBadRequestError);
  });
});
