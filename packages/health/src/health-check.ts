import { createClient, publicAccess, SparkSdkError, type SparkFetch } from '@spark/core';
import { checkHealth } from './check-health.js';
import type { HealthCheckResult } from './types.js';

/** Options of {@link healthCheck}. */
export interface StandaloneHealthCheckOptions {
  /** Your own `fetch` (proxy, TLS, tests). */
  fetch?: SparkFetch;
  /** Timeout in ms (default 60,000). */
  timeout?: number;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  signal?: AbortSignal;
}

// The health route has no tenant, but a client needs one: it only travels in x-tenant-name,
// which /health ignores. The URL's own tenant is used when it has one.
const PLACEHOLDER_TENANT = 'health';

/**
 * Checks an environment's health without a client: builds a public-access client from a
 * URL (`https://excel.uat.us.coherent.global[/tenant]`, the emulator's URL, …) or an
 * environment name (`uat.us` → `https://excel.uat.us.coherent.global`), calls
 * `GET {origin}/health`, and closes that client.
 *
 * @param urlOrEnv - a base URL (any http(s) URL) or a Spark environment name
 * @param options - `fetch`, `timeout`, `maxRetries`, `signal`
 * @returns the health document, e.g. `{ status: 'UP' }`
 *
 * @example
 * const { status } = await healthCheck('uat.us');
 * const local = await healthCheck('http://127.0.0.1:4010');
 */
export async function healthCheck(urlOrEnv: string | URL, options: StandaloneHealthCheckOptions = {}): Promise<HealthCheckResult> {
  const text = `${urlOrEnv ?? ''}`.trim();
  if (text === '') throw new SparkSdkError('healthCheck: a base URL or an environment name is required', { cause: urlOrEnv });
  const location = /^https?:\/\//i.test(text) ? { baseUrl: text, tenant: PLACEHOLDER_TENANT } : { env: text, tenant: PLACEHOLDER_TENANT };
  const client = createClient({
    ...location,
    auth: publicAccess(),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
  });
  try {
    return await checkHealth(client, { signal: options.signal });
  } finally {
    client.close();
  }
}
