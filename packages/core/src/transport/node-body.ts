import type http from 'node:http';
import type { Readable } from 'node:stream';
import type { ZlibOptions } from 'node:zlib';
import { BodyTooLarge } from './body-failures.js';
import { builtin } from './builtins.node.js';
import type { HeaderReader } from './types.js';

/** A `Content-Encoding` the Node pool decodes. */
export type Codec = 'gzip' | 'deflate' | 'br';

/**
 * Compressed bodies up to this size are decoded in one synchronous call: for a batch pull of
 * 10,000 results (24 KB gzip, 135 KB JSON) that takes ~0.2 ms of CPU, where a `Gunzip` stream
 * took ~0.5–0.8 ms (thread-pool hops, stream plumbing). Larger ones are decoded on the thread pool.
 */
const INLINE_MAX = 128 * 1024;

/** The codec of a `Content-Encoding` header (`undefined`: the body is used as it is). */
export function codecOf(encoding: string | null): Codec | undefined {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return 'gzip';
    case 'deflate':
      return 'deflate';
    case 'br':
      return 'br';
    default:
      return undefined;
  }
}

/** A streamed body, decoded as it arrives (downloads). */
export function decodeStream(res: http.IncomingMessage, codec: Codec | undefined): Readable {
  if (codec === undefined) return res;
  const zlib = builtin('node:zlib');
  const decoded = res.pipe(codec === 'gzip' ? zlib.createGunzip() : codec === 'deflate' ? zlib.createInflate() : zlib.createBrotliDecompress());
  res.on('error', (error) => decoded.destroy(error));
  return decoded;
}

/**
 * Reads a whole response body, at most `limit` bytes after decoding. A compressed body is
 * collected as it came (bounded too: a compressor's output for `limit` bytes, even of random
 * data, stays under `limit` + 1/1024 + 64 KiB, since stored blocks cost a few bytes per 64 KiB;
 * a stream padded past that with empty blocks is refused as too large) and decoded once
 * with zlib's `maxOutputLength`, which stops a gzip bomb at the cap. Callbacks, not a promise:
 * the transport settles its own promise from them (one promise per request, not two).
 *
 * @param req - destroyed when the body passes a cap before it ended
 * @param res - the response whose body to read
 * @param headers - its headers
 * @param codec - from {@link codecOf}
 * @param limit - most decoded bytes (`Infinity`: no cap)
 * @param onBody - called with the decoded body
 * @param onError - called instead with {@link BodyTooLarge}, or the network or zlib error
 *   (with the response `status`)
 * @example
 * readNodeBody(req, res, headers, codecOf(headers.get('content-encoding')), 128 * 1024 * 1024, resolve, reject);
 */
export function readNodeBody(
  req: http.ClientRequest, res: http.IncomingMessage, headers: HeaderReader, codec: Codec | undefined, limit: number,
  onBody: (raw: Buffer) => void, onError: (error: Error) => void,
): void {
  const status = res.statusCode ?? 0;
  const cap = codec === undefined ? limit : limit + Math.ceil(limit / 1024) + 64 * 1024;
  if (Number(headers.get('content-length') ?? Number.NaN) > cap) {
    req.destroy();
    onError(BodyTooLarge.of(limit, status, headers));
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let failed = false;
  const fail = (error: Error): void => {
    failed = true;
    chunks.length = 0;
    req.destroy();
    onError(error);
  };
  res.on('data', (chunk: Buffer) => {
    if (failed) return;
    size += chunk.byteLength;
    if (size > cap) fail(BodyTooLarge.of(limit, status, headers));
    else chunks.push(chunk);
  });
  res.on('error', (error) => {
    if (!failed) fail(Object.assign(error, { status }));
  });
  res.on('end', () => {
    if (failed) return;
    const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
    if (codec === undefined) return onBody(raw);
    decode(raw, codec, limit).then(onBody, (error: Error & { code?: string }) => {
      onError(error.code === 'ERR_BUFFER_TOO_LARGE' ? BodyTooLarge.of(limit, status, headers) : Object.assign(error, { status }));
    });
  });
}

async function decode(raw: Buffer, codec: Codec, limit: number): Promise<Buffer> {
  const zlib = builtin('node:zlib');
  const options: ZlibOptions = { maxOutputLength: Math.max(1, Math.min(Math.floor(limit), builtin('node:buffer').constants.MAX_LENGTH)) };
  if (raw.byteLength <= INLINE_MAX) {
    return codec === 'gzip' ? zlib.gunzipSync(raw, options) : codec === 'deflate' ? zlib.inflateSync(raw, options) : zlib.brotliDecompressSync(raw, options);
  }
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, out: Buffer): void => (error ? reject(error) : resolve(out));
    if (codec === 'gzip') zlib.gunzip(raw, options, done);
    else if (codec === 'deflate') zlib.inflate(raw, options, done);
    else zlib.brotliDecompress(raw, options, done);
  });
}
