import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeAtomically } from './profile-writer.js';

/** A token saved by `spark auth login` (mode 0600, next to the profile file). */
export interface CachedToken {
  profile: string;
  accessToken: string;
  tokenType: string;
  scope?: string | undefined;
  /** Epoch ms. */
  expiresAt: number;
  /** Epoch ms. */
  obtainedAt: number;
}

/**
 * Where a profile's token is kept: `<profile file's directory>/auth/<profile>.json`.
 *
 * @param profileFile - the profile file
 * @param profile - the profile's name
 * @returns the path
 * @example
 * tokenPath('/home/ana/.spark/profiles.json', 'uat'); // '/home/ana/.spark/auth/uat.json'
 */
export function tokenPath(profileFile: string, profile: string): string {
  return join(dirname(profileFile), 'auth', `${profile}.json`);
}

/**
 * Reads a saved token (`undefined` when there is none or it cannot be read).
 *
 * @param path - from {@link tokenPath}
 * @returns the token
 * @example
 * const token = await readToken(tokenPath(file, 'uat'));
 */
export async function readToken(path: string): Promise<CachedToken | undefined> {
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as CachedToken;
    return typeof data.accessToken === 'string' && typeof data.expiresAt === 'number' ? data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Saves a token atomically with mode 0600.
 *
 * @param path - from {@link tokenPath}
 * @param token - the token
 * @returns nothing
 * @example
 * await saveToken(path, { profile: 'uat', accessToken, tokenType: 'Bearer', expiresAt, obtainedAt: Date.now() });
 */
export async function saveToken(path: string, token: CachedToken): Promise<void> {
  await writeAtomically(path, `${JSON.stringify(token, null, 2)}\n`);
}

/**
 * Deletes a saved token.
 *
 * @param path - from {@link tokenPath}
 * @returns whether there was one
 * @example
 * await dropToken(path);
 */
export async function dropToken(path: string): Promise<boolean> {
  const existed = (await readToken(path)) !== undefined;
  await rm(path, { force: true });
  return existed;
}

/**
 * A duration for people: `42 seconds`, `5 minutes`, `2 hours 5 minutes`, `3 days 1 hour`.
 *
 * @param ms - milliseconds (absolute value used)
 * @returns the text
 * @example
 * friendlyDuration(3_900_000); // '1 hour 5 minutes'
 */
export function friendlyDuration(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (s < 60) return unit(s, 'second');
  if (s < 3600) return unit(Math.floor(s / 60), 'minute');
  if (s < 86_400) return [unit(Math.floor(s / 3600), 'hour'), ...(s % 3600 >= 60 ? [unit(Math.floor((s % 3600) / 60), 'minute')] : [])].join(' ');
  return [unit(Math.floor(s / 86_400), 'day'), ...(s % 86_400 >= 3600 ? [unit(Math.floor((s % 86_400) / 3600), 'hour')] : [])].join(' ');
}
