import type { SparkAuth } from '../auth/types.js';
import type { SparkLogger } from '../config/logger.js';
import type { SparkHooks } from '../transport/hooks.js';
import type { SparkDownload } from '../jobs/download.js';

/** HTTP methods the Spark API uses. */
export type SparkMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A `fetch`-compatible function: the global one, a proxy-aware one, or a test double. */
export type SparkFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** The resolved location of a Spark tenant. */
export interface SparkBaseUrl {
  /** Scheme and host, e.g. `https://excel.uat.us.coherent.global`. `/api/v1` calls hang off it. */
  readonly origin: string;
  /** The tenant name, e.g. `my-tenant`. */
  readonly tenant: string;
  /** `origin/tenant`: `/api/v3` and `/api/v4` calls hang off it. */
  readonly full: string;
  /** The Spark environment (`uat.us`) for `*.coherent.global` hosts, else `undefined`. */
  readonly env: string | undefined;
}

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

/** What a resource asks the transport to do. */
export interface SparkRequest {
  /** Operation id used in hooks, logs and errors, e.g. `services.execute`. */
  operation: string;
  method: SparkMethod;
  /**
   * Path below the base URL, without a leading slash. `api/v1/...` paths resolve against the
   * origin, every other path against `origin/tenant`. Ignored when `url` is given.
   */
  path?: string;
  /** An absolute URL (e.g. a `download_url` handed out by Spark). */
  url?: string;
  /** Query parameters; `undefined` values are dropped, empty strings kept. */
  query?: Record<string, string | number | boolean | undefined>;
  /** Per-call headers (lowest precedence). */
  headers?: Record<string, string>;
  /** A JSON body (serialised once). */
  json?: unknown;
  /** An `application/x-www-form-urlencoded` body. */
  form?: Record<string, string>;
  /** A raw body: multipart `FormData`, bytes, text, or a stream. */
  body?: FormData | Uint8Array | string | ReadableStream<Uint8Array>;
  /** How to read the response body (default `json`: parsed when the response is JSON, its text otherwise, `null` when empty). */
  responseType?: 'json' | 'text' | 'bytes' | 'stream';
  /** The caller's cancellation signal. */
  signal?: AbortSignal;
  /** Overrides the client's per-request timeout (ms). */
  timeout?: number;
  /**
   * Overrides the client's `maxResponseBytes` for this call. Streamed bodies (downloads) are
   * not capped unless this is given; they fail instead when they send nothing for `timeout` ms.
   */
  maxResponseBytes?: number;
  /**
   * Whether repeating the request is safe (idempotent, or deduplicated by the server): then
   * 502/504 and network failures are retried too. 408/429/503 are always retried.
   * Defaults to `true` for GET, DELETE and PUT.
   */
  idempotent?: boolean;
  /** Send the client's credentials (default `true`). */
  auth?: boolean;
  /** Compress the body when it is larger than the client's threshold (default `false`). */
  compress?: boolean;
}

/** A transport response with its body already read. */
export interface SparkResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed body, bytes, text or stream depending on `responseType`. */
  readonly data: T;
  /** The `x-request-id` of the attempt that produced this response. */
  readonly requestId: string;
  readonly url: string;
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
