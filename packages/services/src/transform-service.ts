import * as v from 'valibot';
import { parseParams, pathSegment, requireFolderService, type ServiceUri, type ServiceUriInput, type SparkCore, type CallOptions, requireCore } from '@spark/core';
import { v3Meta, v4Meta } from './execute-body.js';
import { ExecuteMetaSchema, type ExecuteMetaParams } from './execute-params.js';
import { callOptionsEntries, nonEmptyString, pickCallOptions } from '@spark/core/wire';

const OPERATION = 'services.transform';

/** Parameters of {@link transformService}. */
export interface TransformParams extends ExecuteMetaParams, CallOptions {
  /** Any JSON the transform document expects (sent as the body as is; `null`/`undefined` → `{}`). */
  inputs: unknown;
  /**
   * The transform document: `{ folder, name }` (default: the target's own folder and service
   * name, as the Python SDK does), or a string naming a legacy document stored under
   * `apps/transforms`.
   */
  using?: string | { folder?: string; name?: string };
  /** Which API the transform targets: `v3` (default, `x-request-meta`) or `v4` (`x-meta`). */
  apiVersion?: 'v3' | 'v4';
  /** Gzip a large body (default `false`). */
  compress?: boolean;
}

const TransformParamsSchema = v.object({
  ...ExecuteMetaSchema.entries,
  ...callOptionsEntries,
  inputs: v.unknown(),
  using: v.optional(v.union([nonEmptyString, v.strictObject({ folder: v.optional(nonEmptyString), name: v.optional(nonEmptyString) })])),
  apiVersion: v.optional(v.picklist(['v3', 'v4'])),
  compress: v.optional(v.boolean()),
});

/**
 * Executes a service through a Transform document: Spark maps the caller's free-form JSON to
 * the service's inputs, runs it, and maps the outputs back. Metadata travels in the
 * single-quoted JSON header `x-request-meta` (v3) or `x-meta` (v4).
 *
 * @param core - a client from `createClient()`
 * @param uri - the target service, `folder/service[version]` (or a locator object)
 * @param params - the free-form inputs, the document (`using`), API version and metadata
 * @returns the transform's response, as is
 * @example
 * const out = await transformService(spark, 'my-folder/volume-cylinder', {
 *   inputs: { cylinder: { r: 2, h: 3 } },
 *   using: { folder: 'my-transforms', name: 'cylinder-in' },
 * });
 */
export async function transformService<O = unknown>(core: SparkCore, uri: ServiceUriInput, params: TransformParams): Promise<O> {
  requireCore(core, OPERATION);
  const locator = requireFolderService(uri, OPERATION);
  const options = parseParams(TransformParamsSchema, params, OPERATION) as TransformParams;
  const v4 = options.apiVersion === 'v4';
  const meta = v4 ? v4Meta(locator, options, OPERATION) : v3Meta(locator, options, OPERATION);
  const response = await core.request<O>({
    operation: OPERATION,
    method: 'POST',
    path: transformPath(locator, options.using),
    headers: { [v4 ? 'x-meta' : 'x-request-meta']: quotedJson(meta) },
    json: options.inputs ?? {},
    compress: options.compress ?? false,
    ...pickCallOptions(options),
  });
  return response.data;
}

function transformPath(target: Required<Pick<ServiceUri, 'folder' | 'service'>>, using: TransformParams['using']): string {
  const f = pathSegment(target.folder, 'folder');
  const s = pathSegment(target.service, 'service');
  if (typeof using === 'string') return `api/v4/transforms/${pathSegment(using, 'using')}/for/folders/${f}/services/${s}`;
  // §6.5.3/§9: the SDKs disagree on the default; we follow PY 0.3 (the object form, with the
  // target's own folder and service name as the document's folder and name).
  const folder = pathSegment(using?.folder ?? target.folder, 'using.folder');
  const name = pathSegment(using?.name ?? target.service, 'using.name');
  return `api/v4/transforms/${folder}/${name}/for/${f}/${s}`;
}

/**
 * Compact JSON wrapped in single quotes, as both official SDKs send it. Non-ASCII characters
 * are `\u`-escaped so the value is a valid HTTP header.
 */
function quotedJson(value: Record<string, unknown>): string {
  const json = JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `'${json}'`;
}
