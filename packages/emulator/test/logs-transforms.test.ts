import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../src/index.js';
import { JSON_KEY, call, get, post, readSampleJson } from './helpers.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());

const v3 = (p: string) => `${emu.baseUrl}/api/v3${p}`;
const v4 = (p: string) => `${emu.baseUrl}/api/v4${p}`;
const svc = '/folders/my-folder/services/volume-cylinder';

async function bytes(url: string): Promise<{ type: string | null; data: Uint8Array }> {
  const res = await fetch(url, { headers: JSON_KEY });
  expect(res.status).toBe(200);
  return { type: res.headers.get('content-type'), data: new Uint8Array(await res.arrayBuffer()) };
}

describe('execution logs', () => {
  let callId = '';
  let v4CallId = '';
  beforeAll(async () => {
    callId = (await post(v3(`${svc}/execute`), { request_data: { inputs: { radius: 1, height: 2 } }, request_meta: { source_system: 'log-test', correlation_id: 'c-1' } })).body.response_meta.call_id;
    v4CallId = (await post(v4('/execute'), { inputs: [{ radius: 1, height: 1 }, { radius: 2, height: 1 }], service: 'my-folder/volume-cylinder' })).body.call_id;
  });

  it('returns the detailed log as a JSON string in response_data', async () => {
    const r = await get(v3(`/log/getexecutionhistorybycallid/${callId}`));
    expect(r.body.status).toBe('Success');
    expect(typeof r.body.response_data).toBe('string');
    const log = JSON.parse(r.body.response_data);
    expect(log).toMatchObject({ EngineCallId: callId, Tenant: 'my-tenant', Service: 'volume-cylinder', Product: 'my-folder', SourceSystem: 'log-test', APIVersion: 'V3', ServiceRevision: '0.1.0' });
    expect(log.EngineDetails.request_data.inputs).toEqual({ radius: 1, height: 2 });
    expect(log.EngineDetails.response_data.outputs.volume).toBeCloseTo(2 * Math.PI, 10);
    const sample = readSampleJson<Record<string, unknown>>('detailed-log.json');
    expect(Object.keys(log).sort()).toEqual(Object.keys(sample).sort());
    expect((await get(v3('/log/getexecutionhistorybycallid/unknown'))).status).toBe(404);
  });

  it('rehydrates (xml and legacy) into a downloadable xlsx', async () => {
    for (const path of [`${svc}/download/xml/${callId}`, `${svc}/download/${callId}`]) {
      const r = await post(v3(path), {});
      expect(r.status).toBe(200);
      expect(r.body.status).toBeNull(); // as real Spark answers rehydration
      const file = await bytes(r.body.response_data.download_url);
      expect(file.type).toContain('spreadsheetml');
      expect(Object.keys(unzipSync(file.data))).toContain('xl/worksheets/sheet1.xml');
    }
    const indexed = await post(v3(`${svc}/download/xml/${v4CallId}?index=1`), {});
    const sheet = strFromU8(unzipSync((await bytes(indexed.body.response_data.download_url)).data)['xl/worksheets/sheet1.xml'] as Uint8Array);
    expect(sheet).toContain('<v>2</v>');
    expect((await post(v3(`${svc}/download/xml/${v4CallId}?index=5`), {})).status).toBe(400);
  });

  it('runs json and csv log download jobs to a real zip', async () => {
    for (const type of ['json', 'csv']) {
      const job = await post(v3(`${svc}/log/download${type}`), { request_data: { call_ids: [callId], timezone_offset: null }, request_meta: { version_id: null } });
      const jobId = job.body.response_data.job_id;
      const p1 = await get(v3(`${svc}/log/download${type}/status/${jobId}`));
      const p2 = await get(v3(`${svc}/log/download${type}/status/${jobId}`));
      expect([p1.body.response_data.progress, p2.body.response_data.progress]).toEqual([50, 100]);
      const zip = unzipSync((await bytes(p2.body.response_data.download_url)).data);
      const [name] = Object.keys(zip);
      const text = strFromU8(zip[name as string] as Uint8Array);
      if (type === 'json') {
        const logs = JSON.parse(text);
        expect(logs).toHaveLength(1);
        expect(logs[0].EngineCallId).toBe(callId);
      } else {
        const [head, row] = text.trim().split('\r\n');
        expect(head).toContain('Call ID');
        expect(head).toContain('radius');
        expect(row).toContain(callId);
      }
    }
  });

  it('finds logs of a service (v1)', async () => {
    const r = await post(`${emu.url}/api/v1/product/my-folder/engines/volume-cylinder/logs`, { search: [{ field: 'search', value: 'c-1' }], page: 1, pageSize: 100, sort: '-updated' });
    expect(r.body.status).toBe('Success');
    expect(r.body.data.map((l: { callGUID: string }) => l.callGUID)).toEqual([callId]);
  });
});

describe('transforms', () => {
  const content = JSON.stringify({
    transform_type: 'JSONtransforms_v1.0.1',
    target_api_version: 'v3',
    input_body_transform: "{'radius':$.'radius_field'>=0?$.'radius_field','height':$.'height_field'>=0?$.'height_field'}",
    output_body_transform: "{'volume_field':$.response_data.outputs.volume}",
  });

  it('saves, gets, lists and deletes under both transform/ and transforms/', async () => {
    for (const seg of ['transform', 'transforms']) {
      const saved = await post(v4(`/${seg}/apps/vol-${seg}`), { transform_content: content });
      expect(saved.body.outputs).toEqual({ name: `vol-${seg}`, transform_uri: `apps/vol-${seg}` });
      const got = await get(v4(`/${seg}/apps/vol-${seg}`));
      expect(got.body.outputs.transform_document).toBe(content);
    }
    const wrapped = await post(v4('/transform/list/apps'), { request_data: { page: 1, pageSize: 100, sort: '-updatedAt', search: [] } });
    const flat = await post(v4('/transforms/list/apps'), { page: 1, pageSize: 1 });
    expect(wrapped.body.count).toBe(2);
    expect(flat.body.result).toHaveLength(1);
    expect(flat.body.result[0]).toHaveProperty('transform_type', 'JSONtransforms_v1.0.1');
    expect((await call('DELETE', v4('/transform/apps/vol-transform'))).status).toBe(200);
    expect((await get(v4('/transforms/apps/vol-transform'))).status).toBe(404);
  });

  it('validates documents', async () => {
    expect((await post(v4('/transforms/validation'), { transform_content: content })).body.outputs).toEqual({ isValid: true, error: null });
    const bad = await post(v4('/transform/validation'), { transform_content: '{"target_api_version":"v9"}' });
    expect(bad.body.outputs.isValid).toBe(false);
    expect(bad.body.outputs.error.map((e: { code: string }) => e.code)).toEqual(['MISSING_TRANSFORM_TYPE', 'INVALID_TARGET_API_VERSION']);
  });

  it('executes through the sample-style JSONtransforms document', async () => {
    const r = await post(v4('/transforms/apps/vol-transforms/for/my-folder/volume-cylinder'), { radius_field: 2, height_field: 3 }, { ...JSON_KEY, 'x-request-meta': `'{"call_purpose":"Single Execution"}'` });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ volume_field: Math.PI * 12 });
    const legacy = await post(v4('/transforms/vol-transforms/for/folders/my-folder/services/volume-cylinder'), { radius_field: 1, height_field: 1 });
    expect(legacy.body).toEqual({ volume_field: Math.PI });
    const passthrough = await post(v4('/transforms/none/for/folders/my-folder/services/volume-cylinder'), { radius: 1, height: 2 });
    expect(passthrough.body.response_data.outputs.volume).toBeCloseTo(2 * Math.PI, 10);
  });

  it('reads x-request-meta in every form clients send it (SDK single quotes, Postman JSON string)', async () => {
    const forms = [`'{"correlation_id":"c-1"}'`, '"{\\"correlation_id\\": \\"c-1\\", \\"source_system\\":\\"Postman\\" }"', '{"correlation_id":"c-1"}'];
    for (const meta of forms) {
      const r = await post(v4('/transforms/none/for/folders/my-folder/services/volume-cylinder'), { radius: 1, height: 2 }, { ...JSON_KEY, 'x-request-meta': meta });
      expect(r.body.response_meta.correlation_id, meta).toBe('c-1');
    }
  });

  it('says Node transforms (/run) are not emulated', async () => {
    const r = await post(v4('/transforms/apps/node-tf/run'), { a: 1 });
    expect(r.status).toBe(501);
    expect(r.body.error.message).toContain('not emulated');
  });
});
