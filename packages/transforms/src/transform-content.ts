import { SparkSdkError } from '@spark/core';
import type { SparkTransformDocument, Transform, TransformInput } from './types.js';

const SDK_KEYS = ['schema', 'apiVersion', 'inputs', 'outputs', 'extras'] as const;
const DEFAULT_TYPE = 'JSONtransforms_v1.0.1';

/**
 * Builds the `transform_content` string (a JSON document serialised once more inside the JSON
 * body). Accepts the SDK shape (`schema`, `apiVersion`, `inputs`, `outputs`, `extras`) or, unlike
 * the official SDKs, a raw Spark document (it has `transform_type`) which is sent as is — a
 * string exactly as given. Everything is checked before anything is sent.
 *
 * @param transform - the SDK shape, a Spark document, or JSON text of either
 * @param operation - operation id for error messages
 * @returns the JSON text to send as `transform_content`
 *
 * @example
 * buildTransformContent({ inputs: "{'radius': $.r}", outputs: "{'v': $.response_data.outputs.volume}" }, 'transforms.upload')
 */
export function buildTransformContent(transform: TransformInput, operation: string): string {
  const text = typeof transform === 'string' ? transform : undefined;
  let value: unknown = transform;
  if (text !== undefined) {
    try {
      value = JSON.parse(text);
    } catch {
      throw new SparkSdkError(`${operation}: "transform" is a string but not valid JSON`, { cause: transform });
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SparkSdkError(`${operation}: "transform" must be an object or JSON text of one`, { cause: transform });
  }
  const record = value as Record<string, unknown>;
  if ('transform_type' in record) {
    if (typeof record['transform_type'] !== 'string' || !record['transform_type'].trim()) {
      throw new SparkSdkError(`${operation}: "transform.transform_type" must be a non-empty string`, { cause: transform });
    }
    return text ?? JSON.stringify(record);
  }
  const keys = Object.keys(record);
  const unknown = keys.find((k) => !(SDK_KEYS as readonly string[]).includes(k));
  if (unknown !== undefined || !keys.some((k) => k !== 'extras')) {
    throw new SparkSdkError(
      `${operation}: "transform" needs either a Spark document (with transform_type) or the SDK fields ${SDK_KEYS.join(', ')}` +
        (unknown ? `; unknown field "${unknown}"` : ''),
      { cause: transform },
    );
  }
  return JSON.stringify(fromSdkShape(record as Transform, operation));
}

function fromSdkShape(t: Transform, operation: string): SparkTransformDocument {
  for (const key of ['schema', 'inputs', 'outputs'] as const) {
    if (t[key] !== undefined && t[key] !== null && typeof t[key] !== 'string') {
      throw new SparkSdkError(`${operation}: "transform.${key}" must be a string`, { cause: t[key] });
    }
  }
  if (t.extras !== undefined && (typeof t.extras !== 'object' || t.extras === null || Array.isArray(t.extras))) {
    throw new SparkSdkError(`${operation}: "transform.extras" must be an object`, { cause: t.extras });
  }
  if (t.schema && /nodejs22/i.test(t.schema)) {
    if (!t.inputs) throw new SparkSdkError(`${operation}: a Node.js transform needs its code in "transform.inputs"`, { cause: t });
    return { transform_type: t.schema, transform_code: t.inputs, ...t.extras };
  }
  const document: SparkTransformDocument = {
    transform_type: t.schema || DEFAULT_TYPE,
    target_api_version: t.apiVersion ?? 'v3',
    input_body_transform: t.inputs ?? null,
    output_body_transform: t.outputs ?? null,
    ...t.extras,
  };
  if (document.target_api_version !== 'v3' && document.target_api_version !== 'v4') {
    throw new SparkSdkError(`${operation}: "transform.apiVersion" must be "v3" or "v4", got ${JSON.stringify(document.target_api_version)}`, { cause: t });
  }
  return document;
}
