import { readFile, stat } from 'node:fs/promises';
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
  /** The valid profiles. */
  profiles: Record<string, SparkProfile>;
  /** Profiles that cannot be used, with what is wrong (a typo in one never breaks the others). */
  invalid: Record<string, string>;
}

/** Options of {@link loadProfileFile}. */
export interface LoadProfileOptions {
  /** A missing or unreadable file is an error (`--profile-file` or `--profile` was given). */
  required: boolean;
  /** Where warnings go (a file others can read, a broken default file that is ignored). */
  warn?: (message: string) => void;
}

export const STRING_FIELDS = ['baseUrl', 'env', 'tenant', 'apiKey', 'token', 'clientId', 'clientSecret', 'oauthPath', 'tokenUrl'] as const;
export const NUMBER_FIELDS = ['timeout', 'maxRetries'] as const;
/** Fields that hold secrets: never printed. */
export const SECRET_FIELDS: readonly string[] = ['apiKey', 'token', 'clientSecret'];

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
 * Reads and checks a profile file. A missing file gives `undefined` unless `required`; a
 * broken file that was not asked for is ignored with a warning. Each profile is checked on
 * its own: a bad one lands in `invalid` and fails only the commands that use it. Warns when
 * the file can be read or written by group or others. Messages name the file and the field,
 * never a value (values may be secrets).
 *
 * @param path - the file to read
 * @param options - whether the file is required, and where warnings go
 * @returns the parsed file, or `undefined` when it does not exist (or is ignored)
 * @example
 * const file = await loadProfileFile(defaultProfileFile(), { required: false, warn: console.error });
 */
export async function loadProfileFile(path: string, options: LoadProfileOptions): Promise<ProfileFile | undefined> {
  const warn = options.warn ?? (() => undefined);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (!options.required && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`cannot read profile file ${path}: ${(error as Error).message}`);
  }
  await warnIfShared(path, warn);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return broken(`profile file ${path} is not valid JSON: fix it, or run \`spark config list\` to see what is wrong`, options);
  }
  if (!isObject(data) || !isObject(data['profiles'])) {
    return broken(`profile file ${path} must be an object with "profiles": { "<name>": { … } }`, options);
  }
  const fallback = data['default'];
  const file: ProfileFile = { profiles: {}, invalid: {} };
  if (typeof fallback === 'string') file.default = fallback;
  else if (fallback !== undefined) warn(`profile file ${path}: "default" must be a profile name; ignored`);
  for (const [name, raw] of Object.entries(data['profiles'])) {
    const checked = checkProfile(raw, `${path}: profile "${name}"`);
    if (typeof checked === 'string') file.invalid[name] = checked;
    else file.profiles[name] = checked;
  }
  return file;
}

/**
 * Checks one profile object.
 *
 * @param raw - the profile as read
 * @param where - names the profile in messages
 * @returns the profile, or a message saying what is wrong
 * @example
 * checkProfile({ apiKey: 'k', timeout: '5' }, 'profile "x"'); // 'profile "x": "timeout" must be a number'
 */
export function checkProfile(raw: unknown, where: string): SparkProfile | string {
  if (!isObject(raw)) return `${where} must be an object`;
  const profile: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if ((STRING_FIELDS as readonly string[]).includes(key)) {
      if (typeof value !== 'string') return `${where}: "${key}" must be a string`;
    } else if ((NUMBER_FIELDS as readonly string[]).includes(key)) {
      if (typeof value !== 'number') return `${where}: "${key}" must be a number`;
    } else {
      return `${where}: unknown field "${key}" (expected one of ${[...STRING_FIELDS, ...NUMBER_FIELDS].join(', ')})`;
    }
    profile[key] = value;
  }
  return profile as SparkProfile;
}

function broken(message: string, options: LoadProfileOptions): undefined {
  if (options.required) throw new UsageError(message);
  options.warn?.(`${message}; ignoring it`);
  return undefined;
}

async function warnIfShared(path: string, warn: (message: string) => void): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const mode = (await stat(path)).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      warn(`profile file ${path} can be read or written by other users (mode ${mode.toString(8)}); it holds secrets: run chmod 600 ${path}`);
    }
  } catch {
    /* read just worked; a failed stat only skips the warning */
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
