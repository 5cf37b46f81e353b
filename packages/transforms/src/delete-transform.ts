import { requireCore } from '@spark/core';
import type { SparkCore, CallOptions } from '@spark/core';
import { parseTransformUri, transformPath } from './transform-uri.js';
import type { TransformResponse, TransformSaved, TransformUri } from './types.js';
import { checkCallOptions } from '@spark/core/wire';

const OPERATION = 'transforms.delete';

/**
 * Deletes a transform document.
 *
 * Wire (Postman collection, §13): `DELETE {full}/api/v4/transforms/{folder}/{name}`.
 *
 * @param core - a client from `createClient()`
 * @param uri - `'folder/name'` or `{ folder, name }`
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns Spark's answer; `outputs` holds `name` and `transform_uri`. A missing document rejects with `SparkNotFoundError`
 *
 * @example
 * await deleteTransform(spark, 'my-transforms/cylinder');
 */
export async function deleteTransform(core: SparkCore, uri: TransformUri, options: CallOptions = {}): Promise<TransformResponse<TransformSaved>> {
  requireCore(core, OPERATION);
  const location = parseTransformUri(uri, OPERATION);
  const call = checkCallOptions(options, OPERATION);
  const response = await core.request<TransformResponse<TransformSaved>>({ operation: OPERATION, method: 'DELETE', path: transformPath(location), ...call });
  return response.data;
}
