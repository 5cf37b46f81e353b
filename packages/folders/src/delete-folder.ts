import * as v from 'valibot';
import { parseParams, type SparkCore, requireCore } from '@spark/core';
import { unwrapEnvelope } from './envelope.js';
import { CallSchema, NameSchema } from './schemas.js';
import type { FolderCallOptions } from './types.js';

const OPERATION = 'folders.delete';
const Schema = v.object({ id: NameSchema, ...CallSchema });

/**
 * Deletes a folder and every service in it.
 *
 * Wire: `DELETE {origin}/api/v1/product/delete/{id}` without a body (the Python SDK sends none;
 * Spark also accepts the Postman collection's `{}`).
 *
 * @param core - a client from `createClient()`
 * @param id - the folder id
 * @param options - `signal`, `timeout`
 * @returns nothing; a missing folder rejects with `SparkNotFoundError`
 *
 * @example
 * await deleteFolder(spark, folder.id);
 */
export async function deleteFolder(core: SparkCore, id: string, options: FolderCallOptions = {}): Promise<void> {
  requireCore(core, OPERATION);
  const params = parseParams(Schema, { ...options, id }, OPERATION);
  const response = await core.request({
    operation: OPERATION,
    method: 'DELETE',
    path: `api/v1/product/delete/${encodeURIComponent(params.id)}`,
    signal: params.signal,
    timeout: params.timeout,
  });
  unwrapEnvelope(response, OPERATION, 'DELETE');
}
