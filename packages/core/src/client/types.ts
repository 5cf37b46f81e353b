import type { SparkAuth } from '../auth/types.js';
import type { SparkLogger } from '../config/logger.js';
import type { SparkHooks } from '../transport/hooks.js';
import type { SparkBaseUrl, SparkDownload, SparkRequest, SparkResponse } from './messages.js';

export type { SparkFetch, SparkBaseUrl, SparkRequest, SparkResponse } from './messages.js';

/** The client configuration after defaults, environment variables and validation. */
export interface SparkConfig {
  readonly baseUrl: SparkBaseUrl;
  readonly auth: SparkAuth;
  /** Per-request timeout in milliseconds (default 60,000). */
  readonly timeout: number;
  /** Retries after the first attempt (default 2; 0 turns retries off). */
  readonly maxRetries: number;
  /** Base backoff interval in seconds (default 1). */
  readonly retryInterval: number;
  /** Extra headers sent with every request (they cannot override the SDK's own headers). */
  readonly headers: Readonly<Record<string, string>>;
  readonly logger: SparkLogger;
  /** Request bodies larger than this many bytes are gzip-compressed (`false`: never). */
  readonly compressAbove: number | false;
  /**
   * Origins credentials may be sent to: the client's own Spark origin first, then its
   * `trustedOrigins`. Any other URL is fetched without credentials.
   */
  readonly trustedOrigins: readonly string[];
  /** Most decoded bytes of a response body read into memory (default 128 MiB). */
  readonly maxResponseBytes: number;
}

/**
 * The small, stable contract between `@spark/core` and every resource package: resolved
 * configuration, lifecycle and one `request()` shared by all resources of a client.
 */
export interface SparkCore {
  readonly config: SparkConfig;
  /** Aborts when the client is closed. */
  readonly signal: AbortSignal;
  readonly closed: boolean;
  /** Sends one logical request (with retries, auth, timeouts) and reads its body. */
  request<T = unknown>(request: SparkRequest): Promise<SparkResponse<T>>;
  /** Sends a request whose body is binary and returns it as a stream-backed download. */
  download(request: SparkRequest): Promise<SparkDownload>;
  readonly hooks: SparkHooks;
}
