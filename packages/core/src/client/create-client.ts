import { withEnvOptions } from '../config/env-options.js';
import type { SparkClientOptions } from '../config/options.js';
import { connectionHint } from '../transport/connection-hint.js';
import { fetchTransport } from '../transport/fetch-transport.js';
import { createCore } from './create-core.js';
import type { SparkClient } from './spark-client.js';

/**
 * Creates a Spark client: one transport, one auth, one config, shared by every resource
 * you register with `use()` or call with the standalone functions.
 *
 * @example
 * import { createClient, apiKey } from '@spark/core';
 * import { executeService } from '@spark/services';
 * const spark = createClient({ baseUrl: 'https://excel.uat.us.coherent.global/my-tenant', auth: apiKey(key) });
 * const result = await executeService(spark, 'my-folder/my-service', { inputs: { x: 1 } });
 */
export function createClient(options?: SparkClientOptions): SparkClient {
  return createCore(options, { transport: fetchTransport, fromEnv: withEnvOptions, connectionHint });
}
