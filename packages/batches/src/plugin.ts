import type { ServiceDescriptor, ServiceUriInput, SparkCore, SparkPlugin, CallOptions } from '@spark/core';
import { createBatch } from './create-batch.js';
import type { CreateBatchParams } from './create-batch-params.js';
import { describeBatches } from './describe-batches.js';
import { Pipeline } from './pipeline/pipeline.js';
import type { RecordInput } from './runner/record-source.js';
import { runBatch } from './runner/run-batch.js';
import { runBatchSync, type RunBatchSyncOptions } from './runner/run-batch-sync.js';
import type { BatchRun, RunBatchOptions } from './runner/run-types.js';
import type { BatchRecord } from './tabulate.js';
import type { BatchesDescription, BatchInfo } from './types.js';

/** The `batches` namespace of a client (parity with the Python SDK's `BatchesApi`, plus the runners). */
export interface BatchesApi {
  /** See {@link describeBatches}. */
  describe(options?: CallOptions): Promise<BatchesDescription>;
  /** See {@link createBatch}. */
  create(uri: ServiceUriInput, params?: CreateBatchParams): Promise<BatchInfo>;
  /** A {@link Pipeline} handle on an existing batch (no HTTP call). */
  of(batchId: string): Pipeline;
  /** See {@link runBatch}. */
  run<I extends object, O>(service: ServiceDescriptor<I, O>, records: RecordInput<NoInfer<I>> | RecordInput<readonly unknown[]>, options?: RunBatchOptions): BatchRun<O>;
  run<I extends BatchRecord = Record<string, unknown>, O = Record<string, unknown>>(uri: ServiceUriInput, records: RecordInput<I>, options?: RunBatchOptions): BatchRun<O>;
  /** See {@link runBatchSync}. */
  runSync<I extends object, O>(
    service: ServiceDescriptor<I, O>,
    records: RecordInput<NoInfer<I>> | RecordInput<readonly unknown[]>,
    options?: RunBatchSyncOptions,
  ): BatchRun<O>;
  runSync<I extends BatchRecord = Record<string, unknown>, O = Record<string, unknown>>(uri: ServiceUriInput, records: RecordInput<I>, options?: RunBatchSyncOptions): BatchRun<O>;
}

/** Binds the batches operations to one client. */
export function createBatchesApi(core: SparkCore): BatchesApi {
  return {
    describe: (options) => describeBatches(core, options),
    create: (uri, params) => createBatch(core, uri, params),
    of: (batchId) => new Pipeline(core, batchId),
    run: ((uri: ServiceUriInput, records: RecordInput<BatchRecord>, options?: RunBatchOptions) => runBatch(core, uri, records, options)) as BatchesApi['run'],
    runSync: ((uri: ServiceUriInput, records: RecordInput<BatchRecord>, options?: RunBatchSyncOptions) =>
      runBatchSync(core, uri, records, options)) as BatchesApi['runSync'],
  };
}

/**
 * The batches plugin: `createClient(opts).use(batches)` adds `client.batches`.
 *
 * @example
 * const spark = createClient({ baseUrl, auth: apiKey(key) }).use(batches);
 * const batch = await spark.batches.create('my-folder/volume-cylinder');
 * const pipeline = spark.batches.of(batch.id);
 */
export const batches: SparkPlugin<'batches', BatchesApi> = { key: 'batches', create: createBatchesApi };
