import type { Command } from 'commander';
import { withClient, type CliApp } from '../context.js';
import { printResult } from '../output.js';

/**
 * Registers `spark services schema <uri>`: prints the service's schema (inputs, outputs, …).
 *
 * @param services - the `services` command
 * @param app - the run state
 * @returns nothing
 * @example
 * // spark services schema my-folder/volume-cylinder --json
 * registerServicesSchema(services, app);
 */
export function registerServicesSchema(services: Command, app: CliApp): void {
  services
    .command('schema')
    .argument('<uri>', 'service: folder/service, service/{id} or version/{id}')
    .description("print a service's schema (its inputs and outputs)")
    .addHelpText('after', '\nExample:\n  spark services schema my-folder/volume-cylinder --json')
    .action(
      app.action(async (ctx, [uri]) => {
        const schema = await withClient(ctx, (spark) => spark.services.getSchema(uri!, { signal: ctx.signal }));
        printResult(ctx.io, schema);
      }),
    );
}
