import { type SparkCore, type CallOptions, requireCore } from '@spark/core';
import { toCategories } from './category-list.js';
import { unwrapEnvelope } from './envelope.js';
import type { FolderCategory } from './types.js';
import { checkCallOptions } from '@spark/core/wire';

const OPERATION = 'folders.categories.list';

/**
 * Lists the folder categories of the tenant (built-in and saved ones).
 *
 * Wire: `GET {origin}/api/v1/lookup/getcategories`.
 *
 * @param core - a client from `createClient()`
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns the categories `{ key, value, icon }` (an empty array when Spark has none)
 *
 * @example
 * const names = (await listCategories(spark)).map((c) => c.value);
 */
export async function listCategories(core: SparkCore, options: CallOptions = {}): Promise<FolderCategory[]> {
  requireCore(core, OPERATION);
  const call = checkCallOptions(options, OPERATION);
  const response = await core.request({ operation: OPERATION, method: 'GET', path: 'api/v1/lookup/getcategories', ...call });
  return toCategories(unwrapEnvelope<unknown>(response, OPERATION, 'GET').data);
}
