import type { ServiceUriInput, SparkCore, SparkPlugin, CallOptions, SparkV3Response } from '@spark/core';
import { executeService, type ExecuteParams, type ServicesApi } from '@spark/services';
import { checkHybridHealth } from './check-hybrid-health.js';
import { getHybridMetadata, type GetHybridMetadataParams } from './get-hybrid-metadata.js';
import { getHybridStatus } from './get-hybrid-status.js';
import { getHybridVersion } from './get-hybrid-version.js';
import { uploadHybridService, type HybridPackage, type UploadHybridServiceOptions } from './upload-hybrid-service.js';
import { validateHybridService, type ValidateHybridServiceParams } from './validate-hybrid-service.js';
import type { HybridHealth, HybridStatus, HybridUploadResult, HybridVersion } from './types.js';

/** Services on a hybrid runner. */
export interface HybridServicesApi {
  /** See {@link uploadHybridService}. */
  upload(file: HybridPackage, options?: UploadHybridServiceOptions): Promise<HybridUploadResult>;
  /** Executes exactly as the SaaS API does (v3 for one record, v4 for many); see `executeService` of `@spark/services`. */
  execute: ServicesApi['execute'];
  /** See {@link validateHybridService}. */
  validate(uri: ServiceUriInput, params?: ValidateHybridServiceParams): Promise<SparkV3Response>;
  /** See {@link getHybridMetadata}. */
  getMetadata(uri: ServiceUriInput, params?: GetHybridMetadataParams): Promise<SparkV3Response>;
}

/** The hybrid runner's namespaces. */
export interface HybridApi {
  readonly health: { check(options?: CallOptions): Promise<HybridHealth> };
  readonly version: { get(options?: CallOptions): Promise<HybridVersion> };
  readonly status: { get(options?: CallOptions): Promise<HybridStatus> };
  readonly services: HybridServicesApi;
}

/**
 * Binds the hybrid runner operations to one client.
 *
 * @example
 * const api = createHybridApi(createClient({ baseUrl: 'http://localhost:3000/my-tenant', apiKey: 'open' }));
 * await api.health.check();
 */
export function createHybridApi(core: SparkCore): HybridApi {
  return {
    health: { check: (options) => checkHybridHealth(core, options) },
    version: { get: (options) => getHybridVersion(core, options) },
    status: { get: (options) => getHybridStatus(core, options) },
    services: {
      upload: (file, options) => uploadHybridService(core, file, options),
      execute: ((uri: ServiceUriInput, params?: ExecuteParams<object>) => executeService(core, uri, params as never)) as HybridServicesApi['execute'],
      validate: (uri, params) => validateHybridService(core, uri, params),
      getMetadata: (uri, params) => getHybridMetadata(core, uri, params),
    },
  };
}

/**
 * The hybrid plugin, for a client you built yourself: `createClient({ baseUrl: runnerUrl, … }).use(hybrid)`
 * adds `client.hybrid`. Most code uses {@link createHybridClient} instead.
 *
 * @example
 * const runner = createClient({ baseUrl: 'http://localhost:3000/my-tenant', apiKey: 'open' }).use(hybrid);
 * await runner.hybrid.services.execute('my-folder/volume-cylinder', { inputs: { radius: 1, height: 2 } });
 */
export const hybrid: SparkPlugin<'hybrid', HybridApi> = { key: 'hybrid', create: createHybridApi };
