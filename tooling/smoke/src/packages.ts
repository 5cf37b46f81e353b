import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This package's folder (tooling/smoke). */
export const SMOKE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The monorepo root. */
export const ROOT = resolve(SMOKE_DIR, '..', '..');

/** A publishable workspace package under packages/. */
export interface WorkspacePackage {
  name: string;
  dir: string;
  private: boolean;
}

/**
 * Lists the packages under `packages/` (every publishable SDK package).
 *
 * @returns name, folder and privacy of each, sorted by name
 * @example
 * listPackages().map((p) => p.name); // ['@spark/batches', '@spark/core', …]
 */
export function listPackages(): WorkspacePackage[] {
  const base = join(ROOT, 'packages');
  return readdirSync(base)
    .map((entry) => join(base, entry))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => {
      const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; private?: boolean };
      return { name: json.name, dir, private: json.private === true };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
