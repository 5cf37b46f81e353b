import { toUploadBlob, type SparkUploadFile } from '@spark/core';

/**
 * A workbook to upload: a `Blob`/`File`, bytes (incl. Node `Buffer`), a web stream, a Node
 * `Readable`, or (Node) a file path — see `SparkUploadFile`.
 */
export type ServiceFile = SparkUploadFile;

const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xlsm: 'application/vnd.ms-excel.sheet.macroenabled.12',
  xls: 'application/vnd.ms-excel',
  zip: 'application/zip',
};

/**
 * Turns an upload into a `Blob` for a multipart part (streams are read once, into memory, so
 * the request can be retried; a path is read by Node), typed after the file name like the
 * Python SDK does.
 *
 * @param file - the workbook
 * @param fileName - the name Spark will see
 * @param operation - operation id used in error messages
 * @returns a typed `Blob`
 * @example
 * const part = await toBlob('./model.xlsx', 'model.xlsx', 'services.create');
 */
export function toBlob(file: ServiceFile, fileName: string, operation: string): Promise<Blob> {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return toUploadBlob(file, { operation, type: TYPES[extension] ?? 'application/octet-stream' });
}
