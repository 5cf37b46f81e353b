export { getPlatformConfig, type PlatformConfig } from './get-platform-config.js';
export { getAccessToken, type GetAccessTokenOptions } from './get-access-token.js';
export type { PlatformCallOptions } from './call-options.js';
export { platform, createPlatformApi, type PlatformApi } from './plugin.js';
