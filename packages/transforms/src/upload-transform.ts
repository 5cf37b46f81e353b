import { SparkSdkError, type SparkCore, type CallOptions, requireCore } from '@spark/core';
import { buildTransformContent } from './transform-content.js';
import { parseTransformUri, transformPath } from './transform-uri.js';
import type { TransformInput, TransformResponse, TransformSaved } from './types.js';
import { checkCallOptions } from '@spark/core/wire';

const OPERATION = 'transforms.upload';

/** Parameters of {@link uploadTransform}. */
export interface UploadTransformParams extends CallOptions {
  /** The folder holding transform documents. */
  folder: string;
  /** The document name. */
  name: string;
  /** The SDK shape, a raw Spark document (with `transform_type`), or JSON text of either. */
  transform: TransformInput;
}

/**
 * Saves (creates or replaces) a transform document.
 *
 * Wire (Postman collection, §13): `POST {full}/api/v4/transforms/{folder}/{name}` with
 * `{ transform_content: "<JSON text>" }`.
 *
 * @param core - a client from `createClient()`
 * @param params - `folder`, `name` and the `transform`
 * @returns Spark's answer; `outputs` holds `name` and `transform_uri`
 *
 * @example
 * await uploadTransform(spark, {
 *   folder: 'my-transforms', name: 'cylinder',
 *   transform: { inputs: "{'radius': $.r, 'height': $.h}", outputs: "{'volume': $.response_data.outputs.volume}" },
 * });
 */
export async function uploadTransform(core: SparkCore, params: UploadTransformParams): Promise<TransformResponse<TransformSaved>> {
  requireCore(core, OPERATION);
  if (typeof params !== 'object' || params === null) throw new SparkSdkError(`${OPERATION}: parameters must be { folder, name, transform }`, { cause: params });
  const { folder, name, transform, ...rest } = params;
  const location = parseTransformUri({ folder, name }, OPERATION);
  const options = checkCallOptions(rest, OPERATION);
  if (transform === undefined || transform === null) throw new SparkSdkError(`${OPERATION}: "transform" is required`);
  const content = buildTransformContent(transform, OPERATION);
  const response = await core.request<TransformResponse<TransformSaved>>({
    operation: OPERATION,
    method: 'POST',
    path: transformPath(location),
    json: { transform_content: content },
    // Saving the same document twice leaves the same state.
    idempotent: true,
    ...options,
  });
  return response.data;
}
