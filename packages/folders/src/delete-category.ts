import * as v from 'valibot';
import { parseParams, pathSegment, type SparkCore, type CallOptions, requireCore } from '@spark/core';
import { toCategories } from './category-list.js';
import { unwrapEnvelope } from './envelope.js';
import type { FolderCategory } from './types.js';
import { callOptionsEntries, nonEmptyString, pickCallOptions } from '@spark/core/wire';

const OPERATION = 'folders.categories.delete';
const Schema = v.object({ key: nonEmptyString, ...callOptionsEntries });

/**
 * Deletes a user-defined folder category.
 *
 * Wire: `DELETE {origin}/api/v1/lookup/deletecategory/{key}`.
 *
 * @param core - a client from `createClient()`
 * @param key - the category key
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns the tenant's remaining categories, keys lower-cased
 *
 * @example
 * const left = await deleteCategory(spark, 'pensions-key');
 */
export async function deleteCategory(core: SparkCore, key: string, options: CallOptions = {}): Promise<FolderCategory[]> {
  requireCore(core, OPERATION);
  const params = parseParams(Schema, { ...options, key }, OPERATION);
  const response = await core.request({
    operation: OPERATION,
    method: 'DELETE',
    path: `api/v1/lookup/deletecategory/${pathSegment(params.key, 'key')}`,
    ...pickCallOptions(params),
  });
  return toCategories(unwrapEnvelope<unknown>(response, OPERATION, 'DELETE').data);
}
