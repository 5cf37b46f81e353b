import { type SparkCore, type CallOptions, requireCore } from '@spark/core';
import { parseTransformUri, transformPath } from './transform-uri.js';
import type { TransformFetched, TransformResponse, TransformUri } from './types.js';
import { checkCallOptions, responseError } from '@spark/core/wire';

const OPERATION = 'transforms.get';

/**
 * Fetches a transform document, with `outputs.transform_document` parsed from the JSON string
 * Spark stores into an object.
 *
 * Wire (Postman collection, §13): `GET {full}/api/v4/transforms/{folder}/{name}`.
 *
 * @param core - a client from `createClient()`
 * @param uri - `'folder/name'` or `{ folder, name }`
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns Spark's answer with the parsed document; a document that is not JSON rejects with a `SparkApiError`
 *
 * @example
 * const { outputs } = await getTransform(spark, 'my-transforms/cylinder');
 * console.log(outputs.transform_document.transform_type);
 */
export async function getTransform(core: SparkCore, uri: TransformUri, options: CallOptions = {}): Promise<TransformResponse<TransformFetched>> {
  requireCore(core, OPERATION);
  const location = parseTransformUri(uri, OPERATION);
  const call = checkCallOptions(options, OPERATION);
  const response = await core.request<TransformResponse<Record<string, unknown>> | null>({ operation: OPERATION, method: 'GET', path: transformPath(location), ...call });
  const body = response.data;
  const fail = (detail: string) => responseError(OPERATION, 'GET', response, detail);
  const raw = body?.outputs?.['transform_document'];
  let document: unknown = raw;
  if (typeof raw === 'string') {
    try {
      document = JSON.parse(raw);
    } catch {
      throw fail('outputs.transform_document is not valid JSON');
    }
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw fail('Spark returned no transform_document object');
  }
  return { ...body, outputs: { ...body!.outputs, transform_document: document as TransformFetched['transform_document'] } };
}
