// The `browser` export condition's createClient (src/index.browser.ts) reads no environment
// variables: a page has none, so the browser build ships no code for them. Every other build
// (default, Node) fills missing options from CSPARK_* as before.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient as browserClient } from '../src/index.browser.js';
import { createClient as defaultClient, resolveConfig, SparkSdkError } from '../src/index.js';

afterEach(() => { vi.unstubAllEnvs(); });

function stubEnv(): void {
  vi.stubEnv('CSPARK_BASE_URL', 'http://127.0.0.1:9/env-tenant');
  vi.stubEnv('CSPARK_API_KEY', 'env-key');
}

describe('browser build', () => {
  it('does not take the location or the credentials from environment variables', () => {
    stubEnv();
    const error = (() => { try { browserClient({ allowBrowser: true }); } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(SparkSdkError);
    expect((error as Error).message).toMatch(/^baseUrl is required/);
    const noAuth = (() => { try { browserClient({ baseUrl: 'http://127.0.0.1:9/t' }); } catch (e) { return e; } })();
    expect((noAuth as Error).message).toMatch(/^authentication is required/);
  });

  it('builds the same configuration as the default build from explicit options', () => {
    const options = { baseUrl: 'http://127.0.0.1:9/my-tenant', apiKey: 'k', timeout: 5_000, maxRetries: 1, allowBrowser: true };
    const a = browserClient(options);
    const b = defaultClient(options);
    expect(JSON.parse(JSON.stringify(a))).toEqual(JSON.parse(JSON.stringify(b)));
    expect(a.config.auth.type).toBe('apiKey');
    a.close();
    b.close();
  });

  it('the default build and resolveConfig still read CSPARK_BASE_URL and CSPARK_API_KEY', () => {
    stubEnv();
    const client = defaultClient({ allowBrowser: true });
    expect(client.config.baseUrl.full).toBe('http://127.0.0.1:9/env-tenant');
    expect(client.config.auth.type).toBe('apiKey');
    client.close();
    expect(resolveConfig().baseUrl.tenant).toBe('env-tenant');
  });
});
