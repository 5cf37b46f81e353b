import * as v from 'valibot';
import { parseParams, parseServiceUri, pathSegment, requireFolderService, type ServiceUriInput, type SparkCore, type CallOptions, requireCore } from '@spark/core';
import { callOptionsEntries, pickCallOptions } from '@spark/core/wire';

const OPERATION = 'services.getSchema';

/** The service (engine) description Spark returns: camelCase, large, kept as is. */
export interface ServiceSchema {
  bookSummary?: Record<string, unknown>;
  bookProperties?: unknown[];
  engineID?: string;
  engineHash?: string;
  xlInputs?: unknown[];
  xOutput?: unknown[];
  inputMetadata?: unknown;
  outputMetadata?: unknown;
  metadata?: Record<string, unknown>;
  effectiveStartDate?: string;
  effectiveEndDate?: string;
  engineType?: string;
  success?: boolean;
  [key: string]: unknown;
}

const OptionsSchema = v.object(callOptionsEntries);

/**
 * Gets a service's schema (inputs, outputs, workbook summary). A version id selects that
 * exact version (`POST api/v3/GetEngineDetailByVersionId/versionid/{id}`); otherwise the
 * latest version is described (`GET api/v1/product/{folder}/engines/get/{service}`).
 *
 * @param core - a client from `createClient()`
 * @param uri - `folder/service`, `version/{id}`, or `{ folder, service, versionId }`
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns the schema document, as is
 * @example
 * const schema = await getServiceSchema(spark, 'my-folder/volume-cylinder');
 * console.log(schema.xlInputs);
 */
export async function getServiceSchema<T = ServiceSchema>(core: SparkCore, uri: ServiceUriInput, options: CallOptions = {}): Promise<T> {
  requireCore(core, OPERATION);
  const locator = parseServiceUri(uri);
  const call = pickCallOptions(parseParams(OptionsSchema, options, OPERATION));
  if (locator.versionId) {
    // PY sends no body here (TS sends the literal `null`); we send none.
    const response = await core.request<T>({
      operation: OPERATION, method: 'POST', path: `api/v3/GetEngineDetailByVersionId/versionid/${pathSegment(locator.versionId, 'versionId')}`,
      idempotent: true, ...call,
    });
    return response.data;
  }
  const { folder, service } = requireFolderService(locator, OPERATION);
  const response = await core.request<T>({
    operation: OPERATION, method: 'GET', path: `api/v1/product/${pathSegment(folder, 'folder')}/engines/get/${pathSegment(service, 'service')}`,
    ...call,
  });
  return response.data;
}
