// Everything both entry points export; each adds its own `createClient` (index.ts: fetch,
// index.node.ts: the node:http pool), so neither entry loads the other's transport.
export type { SparkClient } from './client/spark-client.js';
export type { SparkPlugin } from './client/plugin.js';
export type { SparkCore, SparkConfig } from './client/types.js';
export type { SparkBaseUrl, SparkRequest, SparkResponse, SparkMethod, SparkFetch, SparkDownload, CallOptions, SparkDateInput } from './client/messages.js';
export type { SparkV1Response, SparkV3Response } from './client/envelopes.js';
export type { SparkClientOptions } from './config/options.js';
export { resolveConfig, type SparkPlatform } from './config/resolve-config.js';
export { optionsFromConfig } from './config/options-from-config.js';
export { resolveBaseUrl, tokenUrlFor, type BaseUrlInput } from './config/base-url.js';
export { readEnv, type SparkEnvName } from './config/env.js';
export { resolveLogger, silentLogger, type SparkLogger, type SparkLogLevel, type SparkLoggerOption } from './config/logger.js';
export { apiKey } from './auth/api-key.js';
export { bearer, type SparkTokenSource } from './auth/bearer.js';
export { clientCredentials, type ClientCredentialsAuth, type ClientCredentialsOptions, type SparkAccessToken } from './auth/client-credentials.js';
export { readCredentialsFile } from './auth/credentials-file.js';
export { decodeJwt, isJwtExpired, jwtOptions, type SparkJwt, type SparkJwtClaims } from './auth/jwt.js';
export { publicAccess } from './auth/public-access.js';
export type { SparkAuth, SparkAuthContext } from './auth/types.js';
export { SparkError, isSparkError } from './errors/spark-error.js';
export { SparkSdkError } from './errors/sdk-error.js';
export { SparkApiError, type SparkApiErrorInit } from './errors/api-error.js';
export {
  createApiError,
  SparkBadRequestError,
  SparkUnauthorizedError,
  SparkForbiddenError,
  SparkNotFoundError,
  SparkConflictError,
  SparkUnsupportedMediaTypeError,
  SparkUnprocessableEntityError,
  SparkRateLimitError,
  SparkInternalServerError,
  SparkBadGatewayError,
  SparkServiceUnavailableError,
  SparkGatewayTimeoutError,
} from './errors/api-errors.js';
export { SparkUnexpectedResponseError, SparkResponseTooLargeError } from './errors/response-errors.js';
export { SparkConnectionError } from './errors/connection-error.js';
export { SparkTimeoutError } from './errors/timeout-error.js';
export { SparkClosedError } from './errors/closed-error.js';
export {
  parseServiceUri,
  formatServiceUri,
  servicePath,
  encodePath,
  requireFolderService,
  type ServiceUri,
  type ServiceUriInput,
} from './uri/service-uri.js';
export { pathSegment, pathSegments } from './uri/path-segment.js';
export {
  defineService,
  isServiceDescriptor,
  type ServiceDescriptor,
  type AnyServiceDescriptor,
  type ServiceInputSchema,
  type ServiceInputChecker,
  type ServiceInputs,
  type ServiceOutputs,
} from './uri/service-descriptor.js';
export type { SparkHooks, SparkHookContext, SparkHookCall } from './transport/hooks.js';
export { parseParams } from './validation/parse-params.js';
export { requireCore } from './client/require-core.js';
export { isUploadFile, uploadFileName, UPLOAD_EXPECTED, type SparkUploadFile, type UploadBlobOptions } from './upload/upload-file.js';
export { pollJob, type SparkJobOptions, type PollVerdict } from './jobs/poll.js';
export { VERSION } from './version.js';
