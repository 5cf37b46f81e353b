import { SparkSdkError } from '@spark/core';

/** A workbook to upload: a `Blob`/`File`, bytes (incl. Node `Buffer`) or a web stream. */
export type ServiceFile = Blob | Uint8Array | ReadableStream<Uint8Array>;

const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xlsm: 'application/vnd.ms-excel.sheet.macroenabled.12',
  xls: 'application/vnd.ms-excel',
  zip: 'application/zip',
};

/**
 * Turns an upload into a `Blob` for a multipart part (a stream is read once, into memory, so
 * the request can be retried), typed after the file name like the Python SDK does.
 *
 * @param file - the workbook
 * @param fileName - the name Spark will see
 * @param operation - operation id used in error messages
 * @returns a typed `Blob`
 * @example
 * const part = await toBlob(await readFile('model.xlsx'), 'model.xlsx', 'services.create');
 */
export async function toBlob(file: ServiceFile, fileName: string, operation: string): Promise<Blob> {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const type = TYPES[extension] ?? 'application/octet-stream';
  if (file instanceof Blob) return file.type ? file : new Blob([file], { type });
  if (file instanceof Uint8Array) return new Blob([file as BlobPart], { type });
  if (file instanceof ReadableStream) return new Blob([await new Response(file).arrayBuffer()], { type });
  throw new SparkSdkError(`${operation}: "file" must be a Blob, a Uint8Array or a ReadableStream`, { cause: typeof file });
}
