import type { Command } from 'commander';
import { withClient, type CliApp } from '../context.js';
import { note, printResult } from '../output.js';
import { confirmOrYes } from '../prompts.js';

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
        const deleted: string[] = [];
        await withClient(ctx, async (spark) => {
          for (const uri of uris) {
            if (!(await confirmOrYes(ctx, `Delete service "${uri}" and all its versions?`, flags.yes))) {
              note(ctx.io, `service skipped: ${uri}`);
              continue;
            }
            await spark.services.delete(uri, { signal: ctx.signal });
            deleted.push(uri);
            if (!ctx.io.json) note(ctx.io, `service deleted: ${uri}`);
          }
        });
        if (ctx.io.json) printResult(ctx.io, { deleted });
      }),
    );
}
