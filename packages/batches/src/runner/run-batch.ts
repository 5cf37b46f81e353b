import { type ServiceUri, type AnyServiceDescriptor, type ServiceDescriptor, type ServiceUriInput, type SparkCore } from '@spark/core';
import type { DisposeState } from '../pipeline/dispose-batch.js';
import { getBatchStatus } from '../pipeline/get-batch-status.js';
import { pullBatchResults } from '../pipeline/pull-batch-results.js';
import { FlightTable } from './flight-table.js';
import { openPipeline, releasePipeline } from './open-pipeline.js';
import { poll } from './poller.js';
import { produce } from './producer.js';
import { Pusher } from './pusher.js';
import type { RecordInput, RecordSource, SourceChunk } from './record-source.js';
import { ChunkIds } from './run-chunk-ids.js';
import type { RunContext } from './run-context.js';
import { RunBatchOptionsSchema } from './run-options.js';
import { startRun } from './start-run.js';
import type { BatchRun, RunBatchOptions } from './run-types.js';
import { tabulate, type BatchRecord } from '../tabulate.js';

const OPERATION = 'batches.run';

/**
 * Runs records through an async batch pipeline and streams one result per record as chunks
 * complete: creates the pipeline, pushes chunks within Spark's input buffer and
 * `maxChunksInFlight`, polls adaptively, retries failed chunks (same chunk id, so Spark
 * deduplicates), re-submits chunks whose results were lost, drops duplicate results, and always
 * closes the pipeline (or cancels it on error, abort or an early `break`).
 *
 * Memory stays bounded whatever the input size: input is read only when it can be sent, and at
 * most `maxBufferedResults` results wait client-side. Every input record yields exactly one
 * result — `outputs`, or an `error` (model error, or its chunk failed after `maxRetries`) —
 * unless the run fails as a whole (abort, lost credentials, pipeline gone), in which case the
 * iterator throws after the results it already had, and `summary` rejects.
 *
 * @param core - a client from `createClient()`
 * @param uri - the service: `folder/service[version]`, `service/{id}`, `version/{id}`, a locator object, or a typed
 *   descriptor from `defineService()` / `spark types` (records and results then typed)
 * @param records - objects, or rows (header row first unless `headers`); array, iterable or async iterable
 * @param options - chunking, ordering, bounds, retries, polling, signal, progress, pipeline creation
 * @returns a {@link BatchRun}: iterate it for results, await `summary` for the totals
 *
 * @example
 * const run = runBatch<{ x: number }, { y: number }>(spark, 'batch/double', records, { chunkSize: 500, signal, onProgress: console.log });
 * for await (const r of run) {
 *   if (r.error) console.error(r.index, r.error.message);
 *   else save(r.index, r.outputs.y);
 * }
 * const { recordsOut, recordsFailed, recordsPerSecond } = await run.summary;
 */
export function runBatch<I extends object, O>(
  core: SparkCore,
  uri: ServiceDescriptor<I, O>,
  records: RecordInput<NoInfer<I>> | RecordInput<readonly unknown[]>,
  options?: RunBatchOptions,
): BatchRun<O>;
export function runBatch<I extends BatchRecord = Record<string, unknown>, O = Record<string, unknown>>(
  core: SparkCore,
  uri: ServiceUriInput,
  records: RecordInput<I>,
  options?: RunBatchOptions,
): BatchRun<O>;
export function runBatch<O>(
  core: SparkCore,
  uri: ServiceUriInput | AnyServiceDescriptor,
  records: RecordInput<unknown>,
  options: RunBatchOptions = {},
): BatchRun<O> {
  return startRun<O>(core, uri, records, options, RunBatchOptionsSchema, OPERATION, (locator, source, ctx) => drive(core, locator, source, options, ctx));
}

async function drive(core: SparkCore, locator: ServiceUri, source: RecordSource, options: RunBatchOptions, ctx: RunContext<unknown>): Promise<void> {
  try {
    const first = await source.next(ctx.settings.chunkSize, ctx.signal);
    // Nothing to run: no pipeline is created. Bad records in the first chunk fail before one is.
    if (!first) return;
    tabulate(first.records, first.headers, OPERATION);
    const batch = await openPipeline(core, locator, options.create, ctx, options.requestTimeout);
    ctx.progress.batchId = batch.id;
    await runPipeline(core, batch.id, source, first, options, ctx);
  } finally {
    // Every way out closes the input (a file stream, a cursor): the end, a failure, an abort, a
    // `break`, and those before the pipeline exists.
    if (!source.done) await source.close();
  }
}

/** Pushes and polls until every record has its result, then closes the pipeline (cancels it on failure). */
async function runPipeline(core: SparkCore, batchId: string, source: RecordSource, first: SourceChunk, options: RunBatchOptions, ctx: RunContext<unknown>): Promise<void> {
  const timeout = options.requestTimeout;
  let state: DisposeState = 'cancelled';
  try {
    const flights = new FlightTable();
    // Nothing is pushed yet: this status is exact.
    flights.observe(await getBatchStatus(core, batchId, { signal: ctx.signal, timeout, maxResponseBytes: ctx.settings.maxResponseBytes }), 0);
    const pusher = new Pusher(core, batchId, flights, ctx, timeout);
    const ids = new ChunkIds();
    let producing = true;
    const producer = produce(ctx, {
      source, first, flights, pusher, ids,
      maxChunksInFlight: options.maxChunksInFlight ?? 16,
      pushConcurrency: options.pushConcurrency ?? 4,
      parameters: options.parameters,
      summary: options.summary,
    })
      .catch((error: unknown) => ctx.fail(error))
      .finally(() => {
        producing = false;
        ctx.changed.notify();
      });
    const poller = poll(ctx, {
      batchId, flights, pusher, ids,
      pull: (max) => pullBatchResults(core, batchId, { maxChunks: max, signal: ctx.signal, timeout, maxResponseBytes: ctx.settings.maxResponseBytes }),
      producerDone: () => !producing,
      pullMax: options.pullMax ?? 100,
      minPollInterval: options.minPollInterval ?? 25,
      maxPollInterval: options.maxPollInterval ?? 2_000,
      chunkTimeout: options.chunkTimeout ?? 300_000,
    }).catch((error: unknown) => ctx.fail(error));
    await Promise.all([producer, poller]);
    await pusher.idle();
    if (ctx.failure) throw ctx.failure.error;
    state = 'closed';
  } finally {
    await releasePipeline(core, batchId, state, ctx, timeout);
  }
}
