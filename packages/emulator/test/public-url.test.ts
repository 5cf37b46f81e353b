import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../src/index.js';
import { JSON_KEY } from './helpers.js';
import { rawRequest } from './raw-http.js';

// Issue 15 §3: tokens and handed-out URLs honour the scheme the client used (an HTTPS front)
// or the publicUrl option; the issuer has Keycloak's form.
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const creds = 'grant_type=client_credentials&client_id=test-client&client_secret=test-client-secret';
const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { iss: string; realm: string };

async function exportStatusUrl(emu: Emulator, headers: Record<string, string>): Promise<string> {
  const r = await rawRequest(emu.url, 'POST', `/${emu.tenant}/api/v4/export`, { ...JSON_KEY, ...headers }, JSON.stringify({ inputs: { services: ['my-folder/sum'] } }));
  return JSON.parse(r.body).status_url as string;
}

describe('scheme of handed-out URLs', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(() => emu.close());

  it('uses https behind an HTTPS front (X-Forwarded-Proto) and http otherwise', async () => {
    const host = new URL(emu.url).host;
    expect(await exportStatusUrl(emu, { 'x-forwarded-proto': 'https' })).toMatch(new RegExp(`^https://${host}/my-tenant/api/v4/export/`));
    expect(await exportStatusUrl(emu, {})).toMatch(new RegExp(`^http://${host}/`));
    const tok = await rawRequest(emu.url, 'POST', '/auth/realms/my-tenant/protocol/openid-connect/token', { ...form, 'x-forwarded-proto': 'https' }, creds);
    expect(claims(JSON.parse(tok.body).access_token)).toMatchObject({ iss: `https://${host}/auth/realms/my-tenant`, realm: 'my-tenant' });
  });
});

describe('publicUrl', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ publicUrl: 'https://excel.dev.example.com/ignored/path' });
  });
  afterAll(() => emu.close());

  it('hands out URLs on the public origin and issues keycloak-form issuers', async () => {
    expect(await exportStatusUrl(emu, {})).toMatch(/^https:\/\/excel\.dev\.example\.com\/my-tenant\/api\/v4\/export\/[^/]+\/status$/);
    const tok = await rawRequest(emu.url, 'POST', '/auth/realms/my-tenant/protocol/openid-connect/token', form, creds);
    expect(claims(JSON.parse(tok.body).access_token).iss).toBe('https://keycloak.dev.example.com/auth/realms/my-tenant');
  });

  it('accepts its host in the Host header (a front forwards it) and still refuses others', async () => {
    expect((await rawRequest(emu.url, 'GET', '/health', { host: 'excel.dev.example.com' })).status).toBe(200);
    expect((await rawRequest(emu.url, 'GET', '/health', { host: 'attacker.example' })).status).toBe(403);
  });

  it('refuses a publicUrl that is not an http(s) URL', async () => {
    await expect(startEmulator({ publicUrl: 'excel.dev.example.com' })).rejects.toThrow(/publicUrl must be an absolute http\(s\) URL/);
  });
});
