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

/**
 * The response a `request()` resolves to: a plain object whose `headers` (an own, enumerable
 * getter, so spreading the response keeps it) become a `Headers` when first read.
 *
 * @example
 * return sparkResponse(200, response.headers, data, requestId, url);
 */
export function sparkResponse<T>(status: number, reader: HeaderReader, data: T, requestId: string, url: string): SparkResponse<T> {
  let headers: Headers | undefined;
  return {
    status,
    get headers(): Headers {
      return (headers ??= toHeaders(reader));
    },
    data,
    requestId,
    url,
  };
}
