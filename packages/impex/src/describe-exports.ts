import { requireCore } from '@spark/core';
import type { SparkCore, CallOptions } from '@spark/core';
import type { ImpexDescription } from './types.js';
import { checkCallOptions } from '@spark/core/wire';

const OPERATION = 'impex.exports.describe';

/**
 * Describes the tenant's export activity: `GET {tenant URL}/api/v4/export/status`
 * (jobs in progress, recent jobs, the tenant's job limit).
 *
 * @param core - a client from `createClient()`
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns `{ in_progress_exports, recent_exports, tenant }`
 *
 * @example
 * const { recent_exports, tenant } = await describeExports(spark);
 */
export async function describeExports(core: SparkCore, options?: CallOptions): Promise<ImpexDescription> {
  requireCore(core, OPERATION);
  const call = checkCallOptions(options, OPERATION);
  const response = await core.request<ImpexDescription>({ operation: OPERATION, method: 'GET', path: 'api/v4/export/status', ...call });
  return response.data;
}
