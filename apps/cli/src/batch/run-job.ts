import { resolve } from 'node:path';
import type { BatchRecordResult, BatchRun } from '@spark/batches';
import { withClient, type CommandContext } from '../context.js';
import { EXIT_API, EXIT_OK, UsageError } from '../errors.js';
import { createProgress } from '../progress.js';
import { readRecords, recordFormat, type ReadRecordsOptions } from '../records-reader.js';
import { interruptedExitCode } from '../signals.js';
import { InputTracker } from './input-tracker.js';
import { readLedger } from './ledger.js';
import { openOutput } from './output-file.js';
import { createSink } from './result-sink.js';
import type { ResultLine } from './result-types.js';
import { printReport, resumeCommand, type BatchReport } from './run-report.js';

/** The flags of `spark batch run`. */
export interface BatchFlags {
  input: string;
  output?: string;
  format?: string;
  inputFormat?: string;
  columns?: string;
  chunkSize?: number;
  ordered?: boolean;
  resume?: boolean;
  force?: boolean;
  progress: boolean;
}

/**
 * Runs `spark batch run`: reads the input, skips what `--resume` finds already answered in the
 * output file, streams the rest through `runBatch`, writes each result as it arrives, and on
 * Ctrl-C lets the runner cancel the pipeline on Spark (the client stays open until it has),
 * keeps every result received, and says how to resume.
 *
 * @param ctx - the command context
 * @param uri - the service
 * @param flags - the command's flags
 * @returns the exit code: 0, 1 when a record failed, 130/143 when interrupted
 * @example
 * const code = await runBatchJob(ctx, 'my-folder/volume-cylinder', { input: 'in.csv', output: 'out.csv', progress: true });
 */
export async function runBatchJob(ctx: CommandContext, uri: string, flags: BatchFlags): Promise<number> {
  if (flags.chunkSize !== undefined && !Number.isInteger(flags.chunkSize)) throw new UsageError('--chunk-size must be a whole number');
  const toStdout = flags.output === undefined || flags.output === '-';
  const path = toStdout ? undefined : resolve(flags.output!);
  const outputFormat = recordFormat(flags.output ?? '-', flags.format, '--format');
  if (flags.resume && toStdout) throw new UsageError('--resume needs --output <file>: that file is the record of what is already done');
  if (flags.resume && flags.force) throw new UsageError('use --resume (continue the file) or --force (start it over), not both');
  if (flags.input === '-' && ctx.flags.apiKeyStdin) throw new UsageError('--input - and --api-key-stdin both read stdin: set CSPARK_API_KEY instead');
  const readOptions: ReadRecordsOptions = {
    format: recordFormat(flags.input, flags.inputFormat, '--input-format'),
    ...(flags.columns !== undefined ? { columns: flags.columns.split(',').map((c) => c.trim()) } : {}),
  };
  const records = await readRecords(flags.input, readOptions);
  const ledger = flags.resume && path ? await readLedger(path, outputFormat) : undefined;
  const tty = ctx.io.stderr.isTTY === true;
  const showProgress = flags.progress && !(ctx.io.json && toStdout);
  // A bar needs the total: count a file on a first pass (only for people watching a terminal).
  const total = showProgress && tty && flags.input !== '-' ? await countRecords(flags.input, readOptions) : undefined;
  const out = await openOutput(path, ledger ? { kind: 'append', keepBytes: ledger.keepBytes } : { kind: flags.force ? 'replace' : 'new' }, ctx.io.stdout);
  if (ledger) {
    const torn = ledger.tornBytes > 0 ? ` (dropped a torn last line of ${ledger.tornBytes} bytes)` : '';
    ctx.io.stderr.write(`resuming: ${ledger.done.size.toLocaleString('en-US')} records already answered in ${path}${torn}\n`);
  }
  const tracker = new InputTracker(ledger?.done, outputFormat === 'csv');
  const sink = createSink(out, outputFormat, { ...(ledger ? { ledger } : {}), inputColumns: () => tracker.columns() });
  const stderr = ctx.io.stderr as NodeJS.WriteStream;
  const progress = createProgress((text) => stderr.write(text), { tty, columns: () => stderr.columns });
  const onResize = () => progress.redraw();
  if (tty) stderr.on?.('resize', onResize);
  const counts = { ok: 0, failed: 0 };
  const before = { done: ledger?.done.size ?? 0, failed: ledger?.failed ?? 0 };
  let run: BatchRun | undefined;
  let failure: unknown;
  const started = Date.now();
  try {
    await withClient(ctx, async (client) => {
      const { runBatch } = await import('@spark/batches');
      run = runBatch(client.spark, uri, tracker.records(records), {
        signal: ctx.signal,
        ...(flags.chunkSize !== undefined ? { chunkSize: flags.chunkSize } : {}),
        ...(flags.ordered ? { ordered: true } : {}),
        onProgress: showProgress
          ? (p) => progress.update({
            completed: before.done + p.recordsCompleted, failed: before.failed + p.recordsFailed, read: tracker.read,
            total, recordsPerSecond: p.recordsPerSecond, retries: p.retries,
          })
          : undefined,
      });
      // The iterator ends (or throws) only after the runner closed or cancelled the pipeline.
      // A chunk's results at a time: one await per chunk, not per record, on the runner's side.
      for await (const results of run.chunks()) {
        for (const result of results) {
          await sink.write(toLine(result, tracker));
          if (result.error) counts.failed++;
          else counts.ok++;
        }
      }
    });
  } catch (error) {
    failure = error;
  } finally {
    if (showProgress) progress.finish();
    if (tty) stderr.removeListener?.('resize', onResize);
    // Stop reading stdin, so that it does not keep the process alive.
    if (flags.input === '-') process.stdin.destroy();
  }
  const written = counts.ok + counts.failed;
  if (failure !== undefined && written === 0 && !ledger) {
    // Nothing to keep: no empty file is left to block the next run.
    await out.discard();
    throw failure;
  }
  await sink.end();
  const interrupted = failure !== undefined;
  const elapsed = Date.now() - started;
  const p = run?.progress;
  const report: BatchReport = {
    recordsIn: p?.recordsRead ?? 0,
    recordsOut: counts.ok,
    recordsFailed: counts.failed,
    recordsSkipped: tracker.skipped,
    chunks: p?.chunksSubmitted ?? 0,
    retries: p?.retries ?? 0,
    durationMs: elapsed,
    recordsPerSecond: written / Math.max(elapsed / 1000, 0.001),
    batchId: p?.batchId ?? null,
    output: path ?? null,
    interrupted,
    resume: interrupted && path ? resumeCommand(ctx.argv) : null,
  };
  printReport(ctx, report);
  if (failure !== undefined && !ctx.signal.aborted) throw failure;
  if (interrupted) return interruptedExitCode(ctx.signal);
  return counts.failed + before.failed > 0 ? EXIT_API : EXIT_OK;
}

function toLine(result: BatchRecordResult, tracker: InputTracker): ResultLine {
  const { index, inputs } = tracker.take(result.index);
  const base = inputs !== undefined ? { index, inputs } : { index };
  if (result.error) {
    const { kind, message, details } = result.error;
    return { ...base, error: { kind, message, ...(details !== undefined ? { details } : {}) } };
  }
  return { ...base, outputs: result.outputs, ...(result.warnings !== undefined ? { warnings: result.warnings } : {}) };
}

async function countRecords(path: string, options: ReadRecordsOptions): Promise<number> {
  let count = 0;
  for await (const _ of await readRecords(path, options)) count++;
  return count;
}
