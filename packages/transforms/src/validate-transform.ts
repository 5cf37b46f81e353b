import { requireCore } from '@spark/core';
import type { SparkCore, CallOptions } from '@spark/core';
import { buildTransformContent } from './transform-content.js';
import type { TransformInput, TransformResponse, TransformValidation } from './types.js';
import { checkCallOptions } from '@spark/core/wire';

const OPERATION = 'transforms.validate';

/**
 * Asks Spark whether a transform document is valid, without saving it.
 *
 * Wire (Postman collection, §13): `POST {full}/api/v4/transforms/validation` with
 * `{ transform_content: "<JSON text>" }`.
 *
 * @param core - a client from `createClient()`
 * @param transform - the SDK shape, a raw Spark document, or JSON text of either
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns Spark's answer; `outputs.isValid` and `outputs.error` (a list of problems, or null)
 *
 * @example
 * const { outputs } = await validateTransform(spark, { schema: 'Nodejs22_v1.0.0', inputs: 'async function handler(e) { return e; }' });
 * if (!outputs.isValid) console.error(outputs.error);
 */
export async function validateTransform(core: SparkCore, transform: TransformInput, options: CallOptions = {}): Promise<TransformResponse<TransformValidation>> {
  requireCore(core, OPERATION);
  const call = checkCallOptions(options, OPERATION);
  const content = buildTransformContent(transform, OPERATION);
  const response = await core.request<TransformResponse<TransformValidation>>({
    operation: OPERATION,
    method: 'POST',
    path: 'api/v4/transforms/validation',
    json: { transform_content: content },
    // A check without side effects.
    idempotent: true,
    ...call,
  });
  return response.data;
}
