import type { Command } from 'commander';
import { withClient, type CliApp } from '../context.js';
import { EXIT_API, EXIT_OK } from '../errors.js';
import { printResult } from '../output.js';

/**
 * Registers `spark health`: `GET {origin}/health` without credentials; exit 1 unless UP.
 *
 * @param program - the root command
 * @param app - the run state
 * @returns nothing
 * @example
 * // spark health --base-url http://127.0.0.1:3000/my-tenant
 * registerHealth(program, app);
 */
export function registerHealth(program: Command, app: CliApp): void {
  program
    .command('health')
    .description('check that the Spark environment is up (no credentials needed)')
    .addHelpText('after', '\nExample:\n  spark health --base-url https://excel.uat.us.coherent.global/my-tenant')
    .action(
      app.action(async (ctx) => {
        const { checkHealth, publicAccess } = await import('@spark/sdk');
        // The health route is public: a missing or wrong key must not fail the check.
        const { url, result } = await withClient(
          ctx,
          async (client) => ({ url: client.config.baseUrl.origin, result: await checkHealth(client.spark, { signal: ctx.signal }) }),
          { auth: publicAccess(), tenant: ctx.flags.tenant ?? 'health' },
        );
        const up = typeof result.status === 'string' && result.status.toLowerCase() === 'up';
        printResult(ctx.io, result, `${url}: ${result.status || 'unknown'}`);
        return up ? EXIT_OK : EXIT_API;
      }),
    );
}
