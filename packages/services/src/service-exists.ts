import { isSparkError, requireFolderService, servicePath, type ServiceUriInput, type SparkCore, type CallOptions, type SparkV3Response, requireCore } from '@spark/core';
import { checkCallOptions } from '@spark/core/wire';

const OPERATION = 'services.exists';

/**
 * Tells whether a service exists (`GET …/folders/{f}/services/{s}/exists`). A 404 means no;
 * every other error is raised.
 *
 * @param core - a client from `createClient()`
 * @param uri - `folder/service` (or `{ folder, service }`)
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns `true` when Spark answers `is_exists: true`
 * @example
 * if (!(await serviceExists(spark, 'my-folder/pricing'))) await createService(spark, { folder: 'my-folder', service: 'pricing', file });
 */
export async function serviceExists(core: SparkCore, uri: ServiceUriInput, options: CallOptions = {}): Promise<boolean> {
  requireCore(core, OPERATION);
  const { folder, service } = requireFolderService(uri, OPERATION);
  const call = checkCallOptions(options, OPERATION);
  try {
    const response = await core.request<SparkV3Response<{ is_exists?: boolean }>>({
      operation: OPERATION, method: 'GET', path: servicePath({ folder, service }, { endpoint: 'exists' }), ...call,
    });
    return response.data?.response_data?.is_exists === true;
  } catch (error) {
    // Checked by status rather than instanceof, so duplicated installs of core still match.
    if (isSparkError(error) && (error as { status?: unknown }).status === 404) return false;
    throw error;
  }
}
