import { createClient, type SparkClient, type SparkClientOptions, type SparkFetch } from '@spark/core';

/** The origin of the wire tests' base URL (never contacted: the recorder answers). */
export const ORIGIN = 'https://excel.test.coherent.global';
/** The wire tests' base URL: tenant `my-tenant`. */
export const BASE = `${ORIGIN}/my-tenant`;

/**
 * A client over an injected `fetch`: base URL {@link BASE}, API key `k`, retries off (error
 * tests stay fast), logging off; `options` override any of these.
 *
 * @example
 * const rec = recorder(json({}, 503));
 * const spark = testClient(rec.fetch, { maxRetries: 2, retryInterval: 0.001 });
 */
export function testClient(fetch: SparkFetch, options: SparkClientOptions = {}): SparkClient {
  return createClient({ baseUrl: BASE, apiKey: 'k', maxRetries: 0, logger: false, fetch, ...options });
}
