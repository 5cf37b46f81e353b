import type { SparkDownload, SparkResponse } from '../client/messages.js';
import { SparkSdkError } from '../errors/sdk-error.js';

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
