import * as v from 'valibot';
import {
  parseParams, pathSegment, requireFolderService,
  type ServiceUriInput, type SparkCore, type SparkDownload, type CallOptions, requireCore,
} from '@spark/core';
import { callOptionsEntries, joinList, nonEmptyString, pickCallOptions } from '@spark/core/wire';

const OPERATION = 'services.getSwagger';

/** Options of {@link getServiceSwagger}. */
export interface GetSwaggerParams extends CallOptions {
  /** A specific version (default: the latest); also read from a `{ folder, service, versionId }` locator. */
  versionId?: string;
  /** `true`: Spark's downloadable file, returned as a {@link SparkDownload}. */
  downloadable?: boolean;
  /** Subservice(s) to describe (default `All`). */
  subservice?: string | readonly string[];
}

/** An OpenAPI 2 (Swagger) document. */
export interface SwaggerDocument {
  swagger?: string;
  info?: Record<string, unknown>;
  paths?: Record<string, unknown>;
  [key: string]: unknown;
}

const ParamsSchema = v.object({
  ...callOptionsEntries,
  versionId: v.optional(nonEmptyString),
  downloadable: v.optional(v.boolean()),
  subservice: v.optional(v.union([nonEmptyString, v.array(nonEmptyString)])),
});

/**
 * Gets the Swagger (OpenAPI 2) description of a service's execute API.
 *
 * @param core - a client from `createClient()`
 * @param uri - `folder/service` or `{ folder, service, versionId? }`
 * @param params - `versionId`, `downloadable`, `subservice` (default `All`), `signal`, `timeout`, `maxResponseBytes`
 * @returns the Swagger document, or a {@link SparkDownload} with `downloadable: true`
 * @example
 * const doc = await getServiceSwagger(spark, 'my-folder/volume-cylinder');
 * console.log(Object.keys(doc.paths ?? {}));
 */
export async function getServiceSwagger<T = SwaggerDocument>(core: SparkCore, uri: ServiceUriInput, params?: GetSwaggerParams & { downloadable?: false }): Promise<T>;
export async function getServiceSwagger(core: SparkCore, uri: ServiceUriInput, params: GetSwaggerParams & { downloadable: true }): Promise<SparkDownload>;
export async function getServiceSwagger(core: SparkCore, uri: ServiceUriInput, params?: GetSwaggerParams): Promise<SwaggerDocument | SparkDownload>;
export async function getServiceSwagger(core: SparkCore, uri: ServiceUriInput, params: GetSwaggerParams = {}): Promise<unknown> {
  requireCore(core, OPERATION);
  const locator = requireFolderService(uri, OPERATION);
  const options = parseParams(ParamsSchema, params, OPERATION);
  const versionId = options.versionId ?? locator.versionId;
  const subservice = pathSegment(joinList(options.subservice) ?? 'All', 'subservice').replace(/%2C/gi, ',');
  const downloadable = options.downloadable === true;
  // §6.5.8/§13: the flag in lower case; the latest version keeps the trailing "/" both official
  // SDKs send (`…/All/false/`; where they agree they win over the Postman collection's form).
  const path = `api/v3/folders/${pathSegment(locator.folder, 'folder')}/services/${pathSegment(locator.service, 'service')}`
    + `/downloadswagger/${subservice}/${downloadable}/${versionId ? pathSegment(versionId, 'versionId') : ''}`;
  const request = { operation: OPERATION, method: 'GET' as const, path, ...pickCallOptions(options) };
  if (downloadable) return core.download(request);
  return (await core.request(request)).data;
}
