// The request and response shapes shared by the client, the transports and the auth
// strategies. This file imports nothing, so any module may depend on it without a cycle.

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

/** What a resource asks the transport to do; `signal`, `timeout` and `maxResponseBytes` are the caller's {@link CallOptions}. */
export interface SparkRequest extends CallOptions {
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
  /**
   * Facts about the call for hooks and tracing (`spark.service.uri`, `spark.record.count`), the
   * same for every attempt. Never secrets, never inputs.
   */
  attributes?: Readonly<Record<string, string | number | boolean>>;
}

/** A transport response with its body already read. */
export interface SparkResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed body, bytes, text or stream depending on `responseType`. */
  readonly data: T;
  /** The `x-request-id` of the attempt that produced this response. */
  readonly requestId: string;
  /** The URL requested, whole (a presigned URL keeps its query here: the caller already holds it). */
  readonly url: string;
}

/** A binary result (Excel file, zip, WASM module) that can be streamed, buffered or saved. */
export interface SparkDownload {
  /** The body as a web stream (readable once: after reading it, `bytes()` and `toFile()` throw a `SparkSdkError`). */
  readonly stream: ReadableStream<Uint8Array>;
  readonly contentType: string | undefined;
  /** File name from `Content-Disposition`, when Spark sends a plain one: `undefined` for a name with a slash, backslash or colon, `.` or `..`. */
  readonly fileName: string | undefined;
  /**
   * Reads the whole body into memory (once; a second call returns the same bytes). Bounded by
   * the call's `maxResponseBytes`, else the client's: past it, a `SparkResponseTooLargeError`
   * and the stream is cancelled.
   */
  bytes(): Promise<Uint8Array>;
  /** Node only: streams the body to a file without holding it in memory; resolves to the byte count. */
  toFile(path: string): Promise<number>;
}

/**
 * Cancellation, timeout and response cap of one call: the last argument of every resource operation.
 *
 * @example
 * await getLog(spark, callId, { signal: AbortSignal.timeout(10_000), timeout: 5_000 });
 * await executeService(spark, 'folder/service', { inputs, maxResponseBytes: 512 * 1024 * 1024 });
 */
export interface CallOptions {
  /** Cancels the call. */
  signal?: AbortSignal;
  /** Per-call timeout in ms, overriding the client's: a finite number > 0 (fractions allowed). */
  timeout?: number;
  /**
   * Most decoded bytes of a response body this call accepts, overriding the client's
   * `maxResponseBytes`: a whole number > 0. Past it the call fails with a
   * `SparkResponseTooLargeError` naming the cap. Streamed downloads (`SparkDownload.stream`,
   * `toFile()`) are not capped unless this is set; `bytes()` holds the body in memory, so it is
   * capped by this or else the client's `maxResponseBytes`. A long job passes it to every request.
   */
  maxResponseBytes?: number;
}

/** A date option: an ISO 8601 string, epoch milliseconds or a `Date`. */
export type SparkDateInput = string | number | Date;
