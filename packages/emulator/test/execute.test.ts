import { request as httpRequest, Agent } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../src/index.js';
import { JSON_KEY, gzipJson, post } from './helpers.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({
    models: {
      'pricing/double': { inputs: [{ name: 'x', defaultValue: 1 }], outputs: ['y'], proxy: 'math/double', execute: (i) => ({ y: Number(i['x']) * 2 }) },
      'my folder/async model': async (i, meta) => ({ echo: i['v'], api: meta.api, version: meta.version }),
    },
    publicServices: ['pricing/double'],
  });
});
afterAll(() => emu.close());

const v3 = (path: string) => `${emu.baseUrl}/api/v3${path}`;
const volumeBody = { request_data: { inputs: { radius: 2, height: 3 } }, request_meta: { call_purpose: 'test', correlation_id: 'corr-1' } };

describe('v3 execute', () => {
  it('executes by folder/service with the full response_meta of §6.5.2', async () => {
    const r = await post(v3('/folders/my-folder/services/volume-cylinder/execute'), volumeBody);
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('Success');
    expect(r.body.error).toBeNull();
    expect(r.body.response_data).toEqual({ outputs: { volume: Math.PI * 4 * 3 }, warnings: null, errors: null, service_chain: null });
    const meta = r.body.response_meta;
    for (const key of ['service_id', 'version_id', 'version', 'process_time', 'call_id', 'compiler_type', 'compiler_version', 'source_hash', 'engine_id', 'correlation_id', 'system', 'request_timestamp']) {
      expect(meta).toHaveProperty(key);
    }
    expect(meta.version).toBe('0.1.0');
    expect(meta.compiler_type).toBe('Neuron');
    expect(meta.correlation_id).toBe('corr-1');
    expect(meta.system).toBe('SPARK');
  });

  it('executes by service id, version id, proxy path, body locator and under /public', async () => {
    const first = await post(v3('/folders/pricing/services/double/execute'), { request_data: { inputs: { x: 4 } } });
    const { service_id, version_id } = first.body.response_meta;
    const by = async (path: string, body: unknown = { request_data: { inputs: { x: 5 } } }, headers: Record<string, string> = JSON_KEY) => (await post(v3(path), body, headers)).body.response_data.outputs.y;
    expect(await by(`/service/${service_id}`)).toBe(10);
    expect(await by(`/version/${version_id}`)).toBe(10);
    expect(await by('/proxy/math/double')).toBe(10);
    expect(await by('/execute', { request_data: { inputs: { x: 5 } }, request_meta: { service_uri: 'folders/pricing/services/double' } })).toBe(10);
    expect(await by('/execute', { request_data: { inputs: { x: 5 } }, request_meta: { version_id } })).toBe(10);
    expect(await by(`/public/version/${version_id}`, { request_data: { inputs: { x: 6 } } }, { 'content-type': 'application/json' })).toBe(12);
  });

  it('uses declared defaults with a warning when inputs are omitted', async () => {
    const r = await post(v3('/folders/pricing/services/double/execute'), { request_data: { inputs: {} } });
    expect(r.body.response_data.outputs).toEqual({ y: 2 });
    expect(r.body.response_data.warnings).toHaveLength(1);
  });

  it('accepts empty and null bodies (default inputs)', async () => {
    const res = await fetch(v3('/folders/pricing/services/double/execute'), { method: 'POST', headers: JSON_KEY, body: 'null' });
    expect(res.status).toBe(200);
    expect((await res.json()).response_data.outputs).toEqual({ y: 2 });
    const empty = await fetch(v3('/folders/pricing/services/double/execute'), { method: 'POST', headers: JSON_KEY });
    expect(empty.status).toBe(200);
  });

  it('percent-decodes path segments and runs async models', async () => {
    const r = await post(v3('/folders/my%20folder/services/async%20model/execute'), { request_data: { inputs: { v: 'hi' } } });
    expect(r.status).toBe(200);
    expect(r.body.response_data.outputs).toEqual({ echo: 'hi', api: 'v3', version: '0.1.0' });
  });

  it('selects versions with request_meta.version; addModel creates 0.2.0', async () => {
    const rec = emu.addModel('pricing/double', (i) => ({ y: Number(i['x']) * 3 }));
    expect(rec.version).toBe('0.2.0');
    expect(rec.uri).toBe('pricing/double[0.2.0]');
    const latest = await post(v3('/folders/pricing/services/double/execute'), { request_data: { inputs: { x: 2 } } });
    expect(latest.body.response_data.outputs.y).toBe(6);
    expect(latest.body.response_meta.version).toBe('0.2.0');
    const old = await post(v3('/folders/pricing/services/double/execute'), { request_data: { inputs: { x: 2 } }, request_meta: { version: '0.1.0' } });
    expect(old.body.response_data.outputs.y).toBe(4);
    const missing = await post(v3('/folders/pricing/services/double/execute'), { request_data: { inputs: { x: 2 } }, request_meta: { version: '9.9.9' } });
    expect(missing.status).toBe(404);
  });

  it('filters outputs with requested_output and echoes inputs with response_data_inputs', async () => {
    const r = await post(v3('/folders/my-folder/services/loan-payment/execute'), {
      request_data: { inputs: { principal: 1200, annual_rate: 0, years: 10 } },
      request_meta: { requested_output: 'payment', response_data_inputs: true },
    });
    expect(r.body.response_data.outputs).toEqual({ payment: 10 });
    expect(r.body.response_data.inputs).toEqual({ principal: 1200, annual_rate: 0, years: 10 });
  });

  it('answers 404 for unknown services and 422 when the model throws', async () => {
    expect((await post(v3('/folders/nope/services/nope/execute'), {})).status).toBe(404);
    const r = await post(v3('/folders/my-folder/services/fail/execute'), { request_data: { inputs: { a: 1 } } });
    expect(r.status).toBe(422);
    expect(r.body.status).toBe('Error');
    expect(r.body.response_data.errors[0].message).toContain('model failure');
  });

  it('accepts a gzip request body and gzips large responses when asked', async () => {
    const inputs = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`field_${i}`, `value-${i}`]));
    const body = gzipJson({ request_data: { inputs } });
    const raw = await new Promise<{ status: number; encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      const req = httpRequest(v3('/folders/my-folder/services/echo/execute'), {
        method: 'POST',
        headers: { ...JSON_KEY, 'content-encoding': 'gzip', 'accept-encoding': 'gzip', 'content-length': body.length },
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end(body);
    });
    expect(raw.status).toBe(200);
    expect(raw.encoding).toBe('gzip');
    expect(JSON.parse(gunzipSync(raw.body).toString()).response_data.outputs).toEqual(inputs);
  });

  it('echoes x-request-id and answers CORS preflights', async () => {
    const r = await post(v3('/folders/my-folder/services/sum/execute'), { request_data: { inputs: { a: 1, b: 2 } } }, { ...JSON_KEY, 'x-request-id': 'req-123', origin: 'http://localhost:5173' });
    expect(r.headers.get('x-request-id')).toBe('req-123');
    expect(r.body.response_data.outputs).toEqual({ sum: 3 });
    const pre = await fetch(v3('/folders/my-folder/services/sum/execute'), {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-synthetic-key, content-type' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    for (const h of ['x-synthetic-key', 'authorization', 'x-request-id', 'x-tenant-name', 'x-spark-ua', 'x-request-meta', 'x-meta', 'content-encoding']) {
      expect(pre.headers.get('access-control-allow-headers')).toContain(h);
    }
    expect(r.headers.get('access-control-expose-headers')).toContain('x-retry-after');
  });
});

describe('v4 execute', () => {
  it('executes records by service uri with per-record arrays', async () => {
    const r = await post(`${emu.baseUrl}/api/v4/execute`, { inputs: [{ radius: 1, height: 1 }, { radius: 2, height: 1 }], service: 'my-folder/volume-cylinder[0.1.0]' });
    expect(r.status).toBe(200);
    expect(r.body.outputs).toEqual([{ volume: Math.PI }, { volume: Math.PI * 4 }]);
    expect(r.body.process_time).toHaveLength(2);
    expect(r.body.errors).toEqual([null, null]);
    expect(r.body.version).toBe('0.1.0');
    for (const key of ['service_id', 'version_id', 'call_id', 'compiler_version', 'correlation_id', 'request_timestamp', 'warnings', 'service_chain']) expect(r.body).toHaveProperty(key);
  });

  it('locates by version_id and service id, accepts tabular inputs, keeps per-record errors', async () => {
    const first = await post(`${emu.baseUrl}/api/v4/execute`, { inputs: [{ a: 1, b: 2 }], service: 'my-folder/sum' });
    const tab = await post(`${emu.baseUrl}/api/v4/execute`, { inputs: [['a', 'b'], [1, 1], [2, 'x']], version_id: first.body.version_id });
    expect(tab.body.outputs[0]).toEqual({ sum: 2 });
    expect(tab.body.outputs[1]).toEqual({});
    expect(tab.body.errors[0]).toBeNull();
    expect(tab.body.errors[1][0].message).toContain('must be a number');
    const byId = await post(`${emu.baseUrl}/api/v4/public/execute`, { inputs: [{ a: 5, b: 5 }], service: first.body.service_id }, { 'content-type': 'application/json' });
    expect(byId.body.outputs).toEqual([{ sum: 10 }]);
    expect((await post(`${emu.baseUrl}/api/v4/execute`, { inputs: [] })).status).toBe(400);
  });
});

describe('connections', () => {
  it('counts server-side connections so keep-alive reuse is observable', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const before = emu.stats().connections;
    for (let i = 0; i < 5; i++) {
      await new Promise<void>((resolve, reject) => {
        const req = httpRequest(`${emu.url}/health`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve());
        });
        req.on('error', reject);
        req.end();
      });
    }
    expect(emu.stats().connections - before).toBe(1);
    expect(emu.stats().byRoute['health']).toBeGreaterThanOrEqual(5);
    agent.destroy();
  });

  it('records requests for wire-format assertions', async () => {
    await post(v3('/folders/my-folder/services/sum/execute'), { request_data: { inputs: { a: 1, b: 1 } } });
    const last = emu.requests.at(-1);
    expect(last?.method).toBe('POST');
    expect(last?.path).toBe('/my-tenant/api/v3/folders/my-folder/services/sum/execute');
    expect(last?.headers['x-synthetic-key']).toBe('test-api-key');
    expect(JSON.parse(last?.body ?? '{}')).toEqual({ request_data: { inputs: { a: 1, b: 1 } } });
  });
});
