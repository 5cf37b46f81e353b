import type { SparkFetch } from '@spark/core';
import { createHybridClient, type HybridClient, type HybridClientOptions } from '../create-hybrid-client.js';

export const RUNNER = 'http://runner.local:3000';

/** A hybrid client for the wire tests (retries off). */
export function testRunner(fetch: SparkFetch, options: HybridClientOptions = {}): HybridClient {
  return createHybridClient({ baseUrl: `${RUNNER}/my-tenant`, maxRetries: 0, fetch, ...options });
}
