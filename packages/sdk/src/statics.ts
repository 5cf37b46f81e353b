import { createClient, publicAccess, type SparkAuth, type SparkBaseUrl, type SparkConfig, type SparkFetch } from '@spark/core';
import type { ClientOptions } from './options.js';
import { downloadFile } from '@spark/files';
import { healthCheck, type HealthCheckResult, type StandaloneHealthCheckOptions } from '@spark/health';

/**
 * Checks the health of a Spark environment without a client: a URL (any path; its origin is
 * used) or an environment name (`uat.us`). Resolves to the reported status (`{ status: 'UP', ok: true }`…).
 *
 * @example
 * const health = await Client.healthCheck('uat.us');
 */
export function checkSparkHealth(urlOrEnv: string, options?: StandaloneHealthCheckOptions): Promise<HealthCheckResult> {
  return healthCheck(urlOrEnv, options);
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
 * logger), for `Client.use(config, overrides)`. Unlike the Python SDK's `use`, credentials are
 * never re-read from masked getters, so the copy authenticates.
 *
 * Overrides win: any credential (`auth`, `apiKey`, `token`, `oauth`) replaces the copied auth;
 * `tenant` and `env` rebuild the base URL (`env` → `https://excel.{env}.coherent.global`,
 * a tenant alone keeps the origin); `baseUrl` replaces it.
 *
 * @example
 * const copy = Client.use(spark.config, { timeout: 5_000 });
 * const other = Client.use(spark.config, { tenant: 'other-tenant', apiKey: otherKey });
 */
export function optionsFromConfig(config: SparkConfig, overrides: ClientOptions = {}): ClientOptions {
  const given = (key: keyof ClientOptions): boolean => overrides[key] !== undefined;
  const credential = given('auth') || given('apiKey') || given('token') || given('oauth');
  return {
    ...placeOf(config.baseUrl, overrides, given),
    ...(credential ? {} : { auth: config.auth }),
    timeout: config.timeout,
    maxRetries: config.maxRetries,
    retryInterval: config.retryInterval,
    headers: { ...config.headers },
    logger: config.logger,
    compressAbove: config.compressAbove,
    ...overrides,
  };
}

/** Where the copy lives: the original base URL unless `baseUrl`, `tenant` or `env` is overridden. */
function placeOf(base: SparkBaseUrl, overrides: ClientOptions, given: (key: keyof ClientOptions) => boolean): ClientOptions {
  if (given('baseUrl')) return {};
  if (!given('tenant') && !given('env')) return { baseUrl: base.full };
  const tenant = overrides.tenant ?? base.tenant;
  const env = overrides.env ?? base.env;
  // A Spark environment is rebuilt from env + tenant; any other host (emulator, proxy) keeps its origin.
  return env !== undefined ? { env, tenant } : { baseUrl: base.origin, tenant };
}
