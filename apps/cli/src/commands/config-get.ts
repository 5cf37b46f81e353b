import type { Command } from 'commander';
import type { CliApp } from '../context.js';
import { UsageError } from '../errors.js';
import { printResult } from '../output.js';
import { loadTarget, maskProfile } from '../profile-target.js';
import { NUMBER_FIELDS, STRING_FIELDS } from '../profiles.js';

/**
 * Registers `spark config get <key>`: one setting of the active profile (or `--profile`).
 *
 * @param config - the `config` command
 * @param app - the run state
 * @returns nothing
 * @example
 * // spark config get baseUrl
 * registerConfigGet(config, app);
 */
export function registerConfigGet(config: Command, app: CliApp): void {
  config
    .command('get')
    .argument('<key>', `one of ${[...STRING_FIELDS, ...NUMBER_FIELDS].join(', ')}`)
    .description('print one setting of the active profile (or --profile); secrets are masked unless --reveal')
    .option('--reveal', 'print a secret (apiKey, token, clientSecret) as is')
    .action(
      app.action<{ reveal?: boolean }>(async (ctx, [key], flags) => {
        if (!([...STRING_FIELDS, ...NUMBER_FIELDS] as string[]).includes(key!)) {
          throw new UsageError(`unknown setting "${key}": use one of ${[...STRING_FIELDS, ...NUMBER_FIELDS].join(', ')}`);
        }
        const { name, profile } = await loadTarget(ctx);
        const value = (flags.reveal ? profile : maskProfile(profile))[key!];
        if (value === undefined) throw new UsageError(`profile "${name}" has no ${key}`);
        printResult(ctx.io, value, String(value));
      }),
    );
}
