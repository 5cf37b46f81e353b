import type { ServiceUriInput, SparkCore, SparkPlugin } from '@spark/core';
import { executeService } from './execute-service.js';
import type { ExecuteParams } from './execute-params.js';
import type { ExecuteResult, ExecuteV3Original } from './execute-types.js';

/** The `services` namespace of a client. */
export interface ServicesApi {
  /** See {@link executeService}. */
  execute<I extends object = Record<string, unknown>, O = Record<string, unknown>>(
    uri: ServiceUriInput,
    params?: ExecuteParams<I> & { responseFormat?: 'alike' },
  ): Promise<ExecuteResult<O>>;
  execute<I extends object = Record<string, unknown>, O = Record<string, unknown>>(
    uri: ServiceUriInput,
    params: ExecuteParams<I> & { responseFormat: 'original' },
  ): Promise<ExecuteV3Original<O> | Record<string, unknown>>;
}

/** Binds the services operations to one client. */
export function createServicesApi(core: SparkCore): ServicesApi {
  return {
    execute: ((uri: ServiceUriInput, params?: ExecuteParams<object>) => executeService(core, uri, params as never)) as ServicesApi['execute'],
  };
}

/**
 * The services plugin: `createClient(opts).use(services)` adds `client.services`.
 *
 * @example
 * const spark = createClient({ baseUrl, auth: apiKey(key) }).use(services);
 * const { outputs } = await spark.services.execute('my-folder/my-service', { inputs: { x: 1 } });
 */
export const services: SparkPlugin<'services', ServicesApi> = { key: 'services', create: createServicesApi };
