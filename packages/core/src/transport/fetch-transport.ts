import type { SparkFetch } from '../client/types.js';
import type { SparkFetchInit, SparkTransport } from './types.js';

/**
 * A transport over a `fetch` function: the user's own, or the runtime's global `fetch`
 * (looked up per call, so test doubles installed later are honoured).
 */
export function fetchTransport(options: { fetch?: SparkFetch | undefined } = {}): SparkTransport {
  const custom = options.fetch;
  return {
    fetch: (request: Request, init: SparkFetchInit) => {
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
    },
    gzip: typeof CompressionStream === 'function' ? gzipWithStreams : undefined,
    close: () => {},
  };
}

async function gzipWithStreams(body: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([body as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
