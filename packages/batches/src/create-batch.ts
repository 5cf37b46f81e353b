import { formatServiceUri, parseParams, parseServiceUri, SparkSdkError, type ServiceUri, type ServiceUriInput, type SparkCore, requireCore } from '@spark/core';
import { CreateBatchParamsSchema, type CreateBatchParams } from './create-batch-params.js';
import type { BatchInfo } from './types.js';
import { SOURCE_SYSTEM, joinList, toIsoDate, pickCallOptions } from '@spark/core/wire';

const OPERATION = 'batches.create';

/**
 * Creates an async batch pipeline for one service version (`POST api/v4/batch`). Feed it with
 * `batchPipeline(core, id).push(…)`, drain it with `pull()`, close it with `dispose()` — or let
 * {@link runBatch} do all of that.
 *
 * @param core - a client from `createClient()`
 * @param uri - `folder/service[version]`, `service/{id}`, `version/{id}` or a locator object
 * @param params - execution metadata and (experimental) worker/buffer tuning
 * @returns the batch object; its `id` names the pipeline
 *
 * @example
 * const batch = await createBatch(spark, 'my-folder/volume-cylinder', { accuracy: 0.99, maxRunners: 20 });
 * const pipeline = batchPipeline(spark, batch.id);
 */
export async function createBatch(core: SparkCore, uri: ServiceUriInput, params: CreateBatchParams = {}): Promise<BatchInfo> {
  requireCore(core, OPERATION);
  const locator = parseServiceUri(uri);
  const options = parseParams(CreateBatchParamsSchema, params, OPERATION) as CreateBatchParams;
  const response = await core.request<BatchInfo>({
    operation: OPERATION,
    method: 'POST',
    path: 'api/v4/batch',
    json: createBatchBody(locator, options),
    attributes: { 'spark.service.uri': formatServiceUri(locator) },
    ...pickCallOptions(options),
  });
  return response.data;
}

/**
 * The JSON body of a batch creation (undefined entries stripped, `extras` merged last).
 *
 * @param uri - a parsed locator (`parseServiceUri`)
 * @param options - the creation options
 * @returns the body {@link createBatch} sends
 *
 * @example
 * createBatchBody({ folder: 'f', service: 's' }, { accuracy: 0.9 })
 * // { service: 'f/s', call_purpose: 'Async Batch Execution', source_system: 'Spark TypeScript SDK', acceptable_error_percentage: 10 }
 */
function createBatchBody(uri: ServiceUri, options: CreateBatchParams): Record<string, unknown> {
  if (uri.proxy) throw new SparkSdkError(`${OPERATION}: a proxy locator cannot address a batch; use folder/service, service/{id} or version/{id}`, { cause: uri });
  if (options.minRunners !== undefined && options.maxRunners !== undefined && options.minRunners > options.maxRunners) {
    throw new SparkSdkError(`${OPERATION}: "minRunners" (${options.minRunners}) must not exceed "maxRunners" (${options.maxRunners})`);
  }
  // Like the Python SDK, `service` is omitted when only a version id locates the service (TS sent "").
  const service = uri.serviceId ?? (uri.folder && uri.service ? formatServiceUri({ folder: uri.folder, service: uri.service, version: uri.version }) : undefined);
  const body: Record<string, unknown> = {
    service,
    version_id: uri.versionId,
    version_by_timestamp: options.activeSince === undefined ? undefined : toIsoDate(options.activeSince, 'activeSince', OPERATION),
    subservice: joinList(options.subservices),
    output: joinList(options.selectedOutputs),
    call_purpose: options.callPurpose?.trim() || 'Async Batch Execution',
    source_system: options.sourceSystem ?? SOURCE_SYSTEM,
    correlation_id: options.correlationId,
    unique_record_key: joinList(options.uniqueRecordKey),
    initial_workers: options.minRunners,
    max_workers: options.maxRunners,
    chunks_per_request: options.chunksPerVm,
    runner_thread_count: options.runnersPerVm,
    // The official SDKs disagree (PY `max_input_size_in_mb`, TS `max_input_size`), so by the
    // wire rule the Postman collection decides: `max_input_in_mb` / `max_output_in_mb`, which PY's
    // changelog also names (contract §9, §13). Keep these names unless Postman changes.
    max_input_in_mb: options.maxInputSize,
    max_output_in_mb: options.maxOutputSize,
    acceptable_error_percentage: errorPercentage(options.accuracy),
    ...options.extras,
  };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}

/**
 * `ceil((1 - accuracy) * 100)`, always sent (0 by default). Accuracy 0 means "any error rate"
 * (100), as the TS SDK does; the Python SDK's `accuracy or 1` turns 0 into 1 by accident.
 * Rounded first so float noise cannot bump 0.7 → 31.
 */
function errorPercentage(accuracy: number | undefined): number {
  const a = Math.min(accuracy ?? 1, 1);
  return Math.ceil(Number(((1 - a) * 100).toFixed(6)));
}
