import type { Command } from 'commander';
import type { CliApp } from '../context.js';
import { formatHuman, printResult } from '../output.js';
import { maskProfile, profilePath } from '../profile-target.js';
import { readRaw } from '../profile-writer.js';
import { checkProfile } from '../profiles.js';

/**
 * Registers `spark config list`: the profiles, the active one marked `*`, broken ones said so.
 *
 * @param config - the `config` command
 * @param app - the run state
 * @returns nothing
 * @example
 * // spark config list --verbose
 * registerConfigList(config, app);
 */
export function registerConfigList(config: Command, app: CliApp): void {
  config
    .command('list')
    .alias('ls')
    .description('list the profiles (* = active); --verbose shows their settings, secrets masked')
    .option('-v, --verbose', 'show every profile’s settings')
    .action(
      app.action<{ verbose?: boolean }>(async (ctx, _args, flags) => {
        const path = profilePath(ctx);
        const file = await readRaw(path);
        const names = Object.keys(file.profiles);
        const profiles = Object.fromEntries(names.map((name) => [name, maskProfile(file.profiles[name] ?? {})]));
        const invalid = Object.fromEntries(
          names.flatMap((name) => {
            const checked = checkProfile(file.profiles[name], `profile "${name}"`);
            return typeof checked === 'string' ? [[name, checked]] : [];
          }),
        );
        const lines = names.map((name) => {
          const mark = name === file.default ? '*' : ' ';
          const problem = invalid[name] !== undefined ? `  (cannot be used: ${invalid[name]})` : '';
          const details = flags.verbose ? `\n${formatHuman(profiles[name], 4)}` : '';
          return `${mark} ${name}${problem}${details}`;
        });
        const human = names.length > 0 ? lines.join('\n') : `no profiles in ${path}: create one with \`spark init\``;
        printResult(ctx.io, { file: path, active: file.default ?? null, profiles, invalid }, human);
      }),
    );
}
