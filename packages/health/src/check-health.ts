import { requireCore } from '@spark/core';
import type { SparkCore, CallOptions } from '@spark/core';
import type { HealthCheckResult } from './types.js';
import { checkCallOptions } from '@spark/core/wire';

const OPERATION = 'health.check';

/**
 * Checks the health of the Spark environment a client points at: `GET {origin}/health`.
 * The endpoint is public, so no credentials are sent.
 *
 * @param core - a client from `createClient()`
 * @param options - cancellation and timeout
 * @returns the health document, e.g. `{ status: 'UP' }`
 *
 * @example
 * const { status } = await checkHealth(spark);
 * console.log(status); // 'UP'
 */
export async function checkHealth(core: SparkCore, options: CallOptions = {}): Promise<HealthCheckResult> {
  requireCore(core, OPERATION);
  const call = checkCallOptions(options, OPERATION);
  const response = await core.request<HealthCheckResult | null>({
    operation: OPERATION,
    method: 'GET',
    url: `${core.config.baseUrl.origin}/health`,
    auth: false,
    ...call,
  });
  const data = response.data;
  return typeof data === 'object' && data !== null ? data : { status: '' };
}
