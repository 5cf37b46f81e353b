import { uploadBlob, type SparkUploadFile, type UploadBlobOptions } from './upload-file.js';

/**
 * Turns a file to upload into a `Blob` for a multipart part. The Node build also reads file
 * paths, as a file-backed Blob (`fs.openAsBlob`: not read into memory up front, and re-read on
 * a retry).
 *
 * @param file - the file (see {@link SparkUploadFile}); a string is a path
 * @param options - `operation` and `field` for errors, `type` when the file has none
 * @returns a typed `Blob`
 * @example
 * await toUploadBlob('./model.xlsx', { operation: 'services.create', type: XLSX });
 */
export function toUploadBlob(file: SparkUploadFile, options: UploadBlobOptions): Promise<Blob> {
  return uploadBlob(file, options, readPath);
}

async function readPath(path: string, type: string): Promise<Blob> {
  const fs = await import('node:fs');
  // stat first: Node 20's openAsBlob reports a missing file only as "Unable to open file as blob".
  const stats = await fs.promises.stat(path);
  if (!stats.isFile()) throw Object.assign(new Error(`${path} is not a file`), { code: 'EISDIR' });
  return fs.openAsBlob(path, { type });
}
