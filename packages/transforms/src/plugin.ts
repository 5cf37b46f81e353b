import type { SparkCore, SparkPlugin, CallOptions } from '@spark/core';
import { deleteTransform } from './delete-transform.js';
import { getTransform } from './get-transform.js';
import { listTransforms, type ListTransformsParams } from './list-transforms.js';
import type { ListTransformsResult, TransformFetched, TransformInput, TransformResponse, TransformSaved, TransformUri, TransformValidation } from './types.js';
import { uploadTransform, type UploadTransformParams } from './upload-transform.js';
import { validateTransform } from './validate-transform.js';

/** The `transforms` namespace of a client. */
export interface TransformsApi {
  /** See {@link uploadTransform}. */
  upload(params: UploadTransformParams): Promise<TransformResponse<TransformSaved>>;
  /** See {@link getTransform}. */
  get(uri: TransformUri, options?: CallOptions): Promise<TransformResponse<TransformFetched>>;
  /** See {@link listTransforms}. */
  list(folder: string, params?: ListTransformsParams): Promise<ListTransformsResult>;
  /** See {@link deleteTransform}. */
  delete(uri: TransformUri, options?: CallOptions): Promise<TransformResponse<TransformSaved>>;
  /** See {@link validateTransform}. */
  validate(transform: TransformInput, options?: CallOptions): Promise<TransformResponse<TransformValidation>>;
}

/**
 * Binds the transform-document operations to one client.
 *
 * @param core - the client's core
 * @returns the `transforms` namespace
 *
 * @example
 * const transforms = createTransformsApi(spark);
 * await transforms.list('my-transforms');
 */
export function createTransformsApi(core: SparkCore): TransformsApi {
  return {
    upload: (params) => uploadTransform(core, params),
    get: (uri, options) => getTransform(core, uri, options),
    list: (folder, params) => listTransforms(core, folder, params),
    delete: (uri, options) => deleteTransform(core, uri, options),
    validate: (transform, options) => validateTransform(core, transform, options),
  };
}

/**
 * The transforms plugin: `createClient(opts).use(transforms)` adds `client.transforms`.
 *
 * @example
 * const spark = createClient({ baseUrl, token }).use(transforms);
 * const { outputs } = await spark.transforms.get('my-transforms/cylinder');
 */
export const transforms: SparkPlugin<'transforms', TransformsApi> = { key: 'transforms', create: createTransformsApi };
