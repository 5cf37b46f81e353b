import {
  pathSegment, requireFolderService,
  type ServiceUriInput, type SparkCore, type CallOptions, type SparkV1Response, requireCore,
} from '@spark/core';
import { checkEnvelope } from './envelope.js';
import { checkCallOptions } from '@spark/core/wire';

const OPERATION = 'services.getVersions';

/** One published version of a service. */
export interface ServiceVersion {
  id: string;
  /** Semantic version, e.g. `0.3.1`. */
  revision: string;
  engine: string;
  product: string;
  isActive?: boolean;
  createdAt?: string;
  author?: string;
  effectiveStartDate?: string;
  effectiveEndDate?: string;
  originalFileName?: string;
  defaultEngineType?: string;
  versionLabel?: string | null;
  releaseNote?: string | null;
  childEngines?: unknown;
  tags?: string | null;
  [key: string]: unknown;
}

/**
 * Lists every version of a service, newest first.
 *
 * @param core - a client from `createClient()`
 * @param uri - `folder/service` (or `{ folder, service }`)
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns the `data` array of Spark's envelope (`[]` when it has none)
 * @example
 * const [latest] = await getServiceVersions(spark, 'my-folder/volume-cylinder');
 * console.log(latest.revision, latest.id);
 */
export async function getServiceVersions(core: SparkCore, uri: ServiceUriInput, options: CallOptions = {}): Promise<ServiceVersion[]> {
  requireCore(core, OPERATION);
  const { folder, service } = requireFolderService(uri, OPERATION);
  const call = checkCallOptions(options, OPERATION);
  const response = await core.request<SparkV1Response<ServiceVersion[] | null>>({
    operation: OPERATION, method: 'GET', path: `api/v1/product/${pathSegment(folder, 'folder')}/engines/getversions/${pathSegment(service, 'service')}`,
    ...call,
  });
  const body = checkEnvelope(OPERATION, 'GET', response);
  return Array.isArray(body?.data) ? body.data : [];
}
