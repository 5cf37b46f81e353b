import type { Readable } from 'node:stream';
import { builtin } from './builtins.node.js';
import type { HeaderReader, TransportResponse } from './types.js';

/**
 * Response headers of the Node pool, read straight from `rawHeaders`. Node's global `Headers`
 * and `Response` live in undici, which Node loads on their first use — about 25 ms (with
 * crypto and TLS) of a program's first call (a CPU profile of import + one execute). The SDK
 * only needs `get()`; a real `Headers` is made when a caller asks for one (`toHeaders()`).
 *
 * @example
 * new NodeHeaders(['Content-Type', 'application/json']).get('content-type'); // 'application/json'
 */
export class NodeHeaders implements HeaderReader {
  readonly #raw: readonly string[];

  constructor(raw: readonly string[]) {
    this.#raw = raw;
  }

  /** The value of `name` (any case); repeated headers joined with ", " like `Headers.get`. */
  get(name: string): string | null {
    const wanted = name.toLowerCase();
    let value: string | null = null;
    const raw = this.#raw;
    for (let i = 0; i < raw.length; i += 2) {
      if (raw[i]!.length === wanted.length && raw[i]!.toLowerCase() === wanted) value = value === null ? raw[i + 1]! : `${value}, ${raw[i + 1]!}`;
    }
    return value;
  }

  /** Calls `callback(value, name)` per header, names lower-cased, in arrival order. */
  forEach(callback: (value: string, name: string) => void): void {
    const raw = this.#raw;
    for (let i = 0; i < raw.length; i += 2) callback(raw[i + 1]!, raw[i]!.toLowerCase());
  }

  /** A real `Headers` with the same entries. */
  toHeaders(): Headers {
    const headers = new Headers();
    this.forEach((value, name) => headers.append(name, value));
    return headers;
  }
}

/** One answer of the Node pool: status, headers, and either the read body or a stream. */
export class NodeResponse implements TransportResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: NodeHeaders;
  readonly body: ReadableStream<Uint8Array> | null;
  readonly rawBody: Uint8Array | undefined;

  constructor(status: number, statusText: string, headers: NodeHeaders, body: { raw: Uint8Array } | { stream: Readable | null }) {
    this.status = status;
    this.statusText = statusText;
    this.headers = headers;
    this.rawBody = 'raw' in body ? body.raw : undefined;
    this.body = 'stream' in body && body.stream ? (builtin('node:stream').Readable.toWeb(body.stream) as ReadableStream<Uint8Array>) : null;
  }

  /** The whole body (read from the stream when the answer was streamed). */
  async arrayBuffer(): Promise<ArrayBuffer> {
    const raw = this.rawBody;
    if (raw) return raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength) as ArrayBuffer;
    return this.body ? new Response(this.body).arrayBuffer() : new ArrayBuffer(0);
  }

  /** The whole body as UTF-8 text. */
  async text(): Promise<string> {
    return new TextDecoder().decode(await this.arrayBuffer());
  }
}
