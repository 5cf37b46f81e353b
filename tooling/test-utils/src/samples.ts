import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/* Imports only node builtins: @spark/core's and @spark/emulator's tests import this file by path (neither can depend on test-utils, which depends on both). */

/** The repository root: the nearest folder above this file holding `pnpm-workspace.yaml`. */
export function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`repositoryRoot(): no pnpm-workspace.yaml above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
}

/**
 * The path of a file in the Spark API samples, `../shared/spark-api/samples` from the repository
 * root. Throws (never skips) when the samples or the file are absent, naming the path looked at.
 *
 * @example
 * const zip = await readFile(samplePath('volume-cylinder.zip'));
 */
export function samplePath(...segments: string[]): string {
  const dir = resolve(repositoryRoot(), '..', 'shared', 'spark-api', 'samples');
  if (!existsSync(dir)) {
    throw new Error(`samplePath(): the Spark API samples are missing: expected ${dir} (../shared/spark-api/samples beside the repository root)`);
  }
  const path = join(dir, ...segments);
  if (!existsSync(path)) throw new Error(`samplePath(): no sample ${segments.join('/')} in ${dir}`);
  return path;
}
