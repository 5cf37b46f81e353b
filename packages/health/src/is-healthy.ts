import { SparkApiError, SparkConnectionError, SparkTimeoutError, type SparkCore, type CallOptions, requireCore } from '@spark/core';
import { checkHealth } from './check-health.js';

/**
 * Whether the Spark environment is up: `true` iff `GET {origin}/health` answers 2xx with a
 * status of `UP` (any case). HTTP errors, timeouts and connection failures give `false`;
 * a closed client or an aborted call still rejects, since they are the caller's doing.
 *
 * @param core - a client from `createClient()`
 * @param options - cancellation and timeout
 * @returns `true` when healthy
 *
 * @example
 * if (!(await isHealthy(spark))) console.warn('Spark is down');
 */
export async function isHealthy(core: SparkCore, options: CallOptions = {}): Promise<boolean> {
  requireCore(core, 'health.isHealthy');
  try {
    const { status } = await checkHealth(core, options);
    return typeof status === 'string' && status.toLowerCase() === 'up';
  } catch (error) {
    if (error instanceof SparkApiError || error instanceof SparkConnectionError || error instanceof SparkTimeoutError) return false;
    throw error;
  }
}
