import * as v from 'valibot';
import { parseParams, pathSegment, type SparkCore, type CallOptions, requireCore } from '@spark/core';
import { unwrapEnvelope } from './envelope.js';
import { callOptionsEntries, nonEmptyString, pickCallOptions } from '@spark/core/wire';

const OPERATION = 'folders.delete';
const Schema = v.object({ id: nonEmptyString, ...callOptionsEntries });

/**
 * Deletes a folder and every service in it.
 *
 * Wire: `DELETE {origin}/api/v1/product/delete/{id}` without a body (the Python SDK sends none;
 * Spark also accepts the Postman collection's `{}`).
 *
 * @param core - a client from `createClient()`
 * @param id - the folder id
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns nothing; a missing folder rejects with `SparkNotFoundError`
 *
 * @example
 * await deleteFolder(spark, folder.id);
 */
export async function deleteFolder(core: SparkCore, id: string, options: CallOptions = {}): Promise<void> {
  requireCore(core, OPERATION);
  const params = parseParams(Schema, { ...options, id }, OPERATION);
  const response = await core.request({
    operation: OPERATION,
    method: 'DELETE',
    path: `api/v1/product/delete/${pathSegment(params.id, 'id')}`,
    ...pickCallOptions(params),
  });
  unwrapEnvelope(response, OPERATION, 'DELETE');
}
