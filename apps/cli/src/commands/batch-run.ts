import type { Command } from 'commander';
import type { BatchRecordResult, BatchRunSummary } from '@spark/batches';
import { withClient, type CommandContext, type CliApp } from '../context.js';
import { EXIT_API, EXIT_OK, UsageError } from '../errors.js';
import { printResult } from '../output.js';
import { positiveNumber } from '../flags.js';
import { createProgress } from '../progress.js';
import { readRecords, recordFormat, type ReadRecordsOptions } from '../records-reader.js';
import { openResults, type ResultsWriter } from '../results-writer.js';

interface BatchFlags {
  input: string;
  output?: string;
  format?: string;
  columns?: string;
  chunkSize?: number;
  ordered?: boolean;
  progress: boolean;
}

/**
 * Registers `spark batch run <uri>`: streams a CSV, JSON or NDJSON file through a Spark
 * batch pipeline and writes one NDJSON line per record.
 *
 * @param program - the root command
 * @param app - the run state
 * @returns nothing
 * @example
 * // spark batch run my-folder/volume-cylinder --input records.csv --output results.ndjson
 * registerBatch(program, app);
 */
export function registerBatch(program: Command, app: CliApp): void {
  const batch = program.command('batch').description('run many records through a service');
  batch
    .command('run')
    .argument('<uri>', 'service: folder/service[version]')
    .description('run a file of records through a Spark batch pipeline; one NDJSON result line per record')
    .requiredOption('-i, --input <file>', 'records: .csv (header row), .json (array of objects) or .ndjson')
    .option('-o, --output <file>', 'NDJSON results file (default: stdout)')
    .option('--format <format>', 'csv, json or ndjson (default: from the extension)')
    .option('--columns <names>', 'CSV without a header row: comma-separated column names')
    .option('--chunk-size <n>', 'records per chunk (default 200)', positiveNumber)
    .option('--ordered', 'write results in input order (default: as chunks complete)')
    .option('--no-progress', 'no progress display on stderr')
    .addHelpText(
      'after',
      '\nEach output line is {"index":N,"outputs":{…}} or {"index":N,"error":{"kind","message"}};\n' +
        'the exit code is 1 when any record failed.\n\nExample:\n' +
        '  spark batch run my-folder/volume-cylinder --input records.csv --output results.ndjson',
    )
    .action(app.action<BatchFlags>((ctx, [uri], flags) => runBatchCommand(ctx, uri!, flags)));
}

async function runBatchCommand(ctx: CommandContext, uri: string, flags: BatchFlags): Promise<number> {
  if (flags.chunkSize !== undefined && !Number.isInteger(flags.chunkSize)) throw new UsageError('--chunk-size must be a whole number');
  const readOptions: ReadRecordsOptions = {
    format: recordFormat(flags.input, flags.format),
    ...(flags.columns !== undefined ? { columns: flags.columns.split(',').map((c) => c.trim()) } : {}),
  };
  const records = await readRecords(flags.input, readOptions);
  const tty = ctx.io.stderr.isTTY === true;
  const showProgress = flags.progress && !(ctx.io.json && flags.output === undefined);
  // A bar needs the total: count on a first pass (only for people watching a terminal).
  const total = showProgress && tty ? await countRecords(flags.input, readOptions) : undefined;
  const progress = createProgress((text) => ctx.io.stderr.write(text), { tty, columns: ctx.io.stderr.columns });
  const { runBatch } = await import('@spark/batches');
  const out = await open(flags.output, ctx);
  let summary: BatchRunSummary;
  try {
    summary = await withClient(ctx, async (client) => {
      const run = runBatch(client.spark, uri, records, {
        signal: ctx.signal,
        ...(flags.chunkSize !== undefined ? { chunkSize: flags.chunkSize } : {}),
        ...(flags.ordered ? { ordered: true } : {}),
        onProgress: showProgress
          ? (p) => progress.update({ completed: p.recordsCompleted, failed: p.recordsFailed, read: p.recordsRead, total, recordsPerSecond: p.recordsPerSecond })
          : undefined,
      });
      for await (const result of run) await out.write(`${JSON.stringify(toLine(result))}\n`);
      return run.summary;
    });
    await out.commit();
  } catch (error) {
    await out.abort();
    throw error;
  } finally {
    if (showProgress) progress.finish();
  }
  report(ctx, summary, out);
  return summary.recordsFailed > 0 ? EXIT_API : EXIT_OK;
}

function toLine(result: BatchRecordResult): Record<string, unknown> {
  if (result.error) {
    const { kind, message, details } = result.error;
    return { index: result.index, error: { kind, message, ...(details !== undefined ? { details } : {}) } };
  }
  return { index: result.index, outputs: result.outputs, ...(result.warnings ? { warnings: result.warnings } : {}) };
}

function report(ctx: CommandContext, summary: BatchRunSummary, out: ResultsWriter): void {
  const document = { ...summary, output: out.path ?? null };
  const seconds = (summary.durationMs / 1000).toFixed(1);
  const human =
    `${summary.recordsIn.toLocaleString('en-US')} records: ${summary.recordsOut.toLocaleString('en-US')} ok, ` +
    `${summary.recordsFailed.toLocaleString('en-US')} failed, ${summary.chunks} chunk${summary.chunks === 1 ? '' : 's'} in ${seconds} s ` +
    `(${Math.round(summary.recordsPerSecond).toLocaleString('en-US')} records/s)` +
    (out.path ? ` → ${out.path}` : '') +
    (summary.batchId ? ` [batch ${summary.batchId}]` : '');
  if (out.path === undefined) {
    // Results own stdout: the summary goes to stderr, as JSON when asked.
    ctx.io.stderr.write(`${ctx.io.json ? JSON.stringify(document) : human}\n`);
    return;
  }
  printResult(ctx.io, document, human);
}

async function open(path: string | undefined, ctx: CommandContext): Promise<ResultsWriter> {
  try {
    return await openResults(path, ctx.io.stdout);
  } catch (error) {
    throw new UsageError(`--output: cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

async function countRecords(path: string, options: ReadRecordsOptions): Promise<number> {
  let count = 0;
  for await (const _ of await readRecords(path, options)) count++;
  return count;
}
