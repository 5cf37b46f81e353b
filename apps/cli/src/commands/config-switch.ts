import type { Command } from 'commander';
import type { CliApp } from '../context.js';
import { UsageError } from '../errors.js';
import { note } from '../output.js';
import { profilePath } from '../profile-target.js';
import { readRaw, updateProfileFile } from '../profile-writer.js';
import { askSelect } from '../prompts.js';

/**
 * Registers `spark config switch [name]`: makes a profile the active one (asks which on a
 * terminal when no name is given).
 *
 * @param config - the `config` command
 * @param app - the run state
 * @returns nothing
 * @example
 * // spark config switch uat
 * registerConfigSwitch(config, app);
 */
export function registerConfigSwitch(config: Command, app: CliApp): void {
  config
    .command('switch')
    .argument('[name]', 'the profile to make active (default: ask)')
    .description('make a profile the active one')
    .action(
      app.action(async (ctx, [given]) => {
        const path = profilePath(ctx);
        const names = Object.keys((await readRaw(path)).profiles);
        if (names.length === 0) throw new UsageError(`no profiles in ${path}: create one with \`spark init\``);
        const name = given ?? (await askSelect(ctx, 'Switch to which profile?', names.map((n) => ({ value: n, label: n })), 'the profile name'));
        await updateProfileFile(path, (file) => {
          if (file.profiles[name] === undefined) throw new UsageError(`profile "${name}" is not in ${path} (profiles: ${names.join(', ')})`);
          file.default = name;
        });
        note(ctx.io, `active profile: ${name}`);
      }),
    );
}
