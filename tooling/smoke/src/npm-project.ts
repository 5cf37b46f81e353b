import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The environment for npm in a plain project outside the workspace: the caller's, without the
 * `npm_package_*` / `npm_lifecycle_*` / `npm_config_*` variables pnpm sets for its scripts
 * (they would carry the workspace's settings into npm), but keeping the registry, TLS and cache
 * settings of the machine.
 *
 * @example
 * await run('npm', ['install', …], { cwd: dir, env: npmEnv() });
 */
export function npmEnv(): Record<string, string | undefined> {
  const keep = /^npm_config_(registry|cafile|ca|strict_ssl|cache|userconfig|proxy|https_proxy|noproxy|prefix)$/i;
  return Object.fromEntries(
    Object.keys(process.env)
      .filter((key) => /^npm_(package|lifecycle|config|node|execpath|command)/i.test(key) && !keep.test(key))
      .map((key) => [key, undefined]),
  );
}

/**
 * Creates an empty npm project (`package.json` only) in a new temp folder, outside the
 * workspace, so nothing resolves through pnpm's links.
 *
 * @param prefix - the temp folder's name prefix
 * @returns the folder
 * @example
 * const dir = plainNpmProject('spark-installed-');
 */
export function plainNpmProject(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'spark-consumer', version: '1.0.0', private: true }, null, 2)}\n`);
  return dir;
}
