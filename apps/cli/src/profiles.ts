import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from './errors.js';

/** One named set of connection settings in the profile file. */
export interface SparkProfile {
  baseUrl?: string;
  env?: string;
  tenant?: string;
  apiKey?: string;
  token?: string;
  clientId?: string;
  clientSecret?: string;
  oauthPath?: string;
  tokenUrl?: string;
  timeout?: number;
  maxRetries?: number;
}

/** The profile file (`~/.spark/profiles.json`): `{ default?, profiles: { name: SparkProfile } }`. */
export interface ProfileFile {
  /** The profile used when `--profile` is not given. */
  default?: string;
  profiles: Record<string, SparkProfile>;
}

const STRING_FIELDS = ['baseUrl', 'env', 'tenant', 'apiKey', 'token', 'clientId', 'clientSecret', 'oauthPath', 'tokenUrl'] as const;
const NUMBER_FIELDS = ['timeout', 'maxRetries'] as const;

/**
 * The default location of the profile file: `~/.spark/profiles.json`.
 *
 * @param home - the home directory (default `os.homedir()`)
 * @returns the absolute path
 * @example
 * defaultProfileFile(); // '/home/ana/.spark/profiles.json'
 */
export function defaultProfileFile(home: string = homedir()): string {
  return join(home, '.spark', 'profiles.json');
}

/**
 * Reads and checks a profile file. A missing file gives `undefined` unless `required`.
 * Error messages name the file and the field, never a value (values may be secrets).
 *
 * @param path - the file to read
 * @param required - whether a missing file is an error (`--profile-file` was given)
 * @returns the parsed file, or `undefined` when it does not exist
 * @example
 * const file = await loadProfileFile(defaultProfileFile(), false);
 */
export async function loadProfileFile(path: string, required: boolean): Promise<ProfileFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`cannot read profile file ${path}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`profile file ${path} is not valid JSON`);
  }
  return checkProfileFile(data, path);
}

function checkProfileFile(data: unknown, path: string): ProfileFile {
  if (!isObject(data) || !isObject(data['profiles'])) {
    throw new UsageError(`profile file ${path} must be an object with "profiles": { "<name>": { … } }`);
  }
  const fallback = data['default'];
  if (fallback !== undefined && typeof fallback !== 'string') throw new UsageError(`profile file ${path}: "default" must be a profile name`);
  const profiles: Record<string, SparkProfile> = {};
  for (const [name, raw] of Object.entries(data['profiles'])) {
    if (!isObject(raw)) throw new UsageError(`profile file ${path}: profile "${name}" must be an object`);
    const profile: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) {
      if ((STRING_FIELDS as readonly string[]).includes(key)) {
        if (typeof value !== 'string') throw new UsageError(`profile file ${path}: "${name}.${key}" must be a string`);
      } else if ((NUMBER_FIELDS as readonly string[]).includes(key)) {
        if (typeof value !== 'number') throw new UsageError(`profile file ${path}: "${name}.${key}" must be a number`);
      } else {
        throw new UsageError(`profile file ${path}: unknown field "${name}.${key}" (expected one of ${[...STRING_FIELDS, ...NUMBER_FIELDS].join(', ')})`);
      }
      profile[key] = value;
    }
    profiles[name] = profile as SparkProfile;
  }
  return { ...(fallback !== undefined ? { default: fallback } : {}), profiles };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
