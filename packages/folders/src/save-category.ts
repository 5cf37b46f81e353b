import * as v from 'valibot';
import { parseParams, type SparkCore, type CallOptions, requireCore } from '@spark/core';
import { toCategories } from './category-list.js';
import { unwrapEnvelope } from './envelope.js';
import type { FolderCategory } from './types.js';
import { callOptionsEntries, nonEmptyString, pickCallOptions } from '@spark/core/wire';

const OPERATION = 'folders.categories.save';
const Schema = v.object({ name: nonEmptyString, key: v.optional(nonEmptyString), icon: v.optional(nonEmptyString), ...callOptionsEntries });

/** Options of {@link saveCategory}. */
export interface SaveCategoryParams extends CallOptions {
  /** The key of an existing category to update; default a new UUID (creates one). */
  key?: string;
  /** Default `other.svg`. */
  icon?: string;
}

/**
 * Creates a folder category, or updates the one with this `key`.
 *
 * Wire: `POST {origin}/api/v1/lookup/savecategory` with `{ value: name, key, icon }`.
 *
 * @param core - a client from `createClient()`
 * @param name - the label shown in Spark
 * @param params - `key` (default a new UUID), `icon` (default `other.svg`)
 * @returns the tenant's categories after saving, keys lower-cased
 *
 * @example
 * const categories = await saveCategory(spark, 'Pensions', { icon: 'pension.svg' });
 */
export async function saveCategory(core: SparkCore, name: string, params: SaveCategoryParams = {}): Promise<FolderCategory[]> {
  requireCore(core, OPERATION);
  const options = parseParams(Schema, { ...params, name }, OPERATION);
  const response = await core.request({
    operation: OPERATION,
    method: 'POST',
    path: 'api/v1/lookup/savecategory',
    // The key is fixed before the first attempt, so a replay upserts the same category.
    json: { value: options.name, key: options.key ?? globalThis.crypto.randomUUID(), icon: options.icon ?? 'other.svg' },
    idempotent: true,
    ...pickCallOptions(options),
  });
  return toCategories(unwrapEnvelope<unknown>(response, OPERATION, 'POST').data);
}
