import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientOptionsFromFlags } from './client-from-flags.js';
import { UsageError } from './errors.js';

let home: string;
let file: string;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'spark-cli-profiles-'));
  await mkdir(join(home, '.spark'));
  file = join(home, '.spark', 'profiles.json');
  await writeFile(
    file,
    JSON.stringify({
      default: 'local',
      profiles: {
        local: { baseUrl: 'http://127.0.0.1:3000/my-tenant', apiKey: 'profile-key', timeout: 5000 },
        uat: { env: 'uat.us', tenant: 'acme', clientId: 'id', clientSecret: 'secret', maxRetries: 0 },
        half: { baseUrl: 'http://127.0.0.1:3000/t', clientId: 'only-id' },
      },
    }),
  );
});

afterAll(() => rm(home, { recursive: true, force: true }));

describe('clientOptionsFromFlags', () => {
  it('takes flags as given, and a flag credential beats the default profile', async () => {
    const options = await clientOptionsFromFlags({ baseUrl: 'http://h/t', apiKey: 'flag-key' }, { env: {}, home });
    expect(options).toEqual({ baseUrl: 'http://h/t', apiKey: 'flag-key', timeout: 5000 });
  });

  it('uses the default profile when nothing else is set', async () => {
    expect(await clientOptionsFromFlags({}, { env: {}, home })).toEqual({
      baseUrl: 'http://127.0.0.1:3000/my-tenant',
      apiKey: 'profile-key',
      timeout: 5000,
    });
  });

  it('lets CSPARK_* variables beat the default profile, group by group', async () => {
    const options = await clientOptionsFromFlags({}, { env: { CSPARK_API_KEY: 'env-key' }, home });
    // Location still comes from the profile; credentials are left to the SDK (it reads CSPARK_API_KEY).
    expect(options).toEqual({ baseUrl: 'http://127.0.0.1:3000/my-tenant', timeout: 5000 });
    const none = await clientOptionsFromFlags({}, { env: { CSPARK_BASE_URL: 'http://e/t', CSPARK_BEARER_TOKEN: 't' }, home });
    expect(none).toEqual({ timeout: 5000 });
  });

  it('lets a named profile beat CSPARK_* variables', async () => {
    const options = await clientOptionsFromFlags({ profile: 'uat' }, { env: { CSPARK_API_KEY: 'env-key', CSPARK_BASE_URL: 'http://e/t' }, home });
    expect(options).toEqual({ env: 'uat.us', tenant: 'acme', oauth: { clientId: 'id', clientSecret: 'secret' }, maxRetries: 0 });
  });

  it('never mixes a location from two sources', async () => {
    const options = await clientOptionsFromFlags({ profile: 'uat', baseUrl: 'http://flag/t2' }, { env: {}, home });
    expect(options.baseUrl).toBe('http://flag/t2');
    expect(options.env).toBeUndefined();
    expect(options.tenant).toBeUndefined();
  });

  it('reads a profile file given by --profile-file', async () => {
    const options = await clientOptionsFromFlags({ profileFile: file, profile: 'local' }, { env: {}, home: '/nonexistent' });
    expect(options.apiKey).toBe('profile-key');
  });

  it('maps --oauth-path and --token', async () => {
    expect((await clientOptionsFromFlags({ oauthPath: 'creds.json' }, { env: {}, home: '/none' })).oauth).toBe('creds.json');
    expect((await clientOptionsFromFlags({ token: 'abc' }, { env: {}, home: '/none' })).token).toBe('abc');
  });

  it('rejects conflicting or incomplete credentials', async () => {
    await expect(clientOptionsFromFlags({ apiKey: 'a', token: 'b' }, { env: {}, home: '/none' })).rejects.toThrow(/use only one of --api-key, --token/);
    await expect(clientOptionsFromFlags({ clientId: 'a' }, { env: {}, home: '/none' })).rejects.toThrow(/--client-id and --client-secret go together/);
    await expect(clientOptionsFromFlags({ profile: 'half' }, { env: {}, home })).rejects.toBeInstanceOf(UsageError);
  });

  it('rejects an unknown profile or a missing explicit file, without printing values', async () => {
    await expect(clientOptionsFromFlags({ profile: 'nope' }, { env: {}, home })).rejects.toThrow(/profile "nope" is not in .*profiles: local, uat, half/);
    await expect(clientOptionsFromFlags({ profileFile: join(home, 'missing.json') }, { env: {}, home })).rejects.toBeInstanceOf(UsageError);
  });

  it('rejects a malformed profile file naming the field, never the value', async () => {
    const bad = join(home, 'bad.json');
    await writeFile(bad, JSON.stringify({ profiles: { p: { apiKey: 42, baseUrl: 'http://x/t' } } }));
    const error = await clientOptionsFromFlags({ profileFile: bad, profile: 'p' }, { env: {}, home }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/profile "p": "apiKey" must be a string/);
    expect((error as Error).message).not.toMatch(/42/);
  });

  it('ignores a missing default profile file', async () => {
    expect(await clientOptionsFromFlags({ apiKey: 'k', baseUrl: 'http://h/t' }, { env: {}, home: '/nonexistent' })).toEqual({
      apiKey: 'k',
      baseUrl: 'http://h/t',
    });
  });
});
