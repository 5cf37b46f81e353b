import type { SparkResponse as Response_ } from '../client/types.js';
import type { HeaderReader } from './types.js';

/**
 * A transport's headers as a `Headers`: a fetch `Response`'s are returned as they are; the
 * Node pool's lighter ones make a `Headers` (which loads undici in Node) only now.
 *
 * @example
 * const headers = toHeaders(response.headers);
 */
export function toHeaders(headers: HeaderReader): Headers {
  const own = (headers as { toHeaders?: () => Headers }).toHeaders;
  return typeof own === 'function' ? own.call(headers) : (headers as Headers);
}

/**
 * The response a `request()` resolves to: its `headers` (an own, enumerable getter, so
 * spreading the response keeps it) become a `Headers` when first read. One getter function
 * for every response: an object literal with its own `get headers()` closure per response cost
 * a new hidden class per response, which V8 kept past young-generation collections (peak RSS at
 * 32 calls in flight 82 MB against 70 MB with this class, bench/README.md).
 */
class SparkResponse<T> implements Response_<T> {
  declare status: number;
  declare readonly headers: Headers;
  declare data: T;
  declare requestId: string;
  declare url: string;
  #reader: HeaderReader;
  #headers: Headers | undefined;

  static readonly #headersProperty: PropertyDescriptor = {
    get(this: SparkResponse<unknown>): Headers {
      return (this.#headers ??= toHeaders(this.#reader));
    },
    enumerable: true,
    configurable: true,
  };

  constructor(status: number, reader: HeaderReader, data: T, requestId: string, url: string) {
    // In this order, as Object.keys() and a spread list them: status, headers, data, requestId, url.
    this.status = status;
    Object.defineProperty(this, 'headers', SparkResponse.#headersProperty);
    this.data = data;
    this.requestId = requestId;
    this.url = url;
    this.#reader = reader;
  }
}

/**
 * Makes the response a `request()` resolves to (see {@link SparkResponse}).
 *
 * @example
 * return sparkResponse(200, response.headers, data, requestId, url);
 */
export function sparkResponse<T>(status: number, reader: HeaderReader, data: T, requestId: string, url: string): Response_<T> {
  return new SparkResponse(status, reader, data, requestId, url);
}
