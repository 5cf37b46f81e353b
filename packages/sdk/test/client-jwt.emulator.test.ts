import { withEmulator } from '@spark/test-utils/emulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, SparkSdkError, decodeJwt, jwtOptions, tokenUrlFor, resolveBaseUrl } from '../src/index.js';

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const emu = withEmulator();
let token = '';

beforeAll(async () => {
  vi.stubEnv('CSPARK_BASE_URL', '');
  vi.stubEnv('CSPARK_ENV', '');
  vi.stubEnv('CSPARK_TENANT', '');
  // A token issued by the emulator's realm (iss = {origin}/auth/realms/{tenant}, realm = tenant).
  const response = await fetch(tokenUrlFor(resolveBaseUrl({ baseUrl: emu.baseUrl })), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: emu.oauth.clientId, client_secret: emu.oauth.clientSecret }),
  });
  token = ((await response.json()) as { access_token: string }).access_token;
});
afterAll(() => { vi.unstubAllEnvs(); });

describe('a Client from a bearer token alone', () => {
  it('derives base URL and tenant from the claims and calls Spark with the token', async () => {
    using spark = new Client({ token });
    expect(spark.config.baseUrl.full).toBe(emu.baseUrl);
    const { outputs } = await spark.services.execute<{ radius: number; height: number }, { volume: number }>('my-folder/volume-cylinder', { inputs: { radius: 2, height: 3 } });
    expect(outputs[0]!.volume).toBeCloseTo(37.699, 3);
    const seen = emu.requests.at(-1)!;
    expect(seen.headers['authorization']).toBe(`Bearer ${token}`);
    expect(seen.headers['x-tenant-name']).toBe(emu.tenant);
  });

  it('jwtOptions adds the expiry check; decodeJwt exposes the claims', async () => {
    using spark = new Client(jwtOptions(`Bearer ${token}`, { checkExpiry: true }));
    expect(await spark.health.check()).toEqual({ status: 'UP' });
    expect(decodeJwt(token).tenant).toBe(emu.tenant);
    const expired = `${b64url({ alg: 'none' })}.${b64url({ iss: `${emu.url}/auth/realms/${emu.tenant}`, exp: 1 })}.c2ln`;
    expect(() => new Client(jwtOptions(expired, { checkExpiry: true }))).toThrow(SparkSdkError);
    expect(() => new Client(jwtOptions(expired, { checkExpiry: true }))).toThrow(/the bearer token expired at 1970-01-01T00:00:01.000Z/);
  });
});
