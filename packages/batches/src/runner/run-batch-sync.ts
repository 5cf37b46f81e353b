import { type ServiceUri, type AnyServiceDescriptor, type ServiceDescriptor, type ServiceUriInput, type SparkCore } from '@spark/core';
import { executeService, type ExecuteMetaParams } from '@spark/services';
import { classifyFailure } from './errors.js';
import type { RecordInput, RecordSource, SourceChunk } from './record-source.js';
import { toRecordResults } from './record-results.js';
import { ChunkIds } from './run-chunk-ids.js';
import { messageOf, type RunContext } from './run-context.js';
import { RunBatchSyncOptionsSchema } from './run-options.js';
import { startRun } from './start-run.js';
import type { BatchRun, RunBatchCommonOptions } from './run-types.js';
import { sleep } from '@spark/core/wire';
import { backoff } from './backoff.js';
import type { BatchRecord } from '../tabulate.js';

const OPERATION = 'batches.runSync';
const META_KEYS = [
  'callPurpose', 'activeSince', 'sourceSystem', 'correlationId', 'subservices', 'selectedOutputs', 'tablesAsArray',
  'outputsFilter', 'compilerType', 'debugSolve', 'echoInputs', 'downloadable', 'extras',
] as const satisfies readonly (keyof ExecuteMetaParams)[];

/** Options of {@link runBatchSync}: the runner options plus v4 execution metadata. */
export interface RunBatchSyncOptions extends RunBatchCommonOptions, ExecuteMetaParams {
  /** Chunks executed at the same time (default 4). */
  concurrency?: number;
  /** Per-request timeout in ms (default: the client's). */
  requestTimeout?: number;
}

/**
 * The synchronous alternative to {@link runBatch} for small and medium volumes: records go
 * through v4 `executeService` in chunks of `chunkSize`, `concurrency` requests at a time, with
 * the same iterator, ordering, bounds, retries, progress and summary. No pipeline is created.
 *
 * @param core - a client from `createClient()`
 * @param uri - the service locator
 * @param records - objects, or rows (header row first unless `headers`); array, iterable or async iterable
 * @param options - chunking, concurrency, ordering, retries, signal, progress and execution metadata
 * @returns a {@link BatchRun}
 *
 * @example
 * const run = runBatchSync(spark, 'my-folder/volume-cylinder', records, { chunkSize: 100, concurrency: 8, ordered: true });
 * for await (const r of run) console.log(r.index, r.outputs ?? r.error);
 */
export function runBatchSync<I extends object, O>(
  core: SparkCore,
  uri: ServiceDescriptor<I, O>,
  records: RecordInput<NoInfer<I>> | RecordInput<readonly unknown[]>,
  options?: RunBatchSyncOptions,
): BatchRun<O>;
export function runBatchSync<I extends BatchRecord = Record<string, unknown>, O = Record<string, unknown>>(
  core: SparkCore,
  uri: ServiceUriInput,
  records: RecordInput<I>,
  options?: RunBatchSyncOptions,
): BatchRun<O>;
export function runBatchSync<O>(
  core: SparkCore,
  uri: ServiceUriInput | AnyServiceDescriptor,
  records: RecordInput<unknown>,
  options: RunBatchSyncOptions = {},
): BatchRun<O> {
  return startRun<O>(core, uri, records, options, RunBatchSyncOptionsSchema, OPERATION, (locator, source, ctx) => drive(core, locator, source, options, ctx));
}

/**
 * Alias of {@link runBatchSync}, named like the Python SDK's synchronous batch execution.
 * (`@alias` tells knip the second name is meant; TypeDoc reports the tag as unknown.)
 * @alias
 */
export const executeBatchSync: typeof runBatchSync = runBatchSync;

async function drive(core: SparkCore, locator: ServiceUri, source: RecordSource, options: RunBatchSyncOptions, ctx: RunContext<unknown>): Promise<void> {
  const { chunkSize, maxRetries, retryDelay } = ctx.settings;
  const { concurrency = 4, requestTimeout } = options;
  const meta: Record<string, unknown> = {};
  for (const key of META_KEYS) if (options[key] !== undefined) meta[key] = options[key];
  const ids = new ChunkIds();
  const signal = ctx.signal;
  let reserved = 0;
  let nextSeq = 0;
  let gate: Promise<unknown> = Promise.resolve();
  // One reader at a time: wait for room (results buffered + requests in flight) and the ordering
  // window, then read the next chunk.
  const acquire = (): Promise<SourceChunk | undefined> => {
    const next = gate.then(async () => {
      await ctx.room.until(() => ctx.hasRoom(reserved + chunkSize) && ctx.windowAllows(nextSeq), signal, 500);
      const chunk = await source.next(chunkSize, signal);
      if (chunk) {
        reserved += chunk.records.length;
        nextSeq = chunk.seq + 1;
        ctx.progress.recordsRead = source.recordsRead;
      }
      return chunk;
    });
    gate = next.catch(() => undefined);
    return next;
  };
  const worker = async (): Promise<void> => {
    for (let chunk = await acquire(); chunk && !signal.aborted; chunk = await acquire()) {
      const { seq, start, records, headers } = chunk;
      const chunkId = ids.id(seq);
      const inputs = headers ? records.map((row) => toObject(headers, row as unknown[])) : (records as Record<string, unknown>[]);
      ctx.progress.chunksSubmitted++;
      ctx.progress.recordsSubmitted += records.length;
      ctx.progress.chunksInFlight++;
      try {
        for (let attempt = 0; ; attempt++) {
          try {
            const result = await executeService(core, locator, { ...meta, inputs, signal, timeout: requestTimeout, maxResponseBytes: ctx.settings.maxResponseBytes });
            ctx.deliver(seq, toRecordResults(result, start, records.length, chunkId));
            break;
          } catch (error) {
            if (signal.aborted) return;
            const action = classifyFailure(error);
            if (action === 'fatal') return ctx.fail(error);
            if (action === 'retry' && attempt < maxRetries) {
              ctx.progress.retries++;
              await sleep(backoff(attempt + 1, retryDelay, 10_000), [signal]);
              continue;
            }
            ctx.failChunk(seq, start, records.length, chunkId, error);
            core.config.logger.warn(`${OPERATION}: chunk ${chunkId} failed: ${messageOf(error)}`);
            break;
          }
        }
      } finally {
        reserved -= records.length;
        ctx.progress.chunksInFlight--;
        ctx.progress.emit();
        ctx.room.notify();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, () => worker().catch((error: unknown) => ctx.fail(error))));
  } finally {
    if (!source.done) await source.close();
  }
}

function toObject(headers: readonly string[], row: readonly unknown[]): Record<string, unknown> {
  if (!Array.isArray(row)) return row as unknown as Record<string, unknown>;
  const record: Record<string, unknown> = {};
  for (let i = 0; i < headers.length; i++) record[headers[i] as string] = row[i];
  return record;
}
