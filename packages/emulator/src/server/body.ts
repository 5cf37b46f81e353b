import type { IncomingMessage } from 'node:http';
import { gunzipSync, inflateSync, inflateRawSync, brotliDecompressSync } from 'node:zlib';
import { HttpError } from './http-error.js';

/** Reads the whole request body and undoes any `Content-Encoding` (gzip, deflate, br). */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new HttpError(413, `request body exceeds ${maxBytes} bytes`, 'PAYLOAD_TOO_LARGE'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const raw = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
      try {
        resolve(decode(raw, req.headers['content-encoding']));
      } catch {
        reject(new HttpError(400, 'request body could not be decompressed', 'BAD_ENCODING'));
      }
    });
    req.on('error', reject);
  });
}

function decode(raw: Buffer, encoding: string | undefined): Buffer {
  if (!encoding || raw.length === 0) return raw;
  const enc = encoding.trim().toLowerCase();
  if (enc === 'gzip' || enc === 'x-gzip') return gunzipSync(raw);
  if (enc === 'deflate') {
    try {
      return inflateSync(raw);
    } catch {
      return inflateRawSync(raw);
    }
  }
  if (enc === 'br') return brotliDecompressSync(raw);
  return raw;
}
