import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SMOKE_DIR } from './packages.js';

/** A JavaScript runtime binary that may or may not be installed. */
export interface Runtime {
  name: 'bun' | 'deno';
  /** Absolute path of the binary, or `undefined` when absent. */
  bin: string | undefined;
  /** Why the binary is absent (used as the skip reason). */
  missing?: string;
  /** Arguments that run a script file. */
  runArgs(script: string, args: string[]): string[];
  /** Extra environment for the child. */
  env: Record<string, string>;
}

function locate(candidates: (string | undefined)[]): string | undefined {
  return candidates.find((path): path is string => path !== undefined && path !== '' && existsSync(path));
}

/**
 * Bun from the npm package `@oven/bun-linux-x64` (an optional dependency of this package).
 *
 * @returns the runtime, with `bin` undefined when the platform package is not installed
 * @example
 * const bun = findBun(); if (bun.bin) await run(bun.bin, bun.runArgs('runtime/execute.mjs', [url, key]), { cwd });
 */
export function findBun(): Runtime {
  const bin = locate([process.env['BUN_PATH'], join(SMOKE_DIR, 'node_modules/@oven/bun-linux-x64/bin/bun')]);
  return {
    name: 'bun',
    bin,
    missing: bin ? undefined : 'bun binary not installed (optional dependency @oven/bun-linux-x64 exists only for linux-x64; set BUN_PATH to use another)',
    runArgs: (script, args) => [script, ...args],
    env: { BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0', DO_NOT_TRACK: '1' },
  };
}

/**
 * Deno from the npm package `@deno/linux-x64-glibc` (an optional dependency of this package).
 * Runs with this package's `node_modules` (Deno's "manual" node_modules mode), no lock file,
 * and no network but loopback.
 *
 * @param denoDir - a writable DENO_DIR (cache) for the run
 * @returns the runtime, with `bin` undefined when the platform package is not installed
 * @example
 * const deno = findDeno(tmp); if (deno.bin) await run(deno.bin, deno.runArgs('runtime/imports.mjs', names), { cwd, env: deno.env });
 */
export function findDeno(denoDir: string): Runtime {
  const bin = locate([process.env['DENO_PATH'], join(SMOKE_DIR, 'node_modules/@deno/linux-x64-glibc/deno')]);
  return {
    name: 'deno',
    bin,
    missing: bin ? undefined : 'deno binary not installed (optional dependency @deno/linux-x64-glibc exists only for linux-x64 glibc; set DENO_PATH to use another)',
    runArgs: (script, args) => [
      'run', '--no-lock', '--node-modules-dir=manual', '--allow-net=127.0.0.1', '--allow-env', '--allow-read', '--allow-sys',
      script, ...args,
    ],
    env: { DENO_DIR: denoDir, DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' },
  };
}
