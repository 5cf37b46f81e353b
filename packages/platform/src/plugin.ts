import type { SparkAccessToken, SparkCore, SparkPlugin, CallOptions } from '@spark/core';
import { getAccessToken, type GetAccessTokenOptions } from './get-access-token.js';
import { getPlatformConfig, type PlatformConfig } from './get-platform-config.js';

/** The `platform` namespace of a client. */
export interface PlatformApi {
  /** See {@link getPlatformConfig}. */
  getConfig(options?: CallOptions): Promise<PlatformConfig>;
  /** See {@link getAccessToken}. */
  getAccessToken(options?: GetAccessTokenOptions): Promise<SparkAccessToken>;
}

/**
 * Binds the platform operations to one client.
 *
 * @example
 * const config = await createPlatformApi(spark).getConfig();
 */
export function createPlatformApi(core: SparkCore): PlatformApi {
  return {
    getConfig: (options) => getPlatformConfig(core, options),
    getAccessToken: (options) => getAccessToken(core, options),
  };
}

/**
 * The platform plugin: `createClient(opts).use(platform)` adds `client.platform`.
 *
 * @example
 * const spark = createClient({ baseUrl, token }).use(platform);
 * const { EnablePublicAPI } = await spark.platform.getConfig();
 */
export const platform: SparkPlugin<'platform', PlatformApi> = { key: 'platform', create: createPlatformApi };
