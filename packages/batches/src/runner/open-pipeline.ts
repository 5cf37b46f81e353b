import { type ServiceUri, type SparkCore } from '@spark/core';
import { abortable } from '@spark/core/wire';
import { createBatch } from '../create-batch.js';
import { disposeBatch, type DisposeState } from '../pipeline/dispose-batch.js';
import type { CreateBatchParams } from '../create-batch-params.js';
import type { BatchInfo } from '../types.js';
import type { RunContext } from './run-context.js';

/**
 * Creates a run's pipeline. The create request does not take the run's signal: once Spark has
 * made a pipeline, its id must come back for the pipeline to be released. An abort still ends
 * the wait at once; the pipeline, when Spark's answer arrives, is then cancelled.
 *
 * @example
 * const batch = await openPipeline(core, locator, options.create, ctx, timeout);
 */
export async function openPipeline(core: SparkCore, locator: ServiceUri, params: CreateBatchParams | undefined, ctx: RunContext<unknown>, timeout: number | undefined): Promise<BatchInfo> {
  const creating = createBatch(core, locator, { ...params, timeout, maxResponseBytes: ctx.settings.maxResponseBytes });
  try {
    return await abortable(creating, ctx.signal);
  } catch (error) {
    if (ctx.signal.aborted) void creating.then((batch) => releasePipeline(core, batch.id, 'cancelled', ctx, timeout), () => undefined);
    throw error;
  }
}

/**
 * Closes or cancels a run's pipeline, whatever the run's signal says (the pipeline must be
 * released after an abort too); a failure is logged, not thrown.
 *
 * @example
 * await releasePipeline(core, batch.id, 'cancelled', ctx, timeout);
 */
export function releasePipeline(core: SparkCore, id: string, state: DisposeState, ctx: RunContext<unknown>, timeout: number | undefined): Promise<void> {
  return disposeBatch(core, id, state, { timeout: timeout ?? 30_000, maxResponseBytes: ctx.settings.maxResponseBytes }).then(
    () => undefined,
    (error: unknown) => core.config.logger.warn(`could not ${state === 'closed' ? 'close' : 'cancel'} batch pipeline ${id}: ${(error as Error).message}`),
  );
}
