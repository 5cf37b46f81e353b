import type { Command } from 'commander';
import type { CliApp } from '../context.js';
import { UsageError } from '../errors.js';
import { note } from '../output.js';
import { profilePath } from '../profile-target.js';
import { updateProfileFile } from '../profile-writer.js';

/**
 * Registers `spark config remove <name>`: deletes a profile (and its active mark).
 *
 * @param config - the `config` command
 * @param app - the run state
 * @returns nothing
 * @example
 * // spark config remove old
 * registerConfigRemove(config, app);
 */
export function registerConfigRemove(config: Command, app: CliApp): void {
  config
    .command('remove')
    .alias('rm')
    .argument('<name>', 'the profile to delete')
    .description('delete a profile')
    .action(
      app.action(async (ctx, [name]) => {
        const path = profilePath(ctx);
        await updateProfileFile(path, (file) => {
          if (file.profiles[name!] === undefined) throw new UsageError(`profile "${name}" is not in ${path}`);
          delete file.profiles[name!];
          if (file.default === name) delete file.default;
        });
        note(ctx.io, `profile "${name}" removed from ${path}`);
      }),
    );
}
