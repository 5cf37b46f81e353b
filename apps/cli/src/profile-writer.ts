import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './errors.js';

/** The profile file as JSON, kept whole (unknown fields and broken profiles survive a write). */
export interface RawProfileFile {
  default?: string;
  profiles: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

/**
 * Reads the profile file as JSON, changes it with `change`, and writes it back atomically
 * (a temporary file with mode 0600 in the same directory, flushed, then renamed over the
 * old one), so a crash never leaves half a file and the secrets are never readable by
 * others, not even for a moment. The directory is created with mode 0700 when missing.
 *
 * @param path - the profile file
 * @param change - edits the file in place; may return a value passed back
 * @returns what `change` returned
 * @example
 * await updateProfileFile(defaultProfileFile(), (file) => { file.default = 'uat'; });
 */
export async function updateProfileFile<T>(path: string, change: (file: RawProfileFile) => T): Promise<T> {
  const file = await readRaw(path);
  const result = change(file);
  await writeAtomically(path, `${JSON.stringify(file, null, 2)}\n`);
  return result;
}

/**
 * Reads the profile file as plain JSON (`{ profiles: {} }` when it does not exist). A file that
 * is not JSON is a usage error naming the file and the error's position, never the text there
 * (it may be a secret).
 *
 * @param path - the profile file
 * @returns the JSON
 * @example
 * const { profiles } = await readRaw(defaultProfileFile());
 */
export async function readRaw(path: string): Promise<RawProfileFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { profiles: {} };
    throw new UsageError(`cannot read profile file ${path}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // V8 quotes the text around the error (`…"apiKey":'sk_9f8e7d"…`): keep only its position, that text may be a secret.
    const at = /at position \d+(?: \(line \d+ column \d+\))?/.exec((error as Error).message)?.[0];
    throw new UsageError(`profile file ${path} is not valid JSON${at ? ` (${at})` : ''}: fix it by hand before changing it`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new UsageError(`profile file ${path} must hold a JSON object`);
  const file = data as RawProfileFile;
  if (file.profiles === undefined) file.profiles = {};
  if (typeof file.profiles !== 'object' || file.profiles === null || Array.isArray(file.profiles)) {
    throw new UsageError(`profile file ${path}: "profiles" must be an object`);
  }
  return file;
}

/**
 * Writes a file atomically with mode 0600: temporary file, fsync, rename.
 *
 * @param path - the target
 * @param text - the content
 * @returns nothing
 * @example
 * await writeAtomically('/home/ana/.spark/profiles.json', '{"profiles":{}}\n');
 */
export async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  // The umask can only remove bits; make sure of 0600 whatever it is.
  await chmod(temp, 0o600);
  await rename(temp, path);
}
