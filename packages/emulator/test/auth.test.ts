import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../src/index.js';
import { get, post } from './helpers.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ tokenTtlSeconds: 1 });
});
afterAll(() => emu.close());

const execUrl = () => `${emu.baseUrl}/api/v3/folders/my-folder/services/volume-cylinder/execute`;
const body = { request_data: { inputs: { radius: 2, height: 3 } } };
const json = { 'content-type': 'application/json' };

async function token(form: Record<string, string>, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${emu.url}/auth/realms/my-tenant/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, body: await res.json() };
}

describe('authentication', () => {
  it('health is public and answers {status: UP}', async () => {
    const r = await get(`${emu.url}/health`, {});
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'UP' });
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('rejects a missing key with a 401 v3 envelope', async () => {
    const r = await post(execUrl(), body, json);
    expect(r.status).toBe(401);
    expect(r.body.status).toBe('Error');
    expect(r.body.response_data).toBeNull();
    expect(r.body.response_meta).toBeNull();
    expect(r.body.error).toEqual({ error_category: 'access_error', error_type: 'error.UNAUTHORIZED', message: 'unauthorized: missing credentials', additional_details: null });
  });

  it('rejects a wrong API key', async () => {
    expect((await post(execUrl(), body, { ...json, 'x-synthetic-key': 'nope' })).status).toBe(401);
  });

  it.each(['Bearer None', 'Bearer undefined', 'Bearer', 'Bearer not-a-token'])('rejects "%s"', async (authz) => {
    expect((await post(execUrl(), body, { ...json, authorization: authz })).status).toBe(401);
  });

  it('the default static token survives the official SDKs, which strip the word "bearer" from tokens', async () => {
    const stripped = 'test-access-token'.replace(/bearer/gi, '').trim();
    expect((await post(execUrl(), body, { ...json, authorization: `Bearer ${stripped}` })).status).toBe(200);
  });

  it('accepts the static bearer token and the API key', async () => {
    expect((await post(execUrl(), body, { ...json, authorization: 'Bearer test-access-token' })).status).toBe(200);
    expect((await post(execUrl(), body, { ...json, 'x-synthetic-key': 'test-api-key' })).status).toBe(200);
  });

  it('answers 400 TENANT_MISMATCH for another tenant in the path or in x-tenant-name (OpenAPI example)', async () => {
    const r = await post(`${emu.url}/other-tenant/api/v3/folders/my-folder/services/volume-cylinder/execute`, body, {
      ...json,
      'x-synthetic-key': 'test-api-key',
    });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ status: 'Error', response_data: null, response_meta: null });
    expect(r.body.error).toMatchObject({ error_category: 'application_error', error_type: 'error.application_error', message: 'TENANT_MISMATCH' });
    expect(r.body.error.additional_details.details[0]).toContain('other-tenant');
    const v1 = await get(`${emu.url}/api/v1/config/GetSparkConfiguration`, { 'x-synthetic-key': 'test-api-key', 'x-tenant-name': 'other' });
    expect(v1.status).toBe(400);
    expect(v1.body.message).toBe('TENANT_MISMATCH');
  });

  it('issues tokens for good client credentials (ignoring Authorization) and counts requests', async () => {
    const before = emu.stats().tokenRequests;
    const r = await token(
      { grant_type: 'client_credentials', client_id: 'test-client', client_secret: 'test-client-secret' },
      { authorization: 'Bearer None' },
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ expires_in: 1, refresh_expires_in: 0, token_type: 'Bearer', 'not-before-policy': 0 });
    expect(typeof r.body.access_token).toBe('string');
    expect(typeof r.body.scope).toBe('string');
    const claims = JSON.parse(Buffer.from(r.body.access_token.split('.')[1], 'base64url').toString());
    expect(claims.realm).toBe('my-tenant');
    expect(emu.stats().tokenRequests).toBe(before + 1);
    const ok = await post(execUrl(), body, { ...json, authorization: `Bearer ${r.body.access_token}` });
    expect(ok.status).toBe(200);
  });

  it('answers 400 invalid_client for bad credentials', async () => {
    const r = await token({ grant_type: 'client_credentials', client_id: 'test-client', client_secret: 'wrong' });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('invalid_client');
    expect(typeof r.body.error_description).toBe('string');
  });

  it('rejects an issued token after it expires', async () => {
    const r = await token({ grant_type: 'client_credentials', client_id: 'test-client', client_secret: 'test-client-secret' });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const res = await post(execUrl(), body, { ...json, authorization: `Bearer ${r.body.access_token}` });
    expect(res.status).toBe(401);
  });

  it('serves public execution without credentials', async () => {
    const r = await post(`${emu.baseUrl}/api/v3/public/folders/my-folder/services/volume-cylinder/execute`, body, json);
    expect(r.status).toBe(200);
    expect(r.body.response_data.outputs.volume).toBeCloseTo(Math.PI * 12, 10);
  });
});

describe('folder and category management (bearer only, as on Spark)', () => {
  const routes: [string, string][] = [
    ['POST', '/api/v1/product/list'],
    ['GET', '/api/v1/product/GetProduct/my-folder'],
    ['POST', '/api/v1/product/isproductexists/my-folder'],
    ['GET', '/api/v1/lookup/getcategories'],
  ];
  const send = (base: string, [method, path]: [string, string], headers: Record<string, string>) =>
    fetch(`${base}${path}`, { method, headers: { ...json, ...headers }, ...(method === 'POST' ? { body: '{}' } : {}) });

  it('answers 401 to a valid API key and 200 to the static bearer token', async () => {
    for (const route of routes) {
      const keyed = await send(emu.url, route, { 'x-synthetic-key': 'test-api-key' });
      expect(keyed.status, route.join(' ')).toBe(401);
      expect((await keyed.json()).message).toContain('needs a bearer token');
      expect((await send(emu.url, route, { authorization: 'Bearer test-access-token' })).status, route.join(' ')).toBe(200);
    }
    // Services under a folder still take the key.
    expect((await get(`${emu.url}/api/v1/product/my-folder/engines/getversions/volume-cylinder`, { 'x-synthetic-key': 'test-api-key' })).status).toBe(200);
  });

  it('accepts the API key there with apiKeysForFolders', async () => {
    const lax = await startEmulator({ apiKeysForFolders: true });
    try {
      for (const route of routes) expect((await send(lax.url, route, { 'x-synthetic-key': 'test-api-key' })).status, route.join(' ')).toBe(200);
    } finally {
      await lax.close();
    }
  });
});

describe('openAccess (a hybrid runner does not authenticate callers)', () => {
  let open: Emulator;
  beforeAll(async () => {
    open = await startEmulator({ port: 0, openAccess: true });
  });
  afterAll(() => open.close());
  const url = (origin: string, tenant = 'my-tenant') => `${origin}/${tenant}/api/v3/folders/my-folder/services/volume-cylinder/execute`;

  it('executes without credentials, and with credentials it would reject', async () => {
    const bare = await post(url(open.url), body, json);
    expect(bare.status).toBe(200);
    expect(bare.body.response_data.outputs.volume).toBeCloseTo(Math.PI * 12, 6);
    expect((await post(url(open.url), body, { ...json, authorization: 'Bearer None' })).status).toBe(200);
    expect((await post(url(open.url), body, { ...json, 'x-synthetic-key': 'nope' })).status).toBe(200);
    expect((await get(`${open.url}/api/v1/config/GetSparkConfiguration`, {})).status).toBe(200);
  });

  it('still answers 400 TENANT_MISMATCH for another tenant, and the default emulator still requires credentials', async () => {
    expect((await post(url(open.url, 'other-tenant'), body, json)).status).toBe(400);
    expect((await post(url(emu.url), body, json)).status).toBe(401);
  });
});
