import type { SparkClientOptions } from '../config/options.js';
import { fetchTransport } from '../transport/fetch-transport.js';
import { createCore } from './create-core.js';
import type { SparkClient } from './spark-client.js';

/**
 * Creates a Spark client (browser build, picked by the `browser` export condition): the default
 * build's client over `fetch`, except that nothing is read from environment variables, which a
 * page does not have, and connection errors carry no hints for socket error codes (`ECONNREFUSED`…),
 * which `fetch` in a page never reports. Pass `baseUrl` (or `env` + `tenant`) and a credential.
 * Workers, edge runtimes, Deno and Bun keep the default (or Node) build, which reads `CSPARK_*`.
 *
 * @example
 * import { createClient, bearer } from '@spark/core';
 * const spark = createClient({ baseUrl: 'https://excel.uat.us.coherent.global/my-tenant', auth: bearer(token) });
 */
export function createClient(options?: SparkClientOptions): SparkClient {
  return createCore(options, { transport: fetchTransport });
}
