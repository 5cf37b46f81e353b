import { formatServiceUri, parseParams, parseServiceUri, requireCore, servicePath, type AnyServiceDescriptor, type ServiceDescriptor, type ServiceUri, type SparkCore, type SparkResponse, type ServiceUriInput } from '@spark/core';
import { pickCallOptions } from '@spark/core/wire';
import { v3Meta, v4Meta } from './execute-body.js';
import { ExecuteParamsSchema, type ExecuteParams, type TypedExecuteParams } from './execute-params.js';
import type { ExecuteResult, ExecuteV3Original } from './execute-types.js';
import { normaliseInputs } from './normalise-inputs.js';
import { checkTypedInputs } from './typed-inputs.js';

const OPERATION = 'services.execute';

/**
 * The parsed locator, string form and v3 path of string URIs already executed (256 at most,
 * emptied when full): applications call the same few services again and again, and parsing,
 * formatting and encoding them took ~1.5 µs and 2 KB per call. A string that fails never gets
 * here, so errors come as before.
 */
const SEEN = new Map<string, [ServiceUri, string, string]>();

/**
 * Executes a Spark service: one record through the v3 API, many records (an array) through
 * v4 in a single request. By default both come back in one shape (`alike`), with one entry
 * per record in `outputs`.
 *
 * @param core - a client from `createClient()` (or any client with the services plugin)
 * @param uri - `folder/service[version]`, `service/{id}`, `version/{id}`, `proxy/{path}`, a locator object,
 *   or a typed descriptor from `defineService()` / `spark types` (inputs then checked by the compiler)
 * @param params - inputs and execution metadata
 * @returns the alike result, or Spark's response as is with `responseFormat: 'original'`
 *
 * @example
 * const { outputs } = await executeService<{ radius: number; height: number }, { volume: number }>(
 *   spark, 'my-folder/volume-cylinder', { inputs: { radius: 2, height: 3 } });
 * console.log(outputs[0].volume); // 37.699…
 *
 * // typed by a descriptor (see `@spark/codegen`): wrong inputs do not compile
 * const typed = await executeService(spark, volumeCylinder, { inputs: { radius: 2, height: 3 } });
 */
export function executeService<I extends object, O>(
  core: SparkCore,
  uri: ServiceDescriptor<I, O>,
  params?: TypedExecuteParams<NoInfer<I>> & { responseFormat?: 'alike' },
): Promise<ExecuteResult<O>>;
export function executeService<I extends object, O>(
  core: SparkCore,
  uri: ServiceDescriptor<I, O>,
  params: TypedExecuteParams<NoInfer<I>> & { responseFormat: 'original' },
): Promise<ExecuteV3Original<O> | Record<string, unknown>>;
export function executeService<I extends object = Record<string, unknown>, O = Record<string, unknown>>(
  core: SparkCore,
  uri: ServiceUriInput,
  params?: ExecuteParams<I> & { responseFormat?: 'alike' },
): Promise<ExecuteResult<O>>;
export function executeService<I extends object = Record<string, unknown>, O = Record<string, unknown>>(
  core: SparkCore,
  uri: ServiceUriInput,
  params: ExecuteParams<I> & { responseFormat: 'original' },
): Promise<ExecuteV3Original<O> | Record<string, unknown>>;
export function executeService<I extends object = Record<string, unknown>, O = Record<string, unknown>>(
  core: SparkCore,
  uri: ServiceUriInput,
  params?: ExecuteParams<I>,
): Promise<ExecuteResult<O> | ExecuteV3Original<O> | Record<string, unknown>>;
export function executeService<I extends object, O>(
  core: SparkCore,
  uri: ServiceUriInput | AnyServiceDescriptor,
  params: ExecuteParams<I> | TypedExecuteParams<I> = {},
): Promise<ExecuteResult<O> | ExecuteV3Original<O> | Record<string, unknown>> {
  // Not async: a call in flight then holds no frame of its own, only the request (bad input still rejects).
  let sent: Promise<SparkResponse<ExecuteV3Original<O> | Record<string, unknown>>>;
  let shape: (response: SparkResponse<ExecuteV3Original<O> | Record<string, unknown>>) => ExecuteResult<O> | ExecuteV3Original<O> | Record<string, unknown>;
  try {
    requireCore(core, OPERATION);
    // Only strings are ever stored: a locator object or descriptor is not found.
    const seen = SEEN.get(uri as string);
    const locator = seen ? seen[0] : parseServiceUri(uri);
    const options = parseParams(ExecuteParamsSchema, params, OPERATION) as ExecuteParams<I>;
    const inputs = normaliseInputs(options.inputs, OPERATION);
    checkTypedInputs(uri, inputs, options.validate, OPERATION);
    const callOptions = pickCallOptions(options);
    const service = seen ? seen[1] : formatServiceUri(locator);
    // Many records go through v4 in one request, one record through v3.
    const many = Array.isArray(inputs);
    const path = many
      ? (locator.public ? 'api/v4/public/execute' : 'api/v4/execute')
      : seen ? seen[2] : servicePath(locator, { endpoint: locator.versionId || locator.serviceId ? '' : 'execute' });
    if (!seen && !many && typeof uri === 'string') {
      if (SEEN.size > 255) SEEN.clear();
      SEEN.set(uri, [locator, service, path]);
    }
    shape = many || options.responseFormat === 'original' ? dataOf : alikeOf;
    sent = core.request<ExecuteV3Original<O> | Record<string, unknown>>({
      operation: OPERATION,
      method: 'POST',
      path,
      json: many
        ? { inputs, ...v4Meta(locator, options, OPERATION) }
        : { request_data: { inputs }, request_meta: v3Meta(locator, options, OPERATION) },
      compress: options.compress ?? many,
      attributes: { 'spark.service.uri': service, 'spark.record.count': many ? inputs.length : 1 },
      ...callOptions,
    });
  } catch (error) {
    return Promise.reject(error);
  }
  return sent.then(shape);
}

/** Spark's response as is (`responseFormat: 'original'`, or v4). */
function dataOf<T>(response: SparkResponse<T>): T {
  return response.data;
}

/** The v3 response in the alike shape. */
function alikeOf<O>(response: SparkResponse<unknown>): ExecuteResult<O> {
  return alike(response.data as ExecuteV3Original<O>);
}

function alike<O>(body: ExecuteV3Original<O>): ExecuteResult<O> {
  const data = body?.response_data ?? ({} as ExecuteV3Original<O>['response_data']);
  const meta = body?.response_meta ?? {};
  return {
    outputs: [data.outputs],
    process_time: [meta.process_time as number],
    warnings: [data.warnings ?? null],
    errors: [data.errors ?? null],
    service_chain: [data.service_chain ?? null],
    service_id: meta.service_id,
    version_id: meta.version_id,
    version: meta.version,
    call_id: meta.call_id,
    compiler_version: meta.compiler_version,
    correlation_id: meta.correlation_id ?? null,
    request_timestamp: meta.request_timestamp,
  };
}
