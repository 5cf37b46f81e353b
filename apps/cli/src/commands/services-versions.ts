import type { Command } from 'commander';
import { withClient, type CliApp, type CommandContext } from '../context.js';
import { printResult } from '../output.js';

/**
 * Registers `spark services versions <uri>`: lists the versions of a service, newest first.
 *
 * @param services - the `services` command
 * @param app - the run state
 * @returns nothing
 * @example
 * // spark services versions my-folder/volume-cylinder
 * registerServicesVersions(services, app);
 */
export function registerServicesVersions(services: Command, app: CliApp): void {
  services
    .command('versions')
    .argument('<uri>', 'service: folder/service')
    .description("list a service's versions, newest first")
    .option('--latest', 'only the newest version')
    .addHelpText('after', '\nExample:\n  spark services versions my-folder/volume-cylinder')
    .action(app.action<{ latest?: boolean }>((ctx, [uri], flags) => listVersions(ctx, uri!, flags.latest === true)));
}

/**
 * Registers `spark versions list <uri> [--latest]` (as `cspark versions list`).
 *
 * @param program - the root command
 * @param app - the run state
 * @returns nothing
 * @example
 * // spark versions list my-folder/volume-cylinder --latest
 * registerVersions(program, app);
 */
export function registerVersions(program: Command, app: CliApp): void {
  const versions = program.command('versions').description("a service's versions");
  versions
    .command('list')
    .alias('ls')
    .argument('<uri>', 'service: folder/service')
    .description("list a service's versions, newest first")
    .option('--latest', 'only the newest version')
    .action(app.action<{ latest?: boolean }>((ctx, [uri], flags) => listVersions(ctx, uri!, flags.latest === true)));
}

async function listVersions(ctx: CommandContext, uri: string, latest: boolean): Promise<void> {
  const all = await withClient(ctx, (spark) => spark.services.getVersions(uri, { signal: ctx.signal }));
  const versions = latest ? all.slice(0, 1) : all;
  const lines = versions.map((v) => `${v.revision}\t${v.id}${v.createdAt ? `\t${v.createdAt}` : ''}${v.originalFileName ? `\t${v.originalFileName}` : ''}`);
  printResult(ctx.io, latest ? (versions[0] ?? null) : versions, lines.length > 0 ? lines.join('\n') : '(no versions)');
}
