import { afterEach, describe, expect, test, vi } from 'vitest';
import { clientCredentials } from '../src/auth/client-credentials.js';
import { createClient as createBrowserClient } from '../src/client/create-client.js';
import { isBrowserLike } from '../src/client/browser-guard.js';
import type { SparkClientOptions } from '../src/config/options.js';
import { SparkSdkError } from '../src/errors/sdk-error.js';

const baseUrl = 'https://excel.uat.us.coherent.global/my-tenant';
const realProcess = globalThis.process;

/** Looks like a page: `window` and `document` exist, `process.versions.node` does not. */
function pretendBrowser(): void {
  vi.stubGlobal('window', {});
  vi.stubGlobal('document', {});
  // A bundler's `process` shim: env but no Node version.
  vi.stubGlobal('process', { env: {}, versions: {} });
}

afterEach(() => {
  vi.unstubAllGlobals();
  expect(globalThis.process).toBe(realProcess);
  expect(isBrowserLike()).toBe(false);
});

describe('browser guard', () => {
  test('Node is not a browser, even with window and document defined', () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', {});
    expect(isBrowserLike()).toBe(false);
    expect(() => createBrowserClient({ baseUrl, apiKey: 'secret-key' }).close()).not.toThrow();
  });

  test.each<[string, SparkClientOptions]>([
    ['an API key', { apiKey: 'secret-key' }],
    ['OAuth client credentials', { auth: clientCredentials({ clientId: 'id', clientSecret: 'client-secret' }) }],
  ])('%s in a browser-like runtime throws a SparkSdkError pointing at allowBrowser', (_name, auth) => {
    pretendBrowser();
    expect(isBrowserLike()).toBe(true);
    let error: unknown;
    try {
      createBrowserClient({ baseUrl, ...auth });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SparkSdkError);
    expect((error as Error).message).toContain('allowBrowser');
    expect((error as Error).message).not.toMatch(/secret-key|client-secret/);
  });

  test('a web worker counts as browser-like', () => {
    vi.stubGlobal('process', undefined);
    vi.stubGlobal('importScripts', () => {});
    expect(isBrowserLike()).toBe(true);
    expect(() => createBrowserClient({ baseUrl, apiKey: 'secret-key' })).toThrow(SparkSdkError);
  });

  test.each<[string, SparkClientOptions]>([
    ['a bearer token', { token: 'user-token' }],
    ['a bearer token function', { token: () => 'user-token' }],
    ['public access', { apiKey: 'open' }],
    ['an API key with allowBrowser: true', { apiKey: 'secret-key', allowBrowser: true }],
    ['OAuth with allowBrowser: true', { auth: clientCredentials({ clientId: 'id', clientSecret: 'client-secret' }), allowBrowser: true }],
  ])('%s is fine in a browser-like runtime', (_name, auth) => {
    pretendBrowser();
    const spark = createBrowserClient({ baseUrl, ...auth });
    expect(spark.config.baseUrl.full).toBe(baseUrl);
    spark.close();
  });
});
