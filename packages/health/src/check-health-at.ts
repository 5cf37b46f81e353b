import { createClient, publicAccess, SparkSdkError, type CallOptions, type SparkFetch } from '@spark/core';
import { pickCallOptions } from '@spark/core/wire';
import { checkHealth } from './check-health.js';
import type { HealthCheckResult } from './types.js';

/** Options of {@link checkHealthAt}: the call's `signal` and `timeout` (default 60,000 ms) plus the client's. */
export interface CheckHealthAtOptions extends CallOptions {
  /** Your own `fetch` (proxy, TLS, tests). */
  fetch?: SparkFetch;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
}

// The health route has no tenant, but a client needs one: it only travels in x-tenant-name,
// which /health ignores. The URL's own tenant is used when it has one.
const PLACEHOLDER_TENANT = 'health';

/**
 * Checks an environment's health without a client ({@link checkHealth} takes one): builds a
 * public-access client from a URL (`https://excel.uat.us.coherent.global[/tenant]`, the
 * emulator's URL, …) or an environment name (`uat.us` → `https://excel.uat.us.coherent.global`),
 * calls `GET {origin}/health`, and closes that client. The meta `Client.healthCheck` static of
 * `@spark/sdk` is this function under the Python and cspark SDKs' name.
 *
 * @param urlOrEnv - a base URL (any http(s) URL) or a Spark environment name
 * @param options - `fetch`, `timeout`, `maxRetries`, `signal`, `maxResponseBytes`
 * @returns the health document, e.g. `{ status: 'UP' }`
 *
 * @example
 * const { status } = await checkHealthAt('uat.us');
 * const local = await checkHealthAt('http://127.0.0.1:4010');
 */
export async function checkHealthAt(urlOrEnv: string | URL, options: CheckHealthAtOptions = {}): Promise<HealthCheckResult> {
  const text = `${urlOrEnv ?? ''}`.trim();
  if (text === '') throw new SparkSdkError('health.checkAt: a base URL or an environment name is required', { cause: urlOrEnv });
  const location = /^https?:\/\//i.test(text) ? { baseUrl: text, tenant: PLACEHOLDER_TENANT } : { env: text, tenant: PLACEHOLDER_TENANT };
  const client = createClient({
    ...location,
    auth: publicAccess(),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
  });
  try {
    return await checkHealth(client, pickCallOptions({ signal: options.signal, maxResponseBytes: options.maxResponseBytes }));
  } finally {
    client.close();
  }
}
