import type { Command } from 'commander';
import { withClient, type CliApp } from '../context.js';
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
    .addHelpText('after', '\nExample:\n  spark services versions my-folder/volume-cylinder')
    .action(
      app.action(async (ctx, [uri]) => {
        const versions = await withClient(ctx, (spark) => spark.services.getVersions(uri!, { signal: ctx.signal }));
        const lines = versions.map((v) => `${v.revision}\t${v.id}${v.createdAt ? `\t${v.createdAt}` : ''}${v.originalFileName ? `\t${v.originalFileName}` : ''}`);
        printResult(ctx.io, versions, lines.length > 0 ? lines.join('\n') : '(no versions)');
      }),
    );
}
