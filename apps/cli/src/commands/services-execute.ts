import type { Command } from 'commander';
import type { ExecuteResult } from '@spark/sdk';
import { withClient, type CliApp } from '../context.js';
import { EXIT_API, EXIT_OK } from '../errors.js';
import { readInputs } from '../input-reader.js';
import { reportRecords } from '../record-notes.js';
import { parseMetaPairs } from '../request-meta.js';
import { formatHuman, note, printResult } from '../output.js';

/** The `source_system` the CLI reports to Spark (the Python CLI sends its own name too). */
const CLI_SOURCE_SYSTEM = 'Spark TypeScript CLI';

interface ExecuteFlags {
  inputs?: string;
  callPurpose?: string;
  sourceSystem?: string;
  correlationId?: string;
  selectedOutputs?: string;
  original?: boolean;
  param?: string[];
}

/**
 * Registers `spark services execute <uri>`: one record (v3) or an array of records (v4).
 *
 * @param services - the `services` command
 * @param app - the run state
 * @returns nothing
 * @example
 * // spark services execute my-folder/volume-cylinder --inputs '{"radius":2,"height":3}'
 * registerServicesExecute(services, app);
 */
export function registerServicesExecute(services: Command, app: CliApp): void {
  services
    .command('execute')
    .alias('exec')
    .argument('<uri>', 'service: folder/service[version], service/{id} or version/{id}')
    .description('execute a service with one record of inputs (or an array of records)')
    .option('-i, --inputs <json>', 'inputs as JSON, @file.json, or @- for stdin (default: the workbook defaults)')
    .option('--call-purpose <text>', 'call purpose recorded in the logs')
    .option('--source-system <name>', 'source system recorded in the logs', CLI_SOURCE_SYSTEM)
    .option('--correlation-id <id>', 'correlation id recorded in the logs')
    .option('--selected-outputs <names>', 'comma-separated outputs to return')
    .option('-p, --param <key:value>', 'request metadata, repeatable: call_purpose:Quote, echo_inputs:true, or any other key (sent as is)', collect)
    .option('--original', "print Spark's response as is (one record only)")
    .addHelpText(
      'after',
      `\nExamples:\n  spark services execute my-folder/volume-cylinder --inputs '{"radius":2,"height":3}'\n  spark services execute my-folder/volume-cylinder --inputs @inputs.json --json`,
    )
    .action(
      app.action<ExecuteFlags>(async (ctx, [uri], flags) => {
        const inputs = flags.inputs !== undefined ? await readInputs(flags.inputs) : undefined;
        const params = {
          inputs,
          sourceSystem: flags.sourceSystem,
          signal: ctx.signal,
          ...(flags.callPurpose !== undefined ? { callPurpose: flags.callPurpose } : {}),
          ...(flags.correlationId !== undefined ? { correlationId: flags.correlationId } : {}),
          ...(flags.selectedOutputs !== undefined ? { selectedOutputs: flags.selectedOutputs.split(',').map((s) => s.trim()) } : {}),
          ...parseMetaPairs(flags.param ?? []),
        };
        if (flags.original) {
          const original = await withClient(ctx, (spark) => spark.services.execute(uri!, { ...params, responseFormat: 'original' }));
          printResult(ctx.io, original);
          return;
        }
        const result: ExecuteResult = await withClient(ctx, (spark) => spark.services.execute(uri!, params));
        const outputs = Array.isArray(inputs) ? result.outputs : result.outputs[0];
        printResult(ctx.io, result, formatHuman(outputs ?? {}));
        const failed = reportRecords(ctx.io, result, Array.isArray(inputs));
        if (!ctx.io.json) {
          const time = result.process_time.reduce((a, b) => a + (Number(b) || 0), 0);
          note(ctx.io, `call id ${result.call_id ?? 'unknown'} · version ${result.version ?? '?'} · ${time} ms`);
        }
        return failed > 0 ? EXIT_API : EXIT_OK;
      }),
    );
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
