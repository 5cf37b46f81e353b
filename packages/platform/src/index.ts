export { getPlatformConfig, type PlatformConfig } from './get-platform-config.js';
export { getAccessToken, type GetAccessTokenOptions } from './get-access-token.js';
export { platform, createPlatformApi, type PlatformApi } from './plugin.js';
