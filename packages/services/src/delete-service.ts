import {
  pathSegment, requireFolderService,
  type ServiceUriInput, type SparkCore, type CallOptions, type SparkV1Response, requireCore,
} from '@spark/core';
import { checkEnvelope } from './envelope.js';
import { checkCallOptions } from '@spark/core/wire';

const OPERATION = 'services.delete';

/** What {@link deleteService} returns: Spark's envelope (`status: 'Success'`). */
export type DeleteServiceResult = SparkV1Response<unknown>;

/**
 * Deletes a service with all its versions.
 *
 * @param core - a client from `createClient()`
 * @param uri - `folder/service` (or `{ folder, service }`)
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns Spark's envelope
 * @example
 * await deleteService(spark, 'my-folder/old-service');
 */
export async function deleteService(core: SparkCore, uri: ServiceUriInput, options: CallOptions = {}): Promise<DeleteServiceResult> {
  requireCore(core, OPERATION);
  const { folder, service } = requireFolderService(uri, OPERATION);
  const call = checkCallOptions(options, OPERATION);
  const response = await core.request<DeleteServiceResult>({
    operation: OPERATION, method: 'DELETE', path: `api/v1/product/${pathSegment(folder, 'folder')}/engines/delete/${pathSegment(service, 'service')}`,
    ...call,
  });
  return checkEnvelope(OPERATION, 'DELETE', response);
}
