import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { withClient, type CliApp } from '../context.js';
import { printable } from '../output.js';

/**
 * Registers `spark types <uri…> [--out file.ts]`: generates TypeScript `Inputs` / `Outputs`
 * interfaces and typed `defineService` descriptors from the services' own Swagger documents,
 * schemas and validation rules (`@spark/codegen`, loaded only by this command).
 *
 * @param program - the `spark` program
 * @param app - the run state
 * @returns nothing
 * @example
 * // spark types my-folder/volume-cylinder my-folder/loan-payment --out src/spark-types.ts
 * registerTypes(program, app);
 */
export function registerTypes(program: Command, app: CliApp): void {
  program
    .command('types')
    .argument('<uri...>', 'services: folder/service (one or more)')
    .description("generate TypeScript types and typed descriptors from the services' own schemas")
    .option('-o, --out <file>', 'write the module to this file (default: stdout)')
    .option('--schema', 'embed each input schema, so `validate: true` checks inputs before sending')
    .option('--import-from <module>', 'module to import defineService from (default @spark/core)')
    .addHelpText(
      'after',
      '\nExamples:\n  spark types my-folder/volume-cylinder --out src/spark-types.ts\n  spark types my-folder/a my-folder/b --schema --import-from @spark/sdk > src/spark-types.ts',
    )
    .action(
      app.action<{ out?: string; schema?: boolean; importFrom?: string }>(async (ctx, args, flags) => {
        // Commander hands a variadic argument over as one array.
        const uris = (args as unknown[]).flat() as string[];
        const { generateServiceTypes } = await import('@spark/codegen');
        const options = { schema: flags.schema === true, signal: ctx.signal, ...(flags.importFrom ? { importFrom: flags.importFrom } : {}) };
        const code = await withClient(ctx, (client) => generateServiceTypes(client.spark, uris, options));
        // On stdout the code may meet a terminal: the servers' descriptions in its comments are
        // escaped (in its string literals an escape is the same character, so the code is unchanged).
        if (!flags.out) return void ctx.io.stdout.write(printable(code));
        await writeFile(flags.out, code);
        ctx.io.stderr.write(`wrote ${uris.length} service type${uris.length === 1 ? '' : 's'} to ${flags.out}\n`);
      }),
    );
}
