import type { Command } from 'commander';
import { withClient, type CliApp } from '../context.js';
import { formatHuman, printResult } from '../output.js';

/**
 * Registers `spark services metadata <uri>`: prints the `Metadata.*` values of a service.
 *
 * @param services - the `services` command
 * @param app - the run state
 * @returns nothing
 * @example
 * // spark services metadata my-folder/volume-cylinder
 * registerServicesMetadata(services, app);
 */
export function registerServicesMetadata(services: Command, app: CliApp): void {
  services
    .command('metadata')
    .argument('<uri>', 'service: folder/service, service/{id} or version/{id}')
    .description("print a service's metadata (its Metadata.* cells); --json prints Spark's whole response")
    .addHelpText('after', '\nExample:\n  spark services metadata my-folder/volume-cylinder')
    .action(
      app.action(async (ctx, [uri]) => {
        const metadata = await withClient(ctx, (spark) => spark.services.getMetadata(uri!, { signal: ctx.signal }));
        printResult(ctx.io, metadata, formatHuman(metadata.response_data?.outputs ?? {}));
      }),
    );
}
