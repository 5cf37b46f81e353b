import { parseServiceUri, requireCore, type AnyServiceDescriptor, type ServiceUri, type ServiceUriInput, type SparkCore } from '@spark/core';
import type * as v from 'valibot';
import { createBatchRun } from './create-batch-run.js';
import { RecordSource, type RecordInput } from './record-source.js';
import { RunContext } from './run-context.js';
import { resolveSettings } from './run-options.js';
import type { BatchRun, RunBatchCommonOptions } from './run-types.js';

/**
 * The set-up both runners share: the client and options are checked and the service located
 * before anything is read or sent; the returned run starts `drive` on its first use.
 *
 * @param core - the client
 * @param uri - the service
 * @param records - the caller's records
 * @param options - the caller's options (checked against `schema`)
 * @param schema - the runner's options schema
 * @param operation - operation id used in error messages
 * @param drive - reads `source` and reports into `ctx` until the run is over
 * @returns the {@link BatchRun}
 * @example
 * return startRun(core, uri, records, options, RunBatchOptionsSchema, 'batches.run', (locator, source, ctx) => drive(core, locator, source, options, ctx));
 */
export function startRun<O>(
  core: SparkCore,
  uri: ServiceUriInput | AnyServiceDescriptor,
  records: RecordInput<unknown>,
  options: RunBatchCommonOptions,
  schema: v.GenericSchema,
  operation: string,
  drive: (locator: ServiceUri, source: RecordSource, ctx: RunContext<unknown>) => Promise<void>,
): BatchRun<O> {
  requireCore(core, operation);
  const settings = resolveSettings(schema, options, operation);
  const locator = parseServiceUri(uri);
  const source = new RecordSource(records, settings.headers, operation);
  const ctx = new RunContext<O>(settings, options.onProgress);
  return createBatchRun(ctx, options.signal, () => drive(locator, source, ctx as RunContext<unknown>));
}
