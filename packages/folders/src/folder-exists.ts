import * as v from 'valibot';
import { parseParams, pathSegment, SparkNotFoundError, type SparkCore, type CallOptions, requireCore } from '@spark/core';
import { unwrapEnvelope } from './envelope.js';
import { callOptionsEntries, nonEmptyString, pickCallOptions } from '@spark/core/wire';

const OPERATION = 'folders.exists';
const Schema = v.object({ name: nonEmptyString, ...callOptionsEntries });

/**
 * Tells whether a folder with this name exists in the tenant.
 *
 * @param core - a client from `createClient()`
 * @param name - the folder name (matched by Spark, case-insensitively)
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns `true` when Spark knows the folder, `false` otherwise (also on 404)
 *
 * @example
 * if (!(await folderExists(spark, 'pricing'))) await createFolder(spark, 'pricing');
 */
export async function folderExists(core: SparkCore, name: string, options: CallOptions = {}): Promise<boolean> {
  requireCore(core, OPERATION);
  const params = parseParams(Schema, { name, ...options }, OPERATION);
  try {
    const response = await core.request({
      operation: OPERATION,
      method: 'POST',
      path: `api/v1/product/isproductexists/${pathSegment(params.name, 'name')}`,
      // A read-only question: safe to repeat.
      idempotent: true,
      ...pickCallOptions(params),
    });
    return unwrapEnvelope<unknown>(response, OPERATION, 'POST').data === true;
  } catch (error) {
    if (error instanceof SparkNotFoundError) return false;
    throw error;
  }
}
