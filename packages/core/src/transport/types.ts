import type { SparkFetch } from '../client/types.js';
import type { AttemptAbort } from './attempt-abort.js';

/** A prepared request body handed to the transport. */
export type PreparedBody = string | Uint8Array | FormData | ReadableStream<Uint8Array> | undefined;

/** Extra, non-standard `fetch` init members the fetch transport passes through ky to `fetch`. */
export interface SparkFetchInit extends RequestInit {
  sparkBody?: PreparedBody;
  sparkSignal?: AbortSignal;
}

/** One attempt as a direct transport receives it (no `Request` object is built). */
export interface AttemptRequest {
  url: string;
  method: string;
  /** Lower-case names, one entry each (the Node pool sends them as a flat list, which Node does not merge). */
  headers: Record<string, string>;
  body: PreparedBody;
  /** The attempt's cancellation: a callback for the Node pool, `abort.signal` for `fetch`. */
  abort: AttemptAbort;
  stream: boolean;
  /**
   * Most decoded body bytes to read (`Infinity` or absent: no cap). Past it the transport
   * stops reading, drops the connection and rejects with a `BodyTooLarge`.
   */
  maxBytes?: number | undefined;
}

/** The headers of a transport's answer, as the SDK reads them (a `Headers` is one). */
export interface HeaderReader {
  get(name: string): string | null;
  forEach(callback: (value: string, name: string) => void): void;
}

/**
 * A transport's answer, as the SDK reads it: a fetch `Response`, or the Node pool's lighter
 * `NodeResponse` (no undici objects; the body already read unless it was asked as a stream).
 */
export interface TransportResponse {
  readonly status: number;
  readonly headers: HeaderReader;
  readonly body: ReadableStream<Uint8Array> | null;
  /** The whole body, when the transport has already read it (the Node pool, unless streaming). */
  readonly rawBody?: Uint8Array | undefined;
  arrayBuffer(): Promise<ArrayBuffer>;
  text(): Promise<string>;
}

/**
 * A client's HTTP transport: the pooled Node one, or one over a `fetch` function (through ky).
 * The SDK pipeline hands it one attempt at a time.
 */
export interface SparkTransport {
  /**
   * Sends one attempt. The Node pool does it without ky: building and cloning a `Request`
   * costs ~100 µs per call on Node 20 (half of the SDK's own CPU per call), and importing ky
   * loads undici's `Request` (~60 ms of cold import), neither of which a `node:http` pool needs.
   */
  readonly request: (request: AttemptRequest) => Promise<TransportResponse>;
  /** Gzips a body, when the platform can. */
  readonly gzip?: ((body: Uint8Array) => Promise<Uint8Array>) | undefined;
  /** Releases pooled connections at once (open sockets are destroyed). */
  close(): void;
  /** Secrets the transport holds (proxy credentials), masked in errors and logs like the client's own. */
  readonly secrets?: readonly string[] | undefined;
  /** Number of TCP connections opened so far, when the transport knows it. */
  readonly connectionsOpened?: (() => number) | undefined;
}

/** Makes a transport for a client. */
export type SparkTransportFactory = (options: { fetch?: SparkFetch | undefined; poolSize?: number | undefined }) => SparkTransport;
