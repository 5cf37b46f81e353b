import { uploadBlob, type SparkUploadFile, type UploadBlobOptions } from './upload-file.js';

/**
 * Turns a file to upload into a `Blob` for a multipart part. This (browser and default) build
 * accepts everything but file paths, which only the Node build reads.
 *
 * @param file - the file (see {@link SparkUploadFile})
 * @param options - `operation` and `field` for errors, `type` when the file has none
 * @returns a typed `Blob`
 * @example
 * form.append('file', await toUploadBlob(params.file, { operation: 'impex.import', type: 'application/zip' }), 'package.zip');
 */
export function toUploadBlob(file: SparkUploadFile, options: UploadBlobOptions): Promise<Blob> {
  return uploadBlob(file, options);
}
