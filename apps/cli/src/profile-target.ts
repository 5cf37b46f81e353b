import type { CommandContext } from './context.js';
import { UsageError } from './errors.js';
import { readRaw, type RawProfileFile } from './profile-writer.js';
import { defaultProfileFile, SECRET_FIELDS } from './profiles.js';

/**
 * The profile file a `config`/`auth`/`init` command works on: `--profile-file`, else
 * `~/.spark/profiles.json`.
 *
 * @param ctx - the command context
 * @returns the path
 * @example
 * const path = profilePath(ctx);
 */
export function profilePath(ctx: CommandContext): string {
  return ctx.flags.profileFile ?? defaultProfileFile(ctx.sources.home);
}

/**
 * The profile a command works on: `--profile`, else the file's active (`default`) one.
 *
 * @param ctx - the command context
 * @param file - the profile file
 * @returns the name
 * @example
 * const name = targetProfile(ctx, await readRaw(profilePath(ctx)));
 */
export function targetProfile(ctx: CommandContext, file: RawProfileFile): string {
  const name = ctx.flags.profile ?? file.default;
  if (name === undefined) throw new UsageError('no active profile: pass --profile <name>, or create one with `spark init`');
  return name;
}

/**
 * Reads the file and the named (or active) profile, which must exist.
 *
 * @param ctx - the command context
 * @returns the path, the file, the profile's name and its fields
 * @example
 * const { name, profile } = await loadTarget(ctx);
 */
export async function loadTarget(ctx: CommandContext): Promise<{ path: string; file: RawProfileFile; name: string; profile: Record<string, unknown> }> {
  const path = profilePath(ctx);
  const file = await readRaw(path);
  const name = targetProfile(ctx, file);
  const profile = file.profiles[name];
  if (profile === undefined) {
    const known = Object.keys(file.profiles);
    throw new UsageError(`profile "${name}" is not in ${path} (profiles: ${known.length > 0 ? known.join(', ') : 'none; create one with `spark init`'})`);
  }
  return { path, file, name, profile };
}

/**
 * A profile fit to print: secrets masked (`abcd…wxyz` for long ones, `****` otherwise).
 *
 * @param profile - the fields
 * @returns a copy with secrets masked
 * @example
 * maskProfile({ apiKey: 'abcdef0123456789' }); // { apiKey: 'abcd…6789' }
 */
export function maskProfile(profile: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(profile)) out[key] = SECRET_FIELDS.includes(key) ? maskValue(value) : value;
  return out;
}

function maskValue(value: unknown): string {
  if (typeof value !== 'string') return '****';
  return value.length >= 16 ? `${value.slice(0, 4)}…${value.slice(-4)}` : '****';
}
