import type { Command } from 'commander';
import { withClient, type CliApp } from '../context.js';
import { printResult } from '../output.js';
import { schemaTables } from '../schema-table.js';

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
    .description("print a service's inputs (name, type, default, constraints) and outputs as tables")
    .option('--raw', "print Spark's whole schema document (JSON) instead of the tables")
    .addHelpText('after', '\nExamples:\n  spark services schema my-folder/volume-cylinder\n  spark services schema my-folder/volume-cylinder --raw > schema.json')
    .action(
      app.action<{ raw?: boolean }>(async (ctx, [uri], flags) => {
        const schema = await withClient(ctx, (spark) => spark.services.getSchema(uri!, { signal: ctx.signal }));
        if (flags.raw) ctx.io.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
        else printResult(ctx.io, schema, schemaTables(schema));
      }),
    );
}
