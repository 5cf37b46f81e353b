import { requireCore } from '@spark/core';
import type { SparkCore, CallOptions } from '@spark/core';
import type { ImpexDescription } from './types.js';
import { checkCallOptions } from '@spark/core/wire';

const OPERATION = 'impex.imports.describe';

/**
 * Describes the tenant's import activity: `GET {tenant URL}/api/v4/import/status`
 * (jobs in progress, recent jobs, the tenant's job limit).
 *
 * @param core - a client from `createClient()`
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns `{ in_progress_imports, recent_imports, tenant }`
 *
 * @example
 * const { recent_imports, tenant } = await describeImports(spark);
 */
export async function describeImports(core: SparkCore, options?: CallOptions): Promise<ImpexDescription> {
  requireCore(core, OPERATION);
  const call = checkCallOptions(options, OPERATION);
  const response = await core.request<ImpexDescription>({ operation: OPERATION, method: 'GET', path: 'api/v4/import/status', ...call });
  return response.data;
}
