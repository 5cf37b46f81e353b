import type { IncomingMessage } from 'node:http';
import { gunzipSync, inflateSync, inflateRawSync, brotliDecompressSync, type ZlibOptions } from 'node:zlib';
import { HttpError } from './http-error.js';

/** The default `maxBodyBytes`: a request body's cap after decoding, and what a package in it may unpack to. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, `request body exceeds ${maxBytes} bytes`, 'PAYLOAD_TOO_LARGE');
}

/**
 * Reads the whole request body and undoes any `Content-Encoding` (gzip, deflate, br).
 * `maxBytes` bounds both the bytes received and the decoded size (a small gzip bomb is
 * refused with 413 as soon as its output passes the cap, never inflated in full).
 * @throws HttpError 413 beyond `maxBytes`, 400 when the body cannot be decoded
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      reject(tooLarge(maxBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(tooLarge(maxBytes));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const raw = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
      try {
        resolve(decode(raw, req.headers['content-encoding'], maxBytes));
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        reject(code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError ? tooLarge(maxBytes) : new HttpError(400, 'request body could not be decompressed', 'BAD_ENCODING'));
      }
    });
    req.on('error', reject);
  });
}

function decode(raw: Buffer, encoding: string | undefined, maxOutputLength: number): Buffer {
  if (!encoding || raw.length === 0) return raw;
  const enc = encoding.trim().toLowerCase();
  const opts: ZlibOptions = { maxOutputLength };
  if (enc === 'gzip' || enc === 'x-gzip') return gunzipSync(raw, opts);
  if (enc === 'deflate') {
    try {
      return inflateSync(raw, opts);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw error;
      return inflateRawSync(raw, opts);
    }
  }
  if (enc === 'br') return brotliDecompressSync(raw, { maxOutputLength });
  return raw;
}
