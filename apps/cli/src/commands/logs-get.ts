import type { Command } from 'commander';
import { withClient, type CliApp } from '../context.js';
import { formatHuman, printResult } from '../output.js';

/**
 * Registers `spark logs get <callId>`: prints the detailed execution log of one call.
 *
 * @param program - the root command
 * @param app - the run state
 * @returns nothing
 * @example
 * // spark logs get 6ad8b1c4-… --json
 * registerLogs(program, app);
 */
export function registerLogs(program: Command, app: CliApp): void {
  const logs = program.command('logs').description('read execution logs');
  logs
    .command('get')
    .argument('<callId>', 'the call id of an execution (call_id of `spark services execute --json`)')
    .description('print the detailed log of one execution')
    .addHelpText('after', '\nExample:\n  spark logs get 6ad8b1c4-54d0-4b0c-a3c7-1c1d5e0a9f00 --json')
    .action(
      app.action(async (ctx, [callId]) => {
        const { getLog } = await import('@spark/sdk');
        const log = await withClient(ctx, (spark) => getLog(spark.spark, callId!, { signal: ctx.signal }));
        printResult(ctx.io, log, formatHuman(log));
      }),
    );
}
