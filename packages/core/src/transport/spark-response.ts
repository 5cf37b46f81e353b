import type { SparkResponse } from '../client/types.js';
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

/** A {@link SparkResponse} whose `headers` become a `Headers` when first read. */
class LazySparkResponse<T> implements SparkResponse<T> {
  readonly status: number;
  readonly data: T;
  readonly requestId: string;
  readonly url: string;
  #reader: HeaderReader;
  #headers: Headers | undefined;

  constructor(status: number, reader: HeaderReader, data: T, requestId: string, url: string) {
    this.status = status;
    this.#reader = reader;
    this.data = data;
    this.requestId = requestId;
    this.url = url;
  }

  get headers(): Headers {
    return (this.#headers ??= toHeaders(this.#reader));
  }
}

/**
 * The response a `request()` resolves to.
 *
 * @example
 * return sparkResponse(200, response.headers, data, requestId, url);
 */
export function sparkResponse<T>(status: number, headers: HeaderReader, data: T, requestId: string, url: string): SparkResponse<T> {
  return new LazySparkResponse(status, headers, data, requestId, url);
}
