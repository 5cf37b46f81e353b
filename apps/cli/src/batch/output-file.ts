import { createWriteStream } from 'node:fs';
import { rm, truncate } from 'node:fs/promises';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { UsageError } from '../errors.js';

/** Where results go: text written in order, waiting when the destination is slower. */
export interface OutputTarget {
  /** The file, or `undefined` for stdout. */
  readonly path: string | undefined;
  write(text: string): Promise<void>;
  /** Flushes; closes a file (never stdout). */
  close(): Promise<void>;
  /** Closes and deletes a file nothing was written to (stdout: nothing to do). */
  discard(): Promise<void>;
}

/** How to open the file. */
export type OpenMode = { kind: 'new' } | { kind: 'replace' } | { kind: 'append'; keepBytes: number };

/**
 * Opens the results file in place (no temporary name: the file itself is the ledger that
 * `--resume` reads): `new` refuses an existing file, `replace` truncates it, `append` first
 * cuts what follows `keepBytes` (a torn line, JSON's closing `]`), then appends.
 *
 * @param path - the file, or `-` / `undefined` for stdout
 * @param mode - new, replace or append
 * @param stdout - the CLI's stdout
 * @returns the target
 * @example
 * const out = await openOutput('results.ndjson', { kind: 'new' }, process.stdout);
 */
export async function openOutput(path: string | undefined, mode: OpenMode, stdout: Writable): Promise<OutputTarget> {
  if (path === undefined || path === '-') return target(undefined, stdout, async () => undefined, async () => undefined);
  try {
    if (mode.kind === 'append') await truncate(path, mode.keepBytes);
    const stream = createWriteStream(path, { flags: mode.kind === 'new' ? 'wx' : mode.kind === 'replace' ? 'w' : 'a' });
    await Promise.race([once(stream, 'open'), once(stream, 'error').then(([error]) => Promise.reject(error))]);
    const close = () => new Promise<void>((done, fail) => {
      stream.once('error', fail);
      stream.end(() => done());
    });
    return target(path, stream, close, async () => {
      await close().catch(() => undefined);
      await rm(path, { force: true });
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`--output ${path} already exists: add --resume to continue that run, or --force to replace it`);
    throw new UsageError(`--output: cannot write ${path} (${code ?? (error as Error).message})`);
  }
}

function target(path: string | undefined, stream: Writable, close: () => Promise<void>, discard: () => Promise<void>): OutputTarget {
  let failure: Error | undefined;
  stream.on('error', (error: Error) => (failure ??= error));
  return {
    path,
    async write(text) {
      if (failure) throw failure;
      if (!stream.write(text)) await drained(stream);
      if (failure) throw failure;
    },
    async close() {
      await close();
      if (failure) throw failure;
    },
    discard,
  };
}

function drained(stream: Writable): Promise<void> {
  return new Promise((done) => {
    const settle = () => {
      stream.removeListener('drain', settle);
      stream.removeListener('error', settle);
      stream.removeListener('close', settle);
      done();
    };
    stream.on('drain', settle).on('error', settle).on('close', settle);
  });
}
