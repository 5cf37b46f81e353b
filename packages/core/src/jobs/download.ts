import type { SparkDownload, SparkRequest, SparkResponse } from '../client/messages.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import { BodyTooLarge } from '../transport/body-failures.js';
import { responseTooLarge } from '../transport/classify-failure.js';
import { readBody } from '../transport/read-body.js';
import { shownUrl } from '../transport/trusted-origin.js';

/** Writes a stream to a path; supplied by the Node entry point. */
export type StreamWriter = (stream: ReadableStream<Uint8Array>, path: string) => Promise<number>;

/** The cap of a download's `bytes()`, and the call it reports in its error. */
export interface BytesCap {
  /** Most bytes `bytes()` holds in memory: the call's `maxResponseBytes`, else the client's. */
  limit: number;
  request: Pick<SparkRequest, 'operation' | 'method'>;
  /** The client's trusted origins: the error shows an off-origin (presigned) URL without its query. */
  origins: readonly string[];
}

/**
 * Wraps a streamed response as a {@link SparkDownload}. Its body can be read once: `bytes()`
 * keeps what it read, so `bytes()` again (or `toFile()` after it) reuses it; any other second
 * read throws a `SparkSdkError` saying so. `bytes()` stops at `cap.limit` (cancelling the
 * stream) with a `SparkResponseTooLargeError`; `stream` and `toFile()` are bounded only by
 * what the request itself capped.
 *
 * @example
 * return toDownload(response, platform.writeStream, { limit: config.maxResponseBytes, request, origins: config.trustedOrigins });
 */
export function toDownload(response: SparkResponse<ReadableStream<Uint8Array>>, writer?: StreamWriter, cap?: BytesCap): SparkDownload {
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
    bytes: () => (buffered ??= (async () => readAll(take('bytes'), response, cap))()),
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

/** Buffers a download's body, counting bytes against its cap. */
async function readAll(body: ReadableStream<Uint8Array>, response: SparkResponse<unknown>, cap: BytesCap | undefined): Promise<Uint8Array> {
  try {
    return await readBody({ status: response.status, headers: response.headers, body }, cap?.limit ?? Infinity);
  } catch (error) {
    throw error instanceof BodyTooLarge && cap ? responseTooLarge(error, cap.request, shownUrl(response.url, cap.origins), response.requestId) : error;
  }
}

/**
 * Percent-decodes a file name (keeping it as sent when it is not valid percent-encoding) and
 * drops control characters; a name with a slash, backslash or colon, `.` or `..` gives no name
 * at all: a name a server sent must not lead `toFile(download.fileName)` out of the current
 * folder (`../../.ssh/authorized_keys`, or on Windows `C:evil.dll`, relative to drive C's own
 * current folder), and the CLI then falls back to a name of its own.
 */
function decodeName(name: string): string | undefined {
  try { name = decodeURIComponent(name); } catch { /* not percent-encoding: kept as sent */ }
  // A name that is a path (a slash, backslash or drive colon) is not used at all; control characters are dropped.
  name = name.replace(/[\0-\x1f\x7f]/g, '');
  return /[/\\:]|^\.{0,2}$/.test(name) ? undefined : name;
}
