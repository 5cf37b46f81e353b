import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Streams a body to `path` through a temporary file renamed on success, so a failed or
 * aborted download never leaves a half-written file behind. Resolves to the byte count.
 */
export async function writeStreamToFile(stream: ReadableStream<Uint8Array>, path: string): Promise<number> {
  const temp = `${path}.${process.pid}.${Date.now()}.part`;
  let bytes = 0;
  const source = Readable.fromWeb(stream as import('node:stream/web').ReadableStream<Uint8Array>);
  source.on('data', (chunk: Uint8Array) => { bytes += chunk.byteLength; });
  try {
    await pipeline(source, createWriteStream(temp));
    await rename(temp, path);
    return bytes;
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
