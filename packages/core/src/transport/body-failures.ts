import type { HeaderReader } from './types.js';

/**
 * A body passed the attempt's byte cap. Raised by transports and body readers; turned into a
 * `SparkResponseTooLargeError` (with the operation, URL and request id) by `classifyFailure`.
 */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number, readonly status: number, readonly contentType: string | null) {
    super(`response body larger than ${limit} bytes`);
  }

  /**
   * The failure of a response with these headers (their content type goes into the error).
   *
   * @example
   * if (size > limit) throw BodyTooLarge.of(limit, response.status, response.headers);
   */
  static of(limit: number, status: number, headers: HeaderReader): BodyTooLarge {
    return new BodyTooLarge(limit, status, headers.get('content-type'));
  }
}

/** zlib / brotli codes of a body whose `Content-Encoding` does not decode. */
const CORRUPT = /^(Z_(DATA|BUF|STREAM)_ERROR|ERR__ERROR_FORMAT|ERR_BROTLI|ERR_ZLIB)/;

/**
 * Whether an error means the response's encoding is corrupt (gzip, deflate, br) rather than
 * that the network failed: Node's zlib errors, and fetch's `TypeError('terminated')` caused by one.
 *
 * @example
 * if (isCorruptEncoding(error)) throw invalidResponse(...);
 */
export function isCorruptEncoding(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && CORRUPT.test(e.code)) return true;
    if (e instanceof Error && /incorrect header check|invalid (block type|distance|stored block|code lengths)|unexpected end of file|Decompression failed/i.test(e.message)) return true;
  }
  return false;
}
