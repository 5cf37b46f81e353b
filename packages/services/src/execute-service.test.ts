import { describe, expect, it } from 'vitest';
import { executeService } from './execute-service.js';
import { json, recorder, testClient, v3 } from '@spark/test-utils';

const V3_REPLY = v3(
  { outputs: { volume: 37.7 }, warnings: null, errors: null, service_chain: [] },
  { service_id: 'sid', version_id: 'vid', version: '0.1.0', process_time: 2, call_id: 'cid', compiler_version: '1.22.3', correlation_id: null, request_timestamp: 't' },
);

async function run(uri: Parameters<typeof executeService>[1], params: Parameters<typeof executeService>[2], reply: object = V3_REPLY) {
  const rec = recorder(json(reply));
  const result = await executeService(testClient(rec.fetch), uri, params);
  expect(rec.calls).toHaveLength(1);
  return { call: rec.last, result };
}

describe('executeService v3 (one record)', () => {
  it('posts request_data + default request_meta to …/execute', async () => {
    const { call } = await run('my-folder/volume-cylinder', { inputs: { radius: 2, height: 3 } });
    expect(call.method).toBe('POST');
    expect(call.path).toBe('/my-tenant/api/v3/folders/my-folder/services/volume-cylinder/execute');
    expect(call.headers['content-type']).toBe('application/json');
    expect(call.headers['x-synthetic-key']).toBe('k');
    expect(call.headers['x-tenant-name']).toBe('my-tenant');
    expect(call.json).toEqual({
      request_data: { inputs: { radius: 2, height: 3 } },
      request_meta: { call_purpose: 'Single Execution', source_system: 'Spark TypeScript SDK', compiler_type: 'Neuron', excel_file: false, response_data_inputs: false },
    });
  });

  it.each([
    ['f/s[1.2.3]', '/my-tenant/api/v3/folders/f/services/s/execute', { version: '1.2.3' }],
    ['folders/f/services/s', '/my-tenant/api/v3/folders/f/services/s/execute', {}],
    ['service/abc', '/my-tenant/api/v3/service/abc', { service_id: 'abc' }],
    ['version/xyz', '/my-tenant/api/v3/version/xyz', { version_id: 'xyz' }],
    ['proxy/custom/path', '/my-tenant/api/v3/proxy/custom/path', {}],
    [{ folder: 'f', service: 's', public: true }, '/my-tenant/api/v3/public/folders/f/services/s/execute', {}],
    [{ versionId: 'xyz', public: true }, '/my-tenant/api/v3/public/version/xyz', { version_id: 'xyz' }],
    [{ serviceId: 'abc', public: true }, '/my-tenant/api/v3/public/service/abc', { service_id: 'abc' }],
    [{ proxy: 'p/q', public: true }, '/my-tenant/api/v3/public/proxy/p/q', {}],
    ['my folder/my service', '/my-tenant/api/v3/folders/my%20folder/services/my%20service/execute', {}],
  ] as const)('locates %j at %s', async (uri, path, meta) => {
    const { call } = await run(uri, { inputs: { x: 1 } });
    expect(call.path).toBe(path);
    expect((call.json as { request_meta: object }).request_meta).toMatchObject(meta);
  });

  it('maps every metadata option to its v3 key', async () => {
    const { call } = await run('f/s', {
      inputs: { x: 1 },
      callPurpose: 'Testing',
      activeSince: '2021-01-01',
      sourceSystem: 'My App',
      correlationId: 'corr-1',
      subservices: ['a', 'b'],
      selectedOutputs: ['o1', ' o2 '],
      tablesAsArray: 'T1,T2',
      compilerType: 'Type3',
      debugSolve: true,
      echoInputs: true,
      downloadable: true,
      outputsFilter: '^o',
      extras: { manual_now: 1, call_purpose: 'Overridden' },
    });
    expect((call.json as { request_meta: object }).request_meta).toEqual({
      transaction_date: '2021-01-01T00:00:00.000Z',
      call_purpose: 'Overridden',
      source_system: 'My App',
      correlation_id: 'corr-1',
      compiler_type: 'Type3',
      service_category: 'a,b',
      debug_solve: true,
      excel_file: true,
      response_data_inputs: true,
      array_outputs: 'T1,T2',
      requested_output: 'o1,o2',
      requested_output_regex: '^o',
      manual_now: 1,
    });
  });

  it('normalises compiler types, dates and blank call purposes', async () => {
    const { call } = await run('f/s', { compilerType: 'xconnector' as never, activeSince: Date.UTC(2022, 1, 3), callPurpose: '  ' });
    expect((call.json as { request_meta: object }).request_meta).toMatchObject({
      compiler_type: 'Xconnector', transaction_date: '2022-02-03T00:00:00.000Z', call_purpose: 'Single Execution',
    });
    const { call: withDate } = await run('f/s', { activeSince: new Date('2020-05-06T07:08:09Z') });
    expect((withDate.json as { request_meta: object }).request_meta).toMatchObject({ transaction_date: '2020-05-06T07:08:09.000Z' });
  });

  it.each([
    ['null', null, {}],
    ['undefined', undefined, {}],
    ['an empty array', [], {}],
    ['a JSON object string', '{"a":1}', { a: 1 }],
    ['an empty-array string', '[]', {}],
    ['an object', { a: 1 }, { a: 1 }],
  ] as const)('sends %s as the v3 inputs %j', async (_label, inputs, sent) => {
    const { call } = await run('f/s', { inputs: inputs as never });
    expect(call.path).toContain('/api/v3/');
    expect((call.json as { request_data: object }).request_data).toEqual({ inputs: sent });
  });

  it('reshapes the v3 answer into the alike format', async () => {
    const { result } = await run('f/s', { inputs: { radius: 2 } });
    expect(result).toEqual({
      outputs: [{ volume: 37.7 }], process_time: [2], warnings: [null], errors: [null], service_chain: [[]],
      service_id: 'sid', version_id: 'vid', version: '0.1.0', call_id: 'cid', compiler_version: '1.22.3', correlation_id: null, request_timestamp: 't',
    });
  });

  it('returns the envelope untouched with responseFormat original', async () => {
    const { result } = await run('f/s', { inputs: { radius: 2 }, responseFormat: 'original' });
    expect(result).toEqual(V3_REPLY);
  });
});

describe('executeService: a string URI executed again', () => {
  it('is located, attributed and validated the same way the second time', async () => {
    const attributes: unknown[] = [];
    for (let i = 0; i < 2; i++) {
      const rec = recorder(json(V3_REPLY));
      const spark = testClient(rec.fetch, { hooks: { afterCall: [(ctx) => { attributes.push(ctx.call.attributes); }] } });
      await executeService(spark, 'again folder/svc[2.0.0]', { inputs: { x: i } });
      expect(rec.last.path).toBe('/my-tenant/api/v3/folders/again%20folder/services/svc/execute');
      expect((rec.last.json as { request_meta: object }).request_meta).toMatchObject({ version: '2.0.0' });
      // Parameters are still checked on a call whose URI was seen before.
      await expect(executeService(spark, 'again folder/svc[2.0.0]', { inputs: { x: 1 }, timeout: -1 })).rejects.toThrow(/"timeout"/);
    }
    expect(attributes).toEqual([
      { 'spark.service.uri': 'again folder/svc[2.0.0]', 'spark.record.count': 1 },
      { 'spark.service.uri': 'again folder/svc[2.0.0]', 'spark.record.count': 1 },
    ]);
  });

  it('throws every time when it cannot be located (a ".." folder is never remembered)', async () => {
    const rec = recorder(json(V3_REPLY));
    const spark = testClient(rec.fetch);
    for (let i = 0; i < 2; i++) {
      await expect(executeService(spark, '../svc', { inputs: { x: 1 } })).rejects.toThrow(/folder must be a non-empty name/);
    }
    expect(rec.calls).toHaveLength(0);
  });
});
