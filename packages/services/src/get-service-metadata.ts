import { parseServiceUri, servicePath, type ServiceUriInput, type SparkCore, type CallOptions, type SparkV3Response, requireCore } from '@spark/core';
import type { ExecuteMeta } from './execute-types.js';
import { checkCallOptions } from '@spark/core/wire';

const OPERATION = 'services.getMetadata';

/** What {@link getServiceMetadata} returns: `response_data.outputs` holds the `Metadata.*` keys. */
export type ServiceMetadataResult = SparkV3Response<
  { outputs: Record<string, unknown>; warnings: unknown; errors: unknown; service_chain: unknown; [key: string]: unknown },
  ExecuteMeta
>;

/**
 * Gets the metadata a service's workbook declares (`Metadata.*` cells), e.g. colours or
 * fonts for a UI.
 *
 * @param core - a client from `createClient()`
 * @param uri - `folder/service`, `service/{id}`, `version/{id}`, `proxy/{path}` or a locator object (`public: true` for the public API)
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns Spark's v3 envelope, as is
 * @example
 * const { response_data } = await getServiceMetadata(spark, 'my-folder/volume-cylinder');
 * console.log(response_data.outputs['Metadata.Font']);
 */
export async function getServiceMetadata(core: SparkCore, uri: ServiceUriInput, options: CallOptions = {}): Promise<ServiceMetadataResult> {
  requireCore(core, OPERATION);
  const locator = parseServiceUri(uri);
  const call = checkCallOptions(options, OPERATION);
  const response = await core.request<ServiceMetadataResult>({
    operation: OPERATION, method: 'GET', path: servicePath(locator, { endpoint: 'metadata' }), ...call,
  });
  return response.data;
}
