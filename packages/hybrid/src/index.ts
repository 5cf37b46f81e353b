export { createHybridClient, DEFAULT_RUNNER_URL, type HybridClientOptions } from './create-hybrid-client.js';
export { HybridClient, type RunnerCallOptions } from './runner-statics.js';
export { checkHybridHealth } from './check-hybrid-health.js';
export { getHybridVersion } from './get-hybrid-version.js';
export { getHybridStatus } from './get-hybrid-status.js';
export { uploadHybridService, type HybridPackage, type UploadHybridServiceOptions } from './upload-hybrid-service.js';
export { validateHybridService, type ValidateHybridServiceParams } from './validate-hybrid-service.js';
export { getHybridMetadata, type GetHybridMetadataParams } from './get-hybrid-metadata.js';
export { executeService as executeHybridService } from '@spark/services';
export type {
  HybridHealth,
  HybridVersion,
  HybridStatus,
  HybridModelStats,
  HybridServiceInfo,
  HybridUploadResult,
} from './types.js';
export { hybrid, createHybridApi, type HybridApi, type HybridServicesApi } from './plugin.js';
