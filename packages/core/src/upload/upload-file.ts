import { SparkSdkError } from '../errors/sdk-error.js';
import type { SparkDownload } from '../client/messages.js';

/**
 * A file to upload: a `Blob`/`File`, bytes (incl. Node `Buffer`), an `ArrayBuffer`, a web
 * stream, a `SparkDownload` (e.g. an export), any async iterable of bytes (a Node `Readable`,
 * `fs.createReadStream(path)`), or — in Node — a file path.
 */
export type SparkUploadFile =
  | Blob
  | Uint8Array
  | ArrayBuffer
  | ReadableStream<Uint8Array>
  | SparkDownload
  | AsyncIterable<Uint8Array | string>
  | string;

/** How to turn an upload into a multipart part. */
export interface UploadBlobOptions {
  /** Operation id, named in errors (`services.create`). */
  operation: string;
  /** The parameter's name, named in errors (default `file`). */
  field?: string;
  /** The part's content type when the file has none (default `application/octet-stream`). */
  type?: string;
}

/** Reads a file path into a Blob; only the Node entry point has one. */
export type PathReader = (path: string, type: string) => Promise<Blob>;

/** What every upload accepts, for error messages and parameter schemas. */
export const UPLOAD_EXPECTED = 'a Blob, Uint8Array, ArrayBuffer, ReadableStream, SparkDownload, Node Readable or file path';

/**
 * Whether a value is something {@link toUploadBlob} accepts (a check for parameter schemas;
 * a string passes as a path — whether it can be read is known only when it is).
 *
 * @example
 * const Schema = v.object({ file: v.custom<SparkUploadFile>(isUploadFile, `must be ${UPLOAD_EXPECTED}`) });
 */
export function isUploadFile(value: unknown): value is SparkUploadFile {
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value !== 'object' || value === null) return false;
  return value instanceof Blob || value instanceof Uint8Array || value instanceof ArrayBuffer || value instanceof ReadableStream
    || isDownload(value) || typeof (value as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === 'function';
}

/**
 * The shared conversion; `readPath` is the platform's file reader (absent in browsers).
 * Streams and iterables are read once, into memory, so the request can be retried.
 */
export async function uploadBlob(file: SparkUploadFile, options: UploadBlobOptions, readPath?: PathReader): Promise<Blob> {
  const type = options.type ?? 'application/octet-stream';
  const field = `${options.operation}: "${options.field ?? 'file'}"`;
  if (typeof file === 'string') {
    if (!file.trim()) throw new SparkSdkError(`${field} must be ${UPLOAD_EXPECTED}, got an empty string`);
    if (!readPath) throw new SparkSdkError(`${field} is a file path, which only Node can read; pass a Blob, a Uint8Array or a ReadableStream`);
    return readPath(file, type).catch((error: unknown) => {
      const code = (error as { code?: unknown })?.code;
      throw new SparkSdkError(`${field} could not be read from "${file}"${typeof code === 'string' ? ` (${code})` : ''}`, { cause: error });
    });
  }
  if (file instanceof Blob) return file.type ? file : new Blob([file], { type });
  if (file instanceof Uint8Array || file instanceof ArrayBuffer) return new Blob([file as BlobPart], { type });
  if (file instanceof ReadableStream) return new Blob([await new Response(file).arrayBuffer()], { type });
  if (typeof file === 'object' && file !== null && isDownload(file)) return new Blob([(await file.bytes()) as BlobPart], { type: file.contentType ?? type });
  if (typeof (file as Partial<AsyncIterable<unknown>> | null)?.[Symbol.asyncIterator] === 'function') {
    const parts: BlobPart[] = [];
    for await (const chunk of file as AsyncIterable<Uint8Array | string>) parts.push(chunk as BlobPart);
    return new Blob(parts, { type });
  }
  throw new SparkSdkError(`${field} must be ${UPLOAD_EXPECTED}`, { cause: typeof file });
}

/**
 * The name an upload carries, if any: a `File`'s name, a `SparkDownload`'s file name, or a
 * path's last segment.
 *
 * @example
 * uploadFileName('./models/pricing.xlsx') // 'pricing.xlsx'
 */
export function uploadFileName(file: SparkUploadFile): string | undefined {
  if (typeof file === 'string') return file.split(/[\\/]/).pop() || undefined;
  if (typeof File === 'function' && file instanceof File) return file.name || undefined;
  if (typeof file === 'object' && file !== null && isDownload(file)) return file.fileName || undefined;
  return undefined;
}

function isDownload(value: object): value is SparkDownload {
  const d = value as Partial<SparkDownload>;
  return typeof d.bytes === 'function' && typeof d.toFile === 'function' && 'stream' in d;
}
