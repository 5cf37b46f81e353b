// The `browser` export condition's createClient (src/index.browser.ts) reads no environment
// variables: a page has none, so the browser build ships no code for them. Every other build
// (default, Node) fills missing options from CSPARK_* as before. Nor does it carry the hints for
// socket error codes (ECONNREFUSED, ENOTFOUND, certificates), which fetch in a page never reports.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient as browserClient } from '../src/index.browser.js';
import { createClient as defaultClient, resolveConfig, SparkConnectionError, SparkSdkError } from '../src/index.js';

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

  it('reports a refused connection without the socket-code hint the default build adds', async () => {
    const refused = async (): Promise<Response> => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) });
    };
    const options = { baseUrl: 'http://127.0.0.1:1/t', apiKey: 'k', maxRetries: 0, allowBrowser: true, fetch: refused };
    const messages: string[] = [];
    for (const make of [browserClient, defaultClient]) {
      using spark = make(options);
      const error = await spark.request({ operation: 'test.get', method: 'GET', path: 'x' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SparkConnectionError);
      messages.push((error as Error).message);
    }
    expect(messages[0]).toBe('test.get could not reach http://127.0.0.1:1/t/x: connect ECONNREFUSED 127.0.0.1:1');
    expect(messages[1]).toBe(`${messages[0]} (nothing is listening there: is the Spark server or emulator running at that URL, and is baseUrl right?)`);
  });
});
