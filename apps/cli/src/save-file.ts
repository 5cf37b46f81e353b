import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { link, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UsageError } from './errors.js';

/**
 * A file name a server sent (`Content-Disposition`), if it is safe to write in the current
 * directory: a plain base name that does not start with `.` (no `.bashrc`, no `..`), holds no
 * path separator, drive letter or control character, and is not absurdly long.
 *
 * @param name - the server's file name
 * @returns the name, or `undefined` when it must not be used
 * @example
 * safeServerFileName('volume.xlsx'); // 'volume.xlsx'
 * safeServerFileName('../x');        // undefined
 * safeServerFileName('.bashrc');     // undefined
 */
export function safeServerFileName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  // eslint-disable-next-line no-control-regex
  if (name === '' || name.length > 255 || /[\\/:\u0000-\u001f\u007f]/.test(name) || name.startsWith('.')) return undefined;
  return basename(name) === name ? name : undefined;
}

/**
 * Fails with a usage error naming `--force` when `path` exists (checked before downloading,
 * so nothing is fetched for nothing; {@link saveStream} checks again atomically).
 *
 * @param path - the target
 * @param force - `--force` was given
 * @returns nothing
 * @example
 * await refuseExisting('volume.xlsx', false);
 */
export async function refuseExisting(path: string, force: boolean): Promise<void> {
  if (force) return;
  const exists = await stat(path).then(() => true, () => false);
  if (exists) throw new UsageError(`${path} already exists: pass --force to replace it, or --output to write elsewhere`);
}

/**
 * Streams a body into a file without ever leaving a partial file under the final name: the
 * bytes go to a temporary file in the same directory, which then becomes `path` — with
 * `force`, by rename (replacing any file there); without, by a hard link that fails if `path`
 * exists (atomic: no file created in the meantime is overwritten either).
 *
 * @param body - the download's web stream
 * @param path - the target
 * @param force - replace an existing file
 * @returns the bytes written
 * @example
 * const bytes = await saveStream(download.stream, '/home/ana/volume.xlsx', false);
 */
export async function saveStream(body: ReadableStream<Uint8Array>, path: string, force: boolean): Promise<number> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.download`);
  let bytes = 0;
  try {
    const source = Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);
    source.on('data', (chunk: Uint8Array) => (bytes += chunk.byteLength));
    await pipeline(source, createWriteStream(temp, { flags: 'wx', mode: 0o644 }));
    if (force) {
      await rename(temp, path);
    } else {
      try {
        await link(temp, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new UsageError(`${path} already exists: pass --force to replace it, or --output to write elsewhere`);
        }
        throw error;
      }
    }
  } finally {
    await rm(temp, { force: true });
  }
  return bytes;
}
