import ky from 'ky';
import type { SparkFetch } from '../client/types.js';
import type { AttemptRequest, SparkFetchInit, SparkTransport } from './types.js';

/**
 * A transport over a `fetch` function: the user's own, or the runtime's global `fetch`
 * (looked up per call, so test doubles installed later are honoured). ky builds the
 * `Request`; the SDK's pipeline keeps retries, timeouts and errors (ky's are turned off), and
 * the prepared body and the attempt's signal travel to `fetch` as ky's pass-through options.
 */
export function fetchTransport(options: { fetch?: SparkFetch | undefined } = {}): SparkTransport {
  const custom = options.fetch;
  const callFetch = (request: Request, init: SparkFetchInit): Promise<Response> => {
    const body = init.sparkBody;
    const requestInit: RequestInit & { duplex?: 'half' } = {
      method: request.method,
      headers: request.headers,
      redirect: 'manual',
      ...(body !== undefined ? { body: body as BodyInit } : {}),
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
      ...(init.sparkSignal ? { signal: init.sparkSignal } : {}),
    };
    return (custom ?? globalThis.fetch)(request.url, requestInit);
  };
  return {
    request: (attempt: AttemptRequest) => {
      const init: SparkFetchInit & Record<string, unknown> = {
        method: attempt.method,
        headers: attempt.headers,
        retry: 0,
        timeout: false,
        throwHttpErrors: false,
        fetch: callFetch,
        sparkBody: attempt.body,
        sparkSignal: attempt.abort.signal,
      };
      return ky(attempt.url, init);
    },
    gzip: typeof CompressionStream === 'function' ? gzipWithStreams : undefined,
    close: () => {},
  };
}

async function gzipWithStreams(body: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([body as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
