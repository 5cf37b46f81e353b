import type { SparkBaseUrl, SparkConfig } from '../client/types.js';
import type { SparkClientOptions } from './options.js';

/**
 * Client options that reproduce an existing client's configuration (same tenant, the same
 * auth strategy value — so an OAuth token cache is shared — timeouts, retries, headers,
 * logger), for `Client.use(config, overrides)` and `HybridClient.use(config, overrides)`. Unlike the Python SDK's `use`, credentials are
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
export function optionsFromConfig(config: SparkConfig, overrides: SparkClientOptions = {}): SparkClientOptions {
  const given = (key: keyof SparkClientOptions): boolean => overrides[key] !== undefined;
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
    maxResponseBytes: config.maxResponseBytes,
    trustedOrigins: config.trustedOrigins.slice(1),
    ...overrides,
  };
}

/** Where the copy lives: the original base URL unless `baseUrl`, `tenant` or `env` is overridden. */
function placeOf(base: SparkBaseUrl, overrides: SparkClientOptions, given: (key: keyof SparkClientOptions) => boolean): SparkClientOptions {
  if (given('baseUrl')) return {};
  if (!given('tenant') && !given('env')) return { baseUrl: base.full };
  const tenant = overrides.tenant ?? base.tenant;
  const env = overrides.env ?? base.env;
  // A Spark environment is rebuilt from env + tenant; any other host (emulator, proxy) keeps its origin.
  return env !== undefined ? { env, tenant } : { baseUrl: base.origin, tenant };
}
