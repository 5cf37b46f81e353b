import { describe, expect, it } from 'vitest';
import { SparkSdkError, SparkUnauthorizedError } from '@spark/core';
import { getAccessToken } from './get-access-token.js';
import { platform } from './plugin.js';
import { json, recorder, testClient } from '@spark/test-utils';

const OAUTH = { apiKey: undefined, oauth: { clientId: 'cid', clientSecret: 'csecret' } };
const TOKEN = { access_token: 'at-1', expires_in: 300, token_type: 'Bearer', scope: 'profile' };

describe('getAccessToken', () => {
  it('posts the client-credentials grant to the Keycloak token URL', async () => {
    const rec = recorder(() => json(TOKEN));
    await getAccessToken(testClient(rec.fetch, OAUTH));
    expect(rec.calls).toHaveLength(1);
    const call = rec.calls[0]!;
    expect(call.method).toBe('POST');
    expect(call.url).toBe('https://keycloak.test.coherent.global/auth/realms/my-tenant/protocol/openid-connect/token');
    expect(call.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(call.headers['authorization']).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(call.body as string))).toEqual({
      grant_type: 'client_credentials', client_id: 'cid', client_secret: 'csecret',
    });
  });

  it('returns the cached token, and a new one when forced', async () => {
    const rec = recorder((_, i) => json({ ...TOKEN, access_token: `at-${i + 1}` }));
    const spark = testClient(rec.fetch, OAUTH).use(platform);
    const first = await spark.platform.getAccessToken();
    expect(first).toMatchObject({ accessToken: 'at-1', tokenType: 'Bearer', scope: 'profile' });
    expect(first.expiresAt).toBeGreaterThan(Date.now());
    expect((await spark.platform.getAccessToken()).accessToken).toBe('at-1');
    expect((await spark.platform.getAccessToken({ force: true })).accessToken).toBe('at-2');
    expect(rec.calls).toHaveLength(2);
  });

  it('reports a failing token endpoint as SparkUnauthorizedError', async () => {
    const rec = recorder(() => json({ error: 'invalid_client' }, 400));
    await expect(getAccessToken(testClient(rec.fetch, OAUTH))).rejects.toBeInstanceOf(SparkUnauthorizedError);
  });

  it('refuses clients without OAuth before sending', async () => {
    const rec = recorder();
    await expect(getAccessToken(testClient(rec.fetch))).rejects.toThrow(SparkSdkError);
    await expect(getAccessToken(testClient(rec.fetch, OAUTH), { force: 'yes' as never })).rejects.toThrow(/"force" must be a boolean/);
    // Call options it cannot honour (the token request is shared) are refused by name, not ignored.
    await expect(getAccessToken(testClient(rec.fetch, OAUTH), { timeout: 5 } as never)).rejects.toThrow(/"timeout" is not supported here/);
    await expect(getAccessToken(testClient(rec.fetch, OAUTH), { maxResponseBytes: 5 } as never)).rejects.toThrow(/"maxResponseBytes" is not supported here/);
    await expect(getAccessToken(testClient(rec.fetch, OAUTH), { timeout: -1 } as never)).rejects.toThrow(/timeout/);
    expect(rec.calls).toHaveLength(0);
  });
});
