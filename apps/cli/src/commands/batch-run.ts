import type { Command } from 'commander';
import { runBatchJob, type BatchFlags } from '../batch/run-job.js';
import type { CliApp } from '../context.js';
import { positiveNumber } from '../flags.js';

/**
 * Registers `spark batch run <uri>`: streams CSV, JSON or NDJSON records (a file or stdin)
 * through a Spark batch pipeline and writes one result per record (NDJSON, JSON or CSV; a
 * file or stdout), surviving Ctrl-C and crashes (`--resume`).
 *
 * @param program - the root command
 * @param app - the run state
 * @returns nothing
 * @example
 * // spark batch run my-folder/volume-cylinder --input records.csv --output results.csv
 * registerBatch(program, app);
 */
export function registerBatch(program: Command, app: CliApp): void {
  const batch = program.command('batch').description('run many records through a service');
  batch
    .command('run')
    .argument('<uri>', 'service: folder/service[version]')
    .description('run records through a Spark batch pipeline; one result per record')
    .requiredOption('-i, --input <file>', 'records: .csv (header row), .json (array of objects), .ndjson, or - for stdin')
    .option('-o, --output <file>', 'results: .ndjson, .json or .csv, or - for stdout (default: stdout)')
    .option('--format <format>', 'output format: csv, json or ndjson (default: from the extension; stdout: ndjson)')
    .option('--input-format <format>', 'input format: csv, json or ndjson (default: from the extension; stdin: ndjson)')
    .option('--columns <names>', 'CSV input without a header row: comma-separated column names')
    .option('--chunk-size <n>', 'records per chunk (default 200)', positiveNumber)
    .option('--ordered', 'write results in input order (default: as chunks complete)')
    .option('--resume', 'continue an interrupted run: skip the records already answered in --output, append the rest')
    .option('--force', 'replace --output if it exists (default: refuse)')
    .option('--no-progress', 'no progress display on stderr')
    .addHelpText(
      'after',
      '\nResults: NDJSON/JSON {"index":N,"outputs":{…}} or {"index":N,"error":{"kind","message"}};\n' +
        'CSV: index, the input columns, the output columns, error. index is the record\'s position in the input.\n' +
        'Exit code 1 when any record failed. Ctrl-C (or SIGTERM) cancels the pipeline on Spark, keeps every\n' +
        'result received and prints the command that resumes the run (exit 130; 143 after SIGTERM);\n' +
        'a second Ctrl-C exits at once.\n\nExamples:\n' +
        '  spark batch run my-folder/volume-cylinder --input records.csv --output results.csv\n' +
        '  spark batch run my-folder/volume-cylinder --input records.csv --output results.csv --resume\n' +
        '  cat records.ndjson | spark batch run my-folder/volume-cylinder --input - --output - > results.ndjson',
    )
    .action(app.action<BatchFlags>((ctx, [uri], flags) => runBatchJob(ctx, uri!, flags)));
}
