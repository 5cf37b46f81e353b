import { createClient, publicAccess, readEnv, SparkSdkError, type SparkAuth, type SparkClient, type SparkClientOptions } from '@spark/core';
import { createHybridApi, type HybridApi } from './plugin.js';

/** The default runner when neither `baseUrl` nor `CSPARK_RUNNER_URL` is set. */
export const DEFAULT_RUNNER_URL = 'http://localhost:3000';

/** Options of {@link createHybridClient}. */
export interface HybridClientOptions {
  /** Runner URL, any http(s) URL; its first path segment is the tenant. Default `CSPARK_RUNNER_URL`, else `http://localhost:3000`. */
  baseUrl?: string | URL;
  /** Tenant, when `baseUrl` has none. */
  tenant?: string;
  /** API key forwarded to the runner (it uses it to pull WASM from Spark); `'open'` = none. */
  apiKey?: string;
  /** Bearer token forwarded to the runner; `'open'` = none. */
  token?: string | (() => string | Promise<string>);
  /** An auth strategy (default: public access — a runner does not authenticate callers). */
  auth?: SparkAuth;
  /** Per-request timeout in ms (default 60,000). */
  timeout?: number;
  /** Largest decoded response body read into memory, in bytes (default 128 MiB); a call's own `maxResponseBytes` overrides it. */
  maxResponseBytes?: number;
  /** Retries after the first attempt (default 2; 0 = none). */
  maxRetries?: number;
  /** Base backoff interval in seconds (default 1). */
  retryInterval?: number;
  /** Your own `fetch` (proxy, TLS, tests). */
  fetch?: SparkClientOptions['fetch'];
  headers?: Record<string, string>;
  logger?: SparkClientOptions['logger'];
  hooks?: SparkClientOptions['hooks'];
}

/** A client of a hybrid runner: a full Spark client (usable with every standalone function) plus the runner's namespaces. */
export type HybridClient = SparkClient & HybridApi;

/**
 * Creates a client for a hybrid runner (the `nodegen-server` container running WASM packages).
 * Same transport, retries, errors and lifecycle as a Spark client; credentials default to
 * none, and environment credentials (`CSPARK_API_KEY`, …) are not read, unlike PY 0.3.
 *
 * @param options - runner URL and tenant, optional credentials to forward, timeouts, `fetch`
 * @returns a disposable client with `health`, `version`, `status` and `services`
 *
 * @example
 * await using runner = createHybridClient({ baseUrl: 'http://localhost:3000', tenant: 'my-tenant' });
 * const { response_data } = await runner.services.upload(await readFile('./volume-cylinder.zip'));
 * const { outputs } = await runner.services.execute(`version/${response_data[0].services[0].VersionId}`, { inputs: { radius: 1, height: 2 } });
 */
export function createHybridClient(options: HybridClientOptions = {}): HybridClient {
  if (typeof options !== 'object' || options === null) throw new SparkSdkError('hybrid client options must be an object', { cause: options });
  const explicit = options.baseUrl !== undefined && `${options.baseUrl}`.trim() !== '';
  const baseUrl = explicit ? options.baseUrl! : (readEnv('CSPARK_RUNNER_URL') ?? DEFAULT_RUNNER_URL);
  const credentials = options.auth !== undefined || options.apiKey !== undefined || options.token !== undefined;
  const client = createClient({
    baseUrl,
    // Without a URL tenant, the runner's tenant is lower-cased (RunnerUrl rules of both SDKs).
    tenant: explicit ? options.tenant : options.tenant?.trim().toLowerCase(),
    ...(credentials ? { auth: options.auth, apiKey: options.apiKey, token: options.token } : { auth: publicAccess() }),
    timeout: options.timeout,
    maxResponseBytes: options.maxResponseBytes,
    maxRetries: options.maxRetries,
    retryInterval: options.retryInterval,
    fetch: options.fetch,
    headers: options.headers,
    logger: options.logger,
    hooks: options.hooks,
  });
  const runner = Object.create(client) as HybridClient;
  const api = createHybridApi(runner);
  for (const key of ['health', 'version', 'status', 'services'] as const) {
    Object.defineProperty(runner, key, { value: api[key], enumerable: true });
  }
  return runner;
}
