import type { SparkFetch } from '../client/types.js';

/** A prepared request body handed to the transport. */
export type PreparedBody = string | Uint8Array | FormData | ReadableStream<Uint8Array> | undefined;

/** Extra, non-standard `fetch` init members the SDK passes through ky to its transport. */
export interface SparkFetchInit extends RequestInit {
  sparkBody?: PreparedBody;
  sparkSignal?: AbortSignal;
  /** Keep the response body as a stream instead of reading it into memory. */
  sparkStream?: boolean;
}

/** Key under which the Node transport attaches the already-read body to a `Response`. */
export const RAW_BODY: unique symbol = Symbol.for('@spark/core/raw-body') as never;

/** One attempt as a direct transport receives it (no `Request` object is built). */
export interface DirectRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: PreparedBody;
  signal: AbortSignal;
  stream: boolean;
}

/**
 * A client's HTTP transport: the pooled Node one (`request`, called directly), or one over a
 * `fetch` function (`fetch`, called by ky with the `Request` it built).
 */
export interface SparkTransport {
  /** Called by ky with the request it built and the init carrying `sparkBody`/`sparkSignal`. */
  readonly fetch?: ((request: Request, init: SparkFetchInit) => Promise<Response>) | undefined;
  /**
   * Sends one attempt without ky. Building and cloning a `Request` costs ~100 µs per call in
   * Node 20 (measured in bench/), half of the SDK's own CPU per call, and a pooled `node:http`
   * transport has no use for it.
   */
  readonly request?: ((request: DirectRequest) => Promise<Response>) | undefined;
  /** Gzips a body, when the platform can. */
  readonly gzip?: ((body: Uint8Array) => Promise<Uint8Array>) | undefined;
  /** Releases pooled connections (`destroy`: at once; `idle`: after in-flight requests). */
  close(): void;
  /** Number of TCP connections opened so far, when the transport knows it. */
  readonly connectionsOpened?: (() => number) | undefined;
}

/** Makes a transport for a client. */
export type SparkTransportFactory = (options: { fetch?: SparkFetch | undefined; poolSize?: number | undefined }) => SparkTransport;
