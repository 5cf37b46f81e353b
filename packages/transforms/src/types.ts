/**
 * A transform in the SDK's shape (the official SDKs' field names). `schema` containing
 * `nodejs22` makes a Node.js transform whose code is `inputs`; anything else is a JSONata
 * transform (`JSONtransforms_v1.0.1` by default) with `inputs`/`outputs` expressions.
 */
export interface Transform {
  /** Transform type, default `JSONtransforms_v1.0.1`; e.g. `Nodejs22_v1.0.0`. */
  schema?: string;
  /** The API the transform targets: `v3` (default) or `v4`. */
  apiVersion?: 'v3' | 'v4';
  /** JSONata input expression, or the Node.js handler code. */
  inputs?: string;
  /** JSONata output expression (not used by Node.js transforms). */
  outputs?: string;
  /** Extra keys merged into the document last. */
  extras?: Record<string, unknown>;
}

/** A Spark transform document as stored (e.g. `jsonmapper_transform.json`). */
export interface SparkTransformDocument {
  transform_type: string;
  target_api_version?: string;
  input_body_transform?: string | null;
  output_body_transform?: string | null;
  transform_code?: string;
  [key: string]: unknown;
}

/** Anything that can be uploaded or validated: the SDK shape, a Spark document, or JSON text of either. */
export type TransformInput = Transform | SparkTransformDocument | string;

/** Names a transform document: `'folder/name'` or `{ folder, name }`. */
export type TransformUri = string | { folder: string; name: string };

/** The v4 envelope of single-document transform calls. */
export interface TransformResponse<O> {
  object?: string;
  id?: string;
  status?: string;
  response_timestamp?: string;
  process_time?: number;
  outputs: O;
  [key: string]: unknown;
}

/** `outputs` of upload and delete. */
export interface TransformSaved {
  name: string;
  transform_uri: string;
  [key: string]: unknown;
}

/** `outputs` of a validation. */
export interface TransformValidation {
  isValid: boolean;
  error: null | Array<{ code?: string; type?: string; message?: string; [key: string]: unknown }>;
  [key: string]: unknown;
}

/** `outputs` of a get, with `transform_document` parsed from its JSON string. */
export interface TransformFetched {
  transform_document: SparkTransformDocument;
  updatedAt?: string;
  [key: string]: unknown;
}

/** One listed transform document. */
export interface TransformInfo {
  id: string;
  name: string;
  transform_type: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  modifiedBy: string;
  [key: string]: unknown;
}

/** One page of transform documents. */
export interface ListTransformsResult {
  count: number;
  page: number;
  pageSize: number;
  result: TransformInfo[];
  [key: string]: unknown;
}
