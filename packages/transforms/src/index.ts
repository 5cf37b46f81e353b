export { uploadTransform, type UploadTransformParams } from './upload-transform.js';
export { getTransform } from './get-transform.js';
export { listTransforms, type ListTransformsParams } from './list-transforms.js';
export { deleteTransform } from './delete-transform.js';
export { validateTransform } from './validate-transform.js';
export { buildTransformContent } from './transform-content.js';
export type {
  Transform,
  SparkTransformDocument,
  TransformInput,
  TransformUri,
  TransformResponse,
  TransformSaved,
  TransformValidation,
  TransformFetched,
  TransformInfo,
  ListTransformsResult,
} from './types.js';
export { transforms, createTransformsApi, type TransformsApi } from './plugin.js';
