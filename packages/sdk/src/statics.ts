import { createClient, publicAccess, type SparkAuth, type SparkConfig, type SparkFetch } from '@spark/core';
import type { ClientOptions } from './options.js';
import { downloadFile } from '@spark/files';
import { checkHealthAt, type CheckHealthAtOptions, type HealthCheckResult } from '@spark/health';

/**
 * Checks the health of a Spark environment without a client: a URL (any path; its origin is
 * used) or an environment name (`uat.us`). Resolves to the reported status (`{ status: 'UP', ok: true }`…).
 *
 * @example
 * const health = await Client.healthCheck('uat.us');
 */
export function checkSparkHealth(urlOrEnv: string, options?: CheckHealthAtOptions): Promise<HealthCheckResult> {
  return checkHealthAt(urlOrEnv, options);
}

/**
 * Downloads a file handed out by Spark (a `download_url`) without a client, with optional
 * credentials, and returns its bytes.
 *
 * @example
 * const bytes = await Client.download(url, apiKey(key));
 */
export async function downloadSparkFile(url: string, auth: SparkAuth = publicAccess(), options: { fetch?: SparkFetch; timeout?: number } = {}): Promise<Uint8Array> {
  const origin = new URL(url).origin;
  const client = createClient({ baseUrl: `${origin}/_`, auth, ...options });
  try {
    return await (await downloadFile(client, url)).bytes();
  } finally {
    client.close();
  }
}

/**
 * Client options that reproduce an existing client's configuration (same tenant, the same
 * auth strategy value — so an OAuth token cache is shared — timeouts, retries, headers,
 * logger), for `Client.use(config)`. Unlike the Python SDK's `use`, credentials are never
 * re-read from masked getters, so the copy authenticates.
 *
 * @example
 * const copy = Client.use(spark.config, { timeout: 5_000 });
 */
export function optionsFromConfig(config: SparkConfig, overrides: ClientOptions = {}): ClientOptions {
  return {
    baseUrl: config.baseUrl.full,
    auth: config.auth,
    timeout: config.timeout,
    maxRetries: config.maxRetries,
    retryInterval: config.retryInterval,
    headers: { ...config.headers },
    logger: config.logger,
    compressAbove: config.compressAbove,
    maxResponseBytes: config.maxResponseBytes,
    trustedOrigins: config.trustedOrigins.slice(1),
    ...overrides,
  };
}
