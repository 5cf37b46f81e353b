import type { Command } from 'commander';
import type { CliApp } from '../context.js';
import { UsageError } from '../errors.js';
import { note } from '../output.js';
import { profilePath, targetProfile } from '../profile-target.js';
import { updateProfileFile } from '../profile-writer.js';
import { checkProfile, NUMBER_FIELDS, STRING_FIELDS } from '../profiles.js';

/**
 * Registers `spark config set key=value…`: changes the active profile (or `--profile`, created
 * when missing); the file is rewritten atomically with mode 0600.
 *
 * @param config - the `config` command
 * @param app - the run state
 * @returns nothing
 * @example
 * // spark config set timeout=90000 tenant=my-tenant
 * registerConfigSet(config, app);
 */
export function registerConfigSet(config: Command, app: CliApp): void {
  config
    .command('set')
    .argument('<key=value...>', `settings: ${[...STRING_FIELDS, ...NUMBER_FIELDS].join(', ')}; key= (empty) removes one`)
    .description('change settings of the active profile (or --profile, created when missing)')
    .addHelpText('after', '\nExamples:\n  spark config set timeout=90000\n  spark --profile uat config set env=uat.us tenant=my-tenant')
    .action(
      app.action(async (ctx, pairs) => {
        const updates = pairs.map(parsePair);
        const path = profilePath(ctx);
        const name = await updateProfileFile(path, (file) => {
          const target = ctx.flags.profile ?? (Object.keys(file.profiles).length === 0 ? 'default' : targetProfile(ctx, file));
          const profile = { ...(file.profiles[target] ?? {}) };
          for (const [key, value] of updates) {
            if (value === undefined) delete profile[key];
            else profile[key] = value;
          }
          const checked = checkProfile(profile, `profile "${target}"`);
          if (typeof checked === 'string') throw new UsageError(checked);
          file.profiles[target] = profile;
          file.default ??= target;
          return target;
        });
        note(ctx.io, `profile "${name}" updated in ${path}`);
      }),
    );
}

function parsePair(pair: string): [string, string | number | undefined] {
  const eq = pair.indexOf('=');
  if (eq <= 0) throw new UsageError(`expected key=value, got "${pair.slice(0, 40)}"`);
  const key = pair.slice(0, eq);
  const text = pair.slice(eq + 1);
  if ((NUMBER_FIELDS as readonly string[]).includes(key)) {
    if (text === '') return [key, undefined];
    const n = Number(text);
    if (!Number.isFinite(n) || n < 0) throw new UsageError(`${key} must be a number >= 0, got "${text}"`);
    return [key, n];
  }
  if (!(STRING_FIELDS as readonly string[]).includes(key)) throw new UsageError(`unknown setting "${key}": use one of ${[...STRING_FIELDS, ...NUMBER_FIELDS].join(', ')}`);
  return [key, text === '' ? undefined : text];
}
