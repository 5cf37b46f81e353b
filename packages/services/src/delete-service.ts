import * as v from 'valibot';
import { parseParams, requireFolderService, type ServiceUriInput, type SparkCore, requireCore } from '@spark/core';
import { checkEnvelope, type ServiceV1Response } from './envelope.js';
import { RequestOptionsEntries, type ServiceRequestOptions } from './request-options.js';

const OPERATION = 'services.delete';

/** What {@link deleteService} returns: Spark's envelope (`status: 'Success'`). */
export type DeleteServiceResult = ServiceV1Response<unknown>;

const OptionsSchema = v.object(RequestOptionsEntries);

/**
 * Deletes a service with all its versions.
 *
 * @param core - a client from `createClient()`
 * @param uri - `folder/service` (or `{ folder, service }`)
 * @param options - `signal`, `timeout`
 * @returns Spark's envelope
 * @example
 * await deleteService(spark, 'my-folder/old-service');
 */
export async function deleteService(core: SparkCore, uri: ServiceUriInput, options: ServiceRequestOptions = {}): Promise<DeleteServiceResult> {
  requireCore(core, OPERATION);
  const { folder, service } = requireFolderService(uri, OPERATION);
  const { signal, timeout } = parseParams(OptionsSchema, options, OPERATION);
  const response = await core.request<DeleteServiceResult>({
    operation: OPERATION, method: 'DELETE', path: `api/v1/product/${encodeURIComponent(folder)}/engines/delete/${encodeURIComponent(service)}`,
    signal, timeout,
  });
  return checkEnvelope(OPERATION, 'DELETE', response);
}
