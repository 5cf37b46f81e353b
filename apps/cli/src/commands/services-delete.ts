import type { Command } from 'commander';
import type { CliApp } from '../context.js';
import { deleteEach } from '../delete-each.js';

/**
 * Registers `spark services delete <uri…>`: deletes services with all their versions, after a
 * confirmation on a terminal (`--yes` in scripts).
 *
 * @param services - the `services` command
 * @param app - the run state
 * @returns nothing
 * @example
 * // spark services delete my-folder/old-model --yes
 * registerServicesDelete(services, app);
 */
export function registerServicesDelete(services: Command, app: CliApp): void {
  services
    .command('delete')
    .alias('rm')
    .argument('<uris...>', 'services: folder/service')
    .description('delete services and all their versions (irreversible)')
    .option('-y, --yes', 'do not ask for confirmation')
    .action(
      app.action<{ yes?: boolean }>(async (ctx, uris, flags) => {
        await deleteEach(ctx, uris, flags.yes, {
          kind: 'service',
          question: (uri) => `Delete service "${uri}" and all its versions?`,
          locate: async (_spark, uri) => uri,
          remove: (spark, uri) => spark.services.delete(uri, { signal: ctx.signal }),
        });
      }),
    );
}
