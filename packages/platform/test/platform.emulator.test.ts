import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, SparkUnauthorizedError } from '@spark/core';
import { withEmulator } from '@spark/test-utils/emulator';
import { getAccessToken, getPlatformConfig, platform } from '../src/index.js';

describe('platform against the emulator', () => {
  const emu = withEmulator();

  it('reads the platform configuration', async () => {
    await using spark = createClient({ baseUrl: emu.baseUrl, token: 'test-access-token' }).use(platform);
    const config = await spark.platform.getConfig();
    expect(typeof config['Batch_Chunk_Size']).toBe('string');
    expect(Object.values(config).every((v) => typeof v === 'string')).toBe(true);
    expect(await getPlatformConfig(spark)).toEqual(config);
  });

  it('maps a rejected credential to SparkUnauthorizedError', async () => {
    await using spark = createClient({ baseUrl: emu.baseUrl, apiKey: 'wrong-key', maxRetries: 0 });
    await expect(getPlatformConfig(spark)).rejects.toBeInstanceOf(SparkUnauthorizedError);
  });

  it('retrieves an OAuth2 token from the emulator and uses it', async () => {
    await using spark = createClient({ baseUrl: emu.baseUrl, oauth: { clientId: 'test-client', clientSecret: 'test-client-secret' } });
    const token = await getAccessToken(spark);
    expect(token.accessToken.length).toBeGreaterThan(10);
    expect(token.tokenType).toBe('Bearer');
    expect((await getPlatformConfig(spark))['Batch_Chunk_Size']).toBe('100');
    expect((await getAccessToken(spark)).accessToken).toBe(token.accessToken);
  });

  it('reports bad client credentials', async () => {
    await using spark = createClient({ baseUrl: emu.baseUrl, oauth: { clientId: 'test-client', clientSecret: 'bad' }, maxRetries: 0 });
    await expect(getAccessToken(spark)).rejects.toBeInstanceOf(SparkUnauthorizedError);
  });
});
