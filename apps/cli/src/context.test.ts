import { describe, expect, it } from 'vitest';
import { Client } from '@spark/sdk';
import { locationMessage } from './context.js';

/** The message `new Client(options)` throws, for the SDK's own wording. */
function sdkMessage(options: ConstructorParameters<typeof Client>[0]): string {
  try {
    new Client({ apiKey: 'k', ...options }).close();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('new Client() did not throw');
}

describe('locationMessage', () => {
  it('names the flags, variables and profile for a missing base URL or tenant', () => {
    expect(locationMessage(sdkMessage({}))).toBe(
      'no base URL: pass --base-url (http://127.0.0.1:3000/my-tenant for `spark emulator start`, ' +
        'https://excel.uat.us.coherent.global/my-tenant for Spark) or --env with --tenant; set CSPARK_BASE_URL; ' +
        'or keep it in a profile (--profile)',
    );
    expect(locationMessage(sdkMessage({ baseUrl: 'http://127.0.0.1:3000' }))).toBe(
      'no tenant: the first path segment of the base URL is the tenant ("http://127.0.0.1:3000/my-tenant"); ' +
        'add it to --base-url, CSPARK_BASE_URL or the profile’s baseUrl, or pass --tenant',
    );
    expect(locationMessage(sdkMessage({ env: 'uat.us' }))).toBe(
      '--tenant required: pass --base-url, or both --env and --tenant (or CSPARK_ENV and CSPARK_TENANT)',
    );
    expect(locationMessage(sdkMessage({ baseUrl: '127.0.0.1:3000/my-tenant' }))).toBe(
      'the base URL (--base-url, CSPARK_BASE_URL or the profile’s baseUrl) must be an absolute http(s) URL, got "127.0.0.1:3000/my-tenant"',
    );
  });

  it('keeps any other message', () => {
    expect(locationMessage(sdkMessage({ baseUrl: 'http://127.0.0.1:3000/my-tenant', timeout: -1 }))).toBeUndefined();
  });
});
