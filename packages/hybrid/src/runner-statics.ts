import { optionsFromConfig, SparkSdkError, type CallOptions, type SparkConfig } from '@spark/core';
import { pickCallOptions } from '@spark/core/wire';
import { checkHybridHealth } from './check-hybrid-health.js';
import { createHybridClient, type HybridClient as Runner, type HybridClientOptions } from './create-hybrid-client.js';
import { getHybridStatus } from './get-hybrid-status.js';
import { getHybridVersion } from './get-hybrid-version.js';
import type { HybridHealth, HybridStatus, HybridVersion } from './types.js';

/** Options of the client-less runner calls: the client's options (no tenant needed) plus `signal`. */
export type RunnerCallOptions = Omit<HybridClientOptions, 'baseUrl' | 'tenant' | 'hooks'> & CallOptions;

// The runner's own routes have no tenant, but a client needs one; it is never sent on them.
const PLACEHOLDER_TENANT = 'runner';

/** Runs one tenant-less runner call on a short-lived client, then closes it. */
async function once<T>(baseUrl: string | URL | undefined, options: RunnerCallOptions, call: (runner: Runner, o: CallOptions) => Promise<T>): Promise<T> {
  if (typeof options !== 'object' || options === null) throw new SparkSdkError('runner call options must be an object', { cause: options });
  const { signal, timeout, maxResponseBytes, ...clientOptions } = options;
  const origin = baseUrl === undefined || `${baseUrl}`.trim() === '' ? undefined : new URL(`${baseUrl}`).origin;
  const runner = createHybridClient({ ...clientOptions, ...(origin ? { baseUrl: origin } : {}), tenant: PLACEHOLDER_TENANT });
  try {
    return await call(runner, pickCallOptions({ signal, timeout, maxResponseBytes }));
  } finally {
    runner.close();
  }
}

/**
 * Client-less runner calls and copies, as the official SDKs' `HybridClient` statics: the
 * runner's `healthcheck`, `version` and `status` need no tenant (any path of `baseUrl` is
 * ignored; default `CSPARK_RUNNER_URL`, else `http://localhost:3000`), and `use` makes an
 * independent client with an existing one's configuration.
 *
 * @example
 * const { msg } = await HybridClient.healthCheck('http://localhost:3000');
 * const { version } = await HybridClient.getVersion();
 * await using other = HybridClient.use(runner.config, { tenant: 'other-tenant' });
 */
export const HybridClient = {
  /** `GET {runner}/healthcheck`: `{ msg: 'ok' }` when the runner is up. */
  healthCheck(baseUrl?: string | URL, options: RunnerCallOptions = {}): Promise<HybridHealth> {
    return once(baseUrl, options, (runner, o) => checkHybridHealth(runner, o));
  },
  /** `GET {runner}/version`: the runner's Neuron compatibility version. */
  getVersion(baseUrl?: string | URL, options: RunnerCallOptions = {}): Promise<HybridVersion> {
    return once(baseUrl, options, (runner, o) => getHybridVersion(runner, o));
  },
  /** `GET {runner}/status`: loaded models and their statistics (runner v1.46.0+). */
  getStatus(baseUrl?: string | URL, options: RunnerCallOptions = {}): Promise<HybridStatus> {
    return once(baseUrl, options, (runner, o) => getHybridStatus(runner, o));
  },
  /**
   * A new, independent runner client (its own pool) with an existing client's configuration;
   * overrides win as in `Client.use` (a credential replaces the auth, `tenant` moves the client).
   */
  use(config: SparkConfig, overrides: HybridClientOptions = {}): Runner {
    // A runner has no Spark environment: an env-based location keeps the runner's own origin.
    const { env: _env, oauth: _oauth, compressAbove: _compress, ...options } = optionsFromConfig(config, overrides);
    return createHybridClient({ ...options, baseUrl: options.baseUrl ?? config.baseUrl.origin } as HybridClientOptions);
  },
};

/** A client of a hybrid runner (see `createHybridClient`). */
export type HybridClient = Runner;
