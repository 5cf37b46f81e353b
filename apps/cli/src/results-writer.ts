import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';

/** Where `spark batch run` writes its NDJSON results. */
export interface ResultsWriter {
  /** The final file, or `undefined` for stdout. */
  readonly path: string | undefined;
  /** Writes one line, waiting when the destination is slower than the run. */
  write(line: string): Promise<void>;
  /** Flushes and moves the file into place (nothing half-written ever has the final name). */
  commit(): Promise<void>;
  /** Drops the partial file. */
  abort(): Promise<void>;
}

/**
 * Opens the results destination: a file (written under a temporary name, renamed on
 * success) or stdout when `path` is `undefined` or `-`.
 *
 * @param path - the `--output` value
 * @param stdout - the CLI's stdout
 * @returns the writer
 * @example
 * const out = await openResults('results.ndjson', process.stdout);
 * await out.write('{"index":0}\n');
 * await out.commit();
 */
export async function openResults(path: string | undefined, stdout: Writable): Promise<ResultsWriter> {
  if (path === undefined || path === '-') return streamWriter(stdout);
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  const stream = createWriteStream(temp, { flags: 'w' });
  await Promise.race([once(stream, 'open'), once(stream, 'error').then(([error]) => Promise.reject(error))]);
  const writer = streamWriter(stream);
  return {
    path: target,
    write: writer.write,
    async commit() {
      await end(stream);
      await rename(temp, target);
    },
    async abort() {
      stream.destroy();
      await rm(temp, { force: true });
    },
  };
}

function streamWriter(stream: Writable): ResultsWriter {
  return {
    path: undefined,
    async write(line) {
      if (!stream.write(line)) await once(stream, 'drain');
    },
    async commit() {},
    async abort() {},
  };
}

async function end(stream: WriteStream): Promise<void> {
  await new Promise<void>((done, fail) => {
    stream.once('error', fail);
    stream.end(() => done());
  });
}
