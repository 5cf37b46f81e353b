import type { SparkAuth } from '../auth/types.js';
import type { SparkFetch } from '../client/types.js';
import type { SparkHooks } from '../transport/hooks.js';
import type { SparkLoggerOption } from './logger.js';

/**
 * Options of {@link createClient}. Anything not given is read from environment variables
 * (`CSPARK_BASE_URL`, `CSPARK_TENANT`, `CSPARK_ENV`, `CSPARK_API_KEY`, `CSPARK_BEARER_TOKEN`,
 * `CSPARK_CLIENT_ID` + `CSPARK_CLIENT_SECRET`, `CSPARK_OAUTH_PATH`) where the runtime has them.
 */
export interface SparkClientOptions {
  /** Any http(s) base URL; its first path segment is the tenant. */
  baseUrl?: string | URL;
  /** Spark environment, e.g. `uat.us` (with `tenant`, when there is no `baseUrl`). */
  env?: string;
  /** Tenant name, when `baseUrl` has no path. */
  tenant?: string;
  /** How to authenticate; see `apiKey`, `bearer`, `clientCredentials`, `publicAccess`. */
  auth?: SparkAuth;
  /** API key; `'open'` means public access. */
  apiKey?: string;
  /** Bearer token (with or without the `Bearer ` prefix) or a function returning one; `'open'` means public. */
  token?: string | (() => string | Promise<string>);
  /** OAuth2 client credentials, or the path of a credentials file (Node only). */
  oauth?: { clientId: string; clientSecret: string; tokenUrl?: string } | string;
  /** Overrides the OAuth2 token URL. */
  tokenUrl?: string;
  /** Per-request timeout in ms (default 60,000). */
  timeout?: number;
  /** Retries after the first attempt (default 2; 0 turns retries off). */
  maxRetries?: number;
  /** Base backoff interval in seconds (default 1). */
  retryInterval?: number;
  /** Extra headers for every request. */
  headers?: Record<string, string>;
  /** `false` (default), `true`, a minimum level, or your own logger. */
  logger?: SparkLoggerOption;
  /** Your own `fetch` (proxies, custom TLS, tests). Replaces the built-in transport entirely. */
  fetch?: SparkFetch;
  /** Gzip request bodies of at least this many bytes when an operation allows it (default 16 KiB; `false`: never). */
  compressAbove?: number | false;
  /**
   * Most decoded bytes of a response body the SDK reads into memory (default 128 MiB,
   * 134,217,728). Counted as the body arrives, after decompression, so a gzip bomb stops at the
   * cap with a `SparkResponseTooLargeError`. Streamed downloads are not capped by default.
   */
  maxResponseBytes?: number;
  /**
   * Extra origins (`https://files.example.com`) that may receive the client's credentials. By
   * default credentials (API key, bearer or OAuth token, and `headers`) go only to the client's
   * own Spark origin; a URL on any other origin (a presigned download, a URL a response hands
   * out) is fetched without them.
   */
  trustedOrigins?: readonly string[];
  /** Max open connections of the built-in Node pool (default 64). */
  poolSize?: number;
  /**
   * Node only: a proxy URL (`http://user:pass@proxy:3128`) for every request, or `false` to
   * ignore proxy variables. Default: `HTTPS_PROXY` / `HTTP_PROXY` (CONNECT tunnels for https,
   * absolute-form requests for http) and `NO_PROXY`, read at client creation.
   */
  proxy?: string | false;
  /**
   * Node only: extra trusted CA certificates (PEM text or bytes), added to Node's roots and
   * `NODE_EXTRA_CA_CERTS` for https (a corporate TLS-inspecting proxy, a private Spark).
   */
  ca?: string | Uint8Array | ReadonlyArray<string | Uint8Array>;
  /**
   * Allow an API key or an OAuth client secret in a browser-like runtime, where any visitor
   * can read them (default `false`: creating such a client throws). Bearer tokens and public
   * access are always allowed.
   */
  allowBrowser?: boolean;
  /** SDK hooks observing every request. */
  hooks?: Partial<SparkHooks>;
  /**
   * OpenTelemetry tracing (Node): on by default whenever `@opentelemetry/api` is installed, so
   * spans are recorded once the application registers a tracer provider; `false` turns it off.
   * Browsers opt in with `hooks: tracingHooks(otel)` from `@spark/core/tracing`.
   */
  tracing?: boolean;
}

/**
 * Every key of {@link SparkClientOptions}, for the unknown-option check of `createClient`
 * (typed as a record of the interface's keys, so the two cannot drift apart).
 */
export const CLIENT_OPTION_KEYS: Readonly<Record<keyof SparkClientOptions, true>> = {
  baseUrl: true, env: true, tenant: true, auth: true, apiKey: true, token: true, oauth: true, tokenUrl: true,
  timeout: true, maxRetries: true, retryInterval: true, headers: true, logger: true, fetch: true,
  compressAbove: true, maxResponseBytes: true, trustedOrigins: true, poolSize: true, proxy: true, ca: true, allowBrowser: true, hooks: true,
  tracing: true,
};
