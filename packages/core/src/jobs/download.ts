import type { SparkDownload, SparkResponse } from '../client/messages.js';
import { SparkSdkError } from '../errors/sdk-error.js';

/** Writes a stream to a path; supplied by the Node entry point. */
export type StreamWriter = (stream: ReadableStream<Uint8Array>, path: string) => Promise<number>;

/**
 * Wraps a streamed response as a {@link SparkDownload}. Its body can be read once: `bytes()`
 * keeps what it read, so `bytes()` again (or `toFile()` after it) reuses it; any other second
 * read throws a `SparkSdkError` saying so.
 */
export function toDownload(response: SparkResponse<ReadableStream<Uint8Array>>, writer?: StreamWriter): SparkDownload {
  const body = response.data;
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  let used: 'bytes' | 'toFile' | undefined;
  let buffered: Promise<Uint8Array> | undefined;
  const take = (how: 'bytes' | 'toFile'): ReadableStream<Uint8Array> => {
    if (used || body.locked) {
      throw new SparkSdkError(
        `this download's body was already read${used ? ` with ${used}()` : ' through .stream'}; a body can be read once: ` +
          'call bytes() once and reuse its result (or save that), or start the download again',
      );
    }
    used = how;
    return body;
  };
  return {
    stream: body,
    contentType: response.headers.get('content-type') ?? undefined,
    fileName: match ? decodeName(match[1]!) : undefined,
    bytes: () => (buffered ??= (async () => new Uint8Array(await new Response(take('bytes')).arrayBuffer()))()),
    toFile: async (path) => {
      if (!writer) throw new SparkSdkError('toFile() is only available in Node; use bytes() or stream');
      if (buffered) {
        const bytes = await buffered;
        return writer(new Blob([bytes as BlobPart]).stream() as ReadableStream<Uint8Array>, path);
      }
      return writer(take('toFile'), path);
    },
  };
}

/** Percent-decodes a file name, keeping it as sent when it is not valid percent-encoding. */
function decodeName(name: string): string {
  try { return decodeURIComponent(name); } catch { return name; }
}
