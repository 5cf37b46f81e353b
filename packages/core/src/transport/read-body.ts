import { BodyTooLarge } from './body-failures.js';
import type { TransportResponse } from './types.js';

/**
 * Reads a whole response body, counting bytes as they arrive (after decompression, so a gzip
 * bomb stops at the cap) and cancelling the body past `limit`. The Node pool counts while it
 * reads, so its already-read `rawBody` is returned as it is.
 *
 * @param response - the transport's answer
 * @param limit - the most bytes to accept (`Infinity`: no cap)
 * @returns the body
 * @throws {BodyTooLarge} past the cap
 * @example
 * const bytes = await readBody(response, 128 * 1024 * 1024);
 */
export async function readBody(response: Pick<TransportResponse, 'status' | 'headers' | 'body' | 'rawBody'>, limit: number): Promise<Uint8Array> {
  const raw = response.rawBody;
  if (raw) return raw;
  const body = response.body;
  if (!body) return new Uint8Array(0);
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > limit && !response.headers.get('content-encoding')) {
    await body.cancel().catch(() => {});
    throw BodyTooLarge.of(limit, response.status, response.headers);
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw BodyTooLarge.of(limit, response.status, response.headers);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) { out.set(chunk, at); at += chunk.byteLength; }
  return out;
}
