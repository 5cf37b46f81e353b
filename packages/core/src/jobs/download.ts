import type { SparkResponse } from '../client/types.js';
import { SparkSdkError } from '../errors/sdk-error.js';

/** A binary result (Excel file, zip, WASM module) that can be streamed, buffered or saved. */
export interface SparkDownload {
  /** The body as a web stream (readable once). */
  readonly stream: ReadableStream<Uint8Array>;
  readonly contentType: string | undefined;
  /** File name from `Content-Disposition`, when Spark sends one. */
  readonly fileName: string | undefined;
  /** Reads the whole body into memory. */
  bytes(): Promise<Uint8Array>;
  /** Node only: streams the body to a file without holding it in memory; resolves to the byte count. */
  toFile(path: string): Promise<number>;
}

/** Writes a stream to a path; supplied by the Node entry point. */
export type StreamWriter = (stream: ReadableStream<Uint8Array>, path: string) => Promise<number>;

/** Wraps a streamed response as a {@link SparkDownload}. */
export function toDownload(response: SparkResponse<ReadableStream<Uint8Array>>, writer?: StreamWriter): SparkDownload {
  const stream = response.data;
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return {
    stream,
    contentType: response.headers.get('content-type') ?? undefined,
    fileName: match ? decodeName(match[1]!) : undefined,
    bytes: async () => new Uint8Array(await new Response(stream).arrayBuffer()),
    toFile: async (path) => {
      if (!writer) throw new SparkSdkError('toFile() is only available in Node; use bytes() or stream');
      return writer(stream, path);
    },
  };
}

/** Percent-decodes a file name, keeping it as sent when it is not valid percent-encoding. */
function decodeName(name: string): string {
  try { return decodeURIComponent(name); } catch { return name; }
}
