import { startEmulator, type Emulator } from '@spark/emulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, SparkSdkError, decodeJwt, jwtOptions } from './index.js';

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: Record<string, unknown>): string => `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(claims)}.c2ln`;
let emu: Emulator;
let token = '';

beforeAll(async () => {
  vi.stubEnv('CSPARK_BASE_URL', '');
  vi.stubEnv('CSPARK_ENV', '');
  vi.stubEnv('CSPARK_TENANT', '');
  emu = await startEmulator({ port: 0 });
  // A token issued by the emulator's own realm (a non-Spark host keeps its origin).
  token = jwt({ iss: `${emu.url}/auth/realms/${emu.tenant}`, realm: emu.tenant, exp: Math.floor(Date.now() / 1000) + 600 });
  await emu.close();
  emu = await startEmulator({ port: Number(new URL(emu.url).port), tokens: [token] });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await emu?.close();
});

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
    const expired = jwt({ iss: `${emu.url}/auth/realms/${emu.tenant}`, exp: 1 });
    expect(() => new Client(jwtOptions(expired, { checkExpiry: true }))).toThrow(SparkSdkError);
    expect(() => new Client(jwtOptions(expired, { checkExpiry: true }))).toThrow(/the bearer token expired at 1970-01-01T00:00:01.000Z/);
  });
});
