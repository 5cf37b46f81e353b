import type http from 'node:http';
import type { Readable } from 'node:stream';
import type { SparkFetch } from '../client/types.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import { builtin } from './builtins.node.js';
import { createRoutes, type Routes } from './proxy-agent.js';
import { proxySecrets, resolveProxy } from './proxy-env.js';
import { trustedCertificates, type SparkCaOption } from './tls-ca.js';
import { codecOf, decodeStream, readNodeBody } from './node-body.js';
import { NodeHeaders, NodeResponse } from './node-response.js';
import { nodeOrigin, plainPath } from './node-target.js';
import type { AttemptRequest, SparkTransport, TransportResponse } from './types.js';

/** Bodies up to this size are gzipped inline: a thread-pool round trip costs more than the work. */
const GZIP_INLINE_MAX = 128 * 1024;
/**
 * While none of the client's sockets carries a request, bodies up to this size are gzipped
 * inline too: nothing of the client's waits on the event loop meanwhile, and the thread pool's
 * round trip cost a 1,000-record, 185 KB v4 call 0.5 ms (bench/v4.mjs through the 20 ms proxy:
 * 1.05–1.06× the uncompressed time on the pool, 1.02–1.05× inline). 512 KiB takes about 3 ms at level 4.
 * A busy client (the batch runners, many calls in flight) keeps large bodies on the pool, where
 * they compress in parallel with its other work.
 */
const GZIP_INLINE_IDLE_MAX = 512 * 1024;

/**
 * zlib level 4, the Z_FILTERED strategy (1), a 16 KiB window and memLevel 7. On 1,000
 * two-number JSON records (31 KB) it sends 5,401 B, where level 6 sends 5,305 B and level 1
 * 6,273 B (too many for 5× fewer bytes on the wire). Timed the way the SDK compresses, right
 * after a request (caches cold), it took 227 µs, against 242 µs with the default window and
 * memory level and 370 µs at level 5 (medians of about 230 zlib.gzipSync calls each, this machine).
 */
const GZIP_OPTIONS = { level: 4, strategy: 1, windowBits: 14, memLevel: 7 };

/** Gzips a request body: inline when small (or not so small and `idle`), on the thread pool when large. */
async function gzipBody(body: Uint8Array, idle = false): Promise<Uint8Array> {
  const zlib = builtin('node:zlib');
  if (body.byteLength <= (idle ? GZIP_INLINE_IDLE_MAX : GZIP_INLINE_MAX)) return zlib.gzipSync(body, GZIP_OPTIONS);
  return new Promise((resolve, reject) => zlib.gzip(body, GZIP_OPTIONS, (error, out) => (error ? reject(error) : resolve(out))));
}

/** Options of {@link nodeTransport}. */
export interface NodeTransportOptions {
  fetch?: SparkFetch | undefined;
  poolSize?: number | undefined;
  /** Proxy URL for every request, `false` for none; default: HTTPS_PROXY / HTTP_PROXY / NO_PROXY. */
  proxy?: string | false | undefined;
  /** Extra trusted CA certificates for https. */
  ca?: SparkCaOption | undefined;
  /** Most ms a proxy may take to answer CONNECT before its socket is closed (default 60,000). */
  connectTimeout?: number | undefined;
}

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * The Node transport: `node:http`/`node:https` over a keep-alive pool owned by one client
 * (`close()` destroys it). Reads JSON bodies straight into a buffer (no web streams on the
 * hot path), streams downloads and uploads, and decodes gzip/deflate/br responses. A user's
 * own `fetch` replaces it entirely.
 */
export function nodeTransport(options: NodeTransportOptions = {}): SparkTransport {
  if (options.fetch) {
    if ((options.proxy !== undefined && options.proxy !== false) || options.ca !== undefined) {
      throw new SparkSdkError('proxy and ca configure the built-in Node transport; a custom fetch replaces it, so configure them in your fetch');
    }
    return lazyFetchTransport(options.fetch);
  }
  const poolSize = options.poolSize ?? 64;
  let opened = 0;
  const count = <A extends http.Agent>(agent: A): A => {
    const create = (agent as unknown as { createConnection: (...args: unknown[]) => unknown }).createConnection.bind(agent);
    (agent as unknown as { createConnection: (...args: unknown[]) => unknown }).createConnection = (...args) => { opened++; return create(...args); };
    return agent;
  };
  const ca = trustedCertificates(options.ca);
  const proxy = resolveProxy(options.proxy);
  const agents = createRoutes(proxy, { keepAlive: true, maxSockets: poolSize, scheduling: 'lifo', ...(ca ? { ca } : {}) }, count, options.connectTimeout);
  return {
    request: (request) => send(request, agents),
    gzip: (body) => gzipBody(body, idle(agents)),
    secrets: proxySecrets(proxy),
    close: () => { for (const agent of agents.agents) agent.destroy(); },
    connectionsOpened: () => opened,
  };
}

/** Whether none of the pool's sockets carries a request (an agent drops a socket's entry once it is free). */
function idle(routes: Routes): boolean {
  for (const agent of routes.agents) for (const _ in agent.sockets) return false;
  return true;
}

function send(request: AttemptRequest, agents: Routes): Promise<TransportResponse> {
  const headers = request.headers;
  headers['accept-encoding'] ??= 'gzip, deflate, br';
  const body = request.body;
  // Strings and bytes are sent without an await (a FormData is encoded first).
  if (typeof body === 'string') headers['content-length'] = String(Buffer.byteLength(body));
  else if (body instanceof Uint8Array) headers['content-length'] = String(body.byteLength);
  else if (body !== undefined) return encode(body, headers).then((encoded) => exchange(request, agents, encoded));
  return exchange(request, agents, body);
}

function exchange(request: AttemptRequest, agents: Routes, body: string | Uint8Array | Readable | undefined): Promise<TransportResponse> {
  const headers = request.headers;
  const { secure, agent, forward } = agents.route(request.url);
  const http = builtin(secure ? 'node:https' : 'node:http');
  let req: http.ClientRequest;
  if (forward) req = http.request({ method: request.method, agent, ...forward, headers: { ...headers, ...forward.headers } });
  else {
    const url = request.url;
    const origin = nodeOrigin(url);
    const path = plainPath(url, origin);
    const list = headerList(headers, origin.host, body);
    // Origin parsed once per client, path as it is: no `new URL()` per call (else Node parses the URL).
    req = path === undefined
      ? http.request(url, { method: request.method, headers: list, agent })
      : http.request({ hostname: origin.hostname, port: origin.port, path, method: request.method, headers: list, agent });
  }
  const answer = listen(request, req);
  if (body instanceof builtin('node:stream').Readable) body.on('error', (error) => req.destroy(error)).pipe(req);
  else req.end(body);
  return answer;
}

/**
 * The answer to `req`. Its own function, so the closures a waiting request keeps hold the
 * request and its promise only, not the route, headers and body `exchange` worked with.
 */
function listen(request: AttemptRequest, req: http.ClientRequest): Promise<TransportResponse> {
  return new Promise<TransportResponse>((resolve, reject) => {
    req.on('error', reject);
    // A callback, not `signal`: http.request({ signal }) adds and removes listeners per call.
    request.abort.onAbort(() => {
      const aborted = new DOMException('This operation was aborted', 'AbortError');
      req.destroy(aborted);
      // Without a socket yet (a CONNECT a proxy never answers), destroy() reports nothing until
      // one comes, maybe never: the attempt ends now, and a socket that comes later is dropped.
      if (!req.socket) reject(aborted);
    });
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const headers = new NodeHeaders(res.rawHeaders);
      const statusText = res.statusMessage ?? '';
      // Our headers, not `res.headers`: Node builds that object on first access, a second copy.
      const codec = codecOf(headers.get('content-encoding'));
      if (request.stream) {
        resolve(new NodeResponse(status, statusText, headers, { stream: NULL_BODY.has(status) ? null : decodeStream(res, codec) }));
        return;
      }
      readNodeBody(req, res, headers, codec, request.maxBytes ?? Infinity, (raw) => {
        // The body is read: drop the abort callback, which holds this request. (A late destroy()
        // would be ignored anyway: Node has already given the socket back to the pool.)
        request.abort.offAbort();
        resolve(new NodeResponse(status, statusText, headers, { raw }));
      }, reject);
    });
  });
}

/**
 * The headers as Node's flat `[name, value, …]` list, for a body of known length: Node then
 * writes the header block once, where an object costs a `setHeader()` per header (a
 * `[name, value]` pair each, kept until the request ends: with the SDK's ten headers about
 * 1.7 KB more per call than a three-header request, the largest allocation on the hot path).
 * `Host` comes last, as Node appends it to an object. The bytes on the wire are the same; any
 * other case (no length, a caller's own `host` or `expect`) keeps the object.
 */
function headerList(headers: Record<string, string>, host: string, body: unknown): Record<string, string> | string[] {
  if (body === undefined || body instanceof builtin('node:stream').Readable || 'host' in headers || 'expect' in headers) return headers;
  // Sized for the SDK's headers up front: growing a list by push() copies it several times.
  const list = new Array<string>(24);
  let n = 0;
  for (const name in headers) {
    list[n++] = name;
    list[n++] = headers[name]!;
  }
  list[n++] = 'Host';
  list[n++] = host;
  list.length = n;
  return list;
}

async function encode(body: FormData | ReadableStream<Uint8Array>, headers: Record<string, string>): Promise<Uint8Array | Readable> {
  if (body instanceof FormData) {
    const encoded = new Response(body);
    headers['content-type'] = encoded.headers.get('content-type') ?? 'multipart/form-data';
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    headers['content-length'] = String(bytes.byteLength);
    return bytes;
  }
  return builtin('node:stream').Readable.fromWeb(body as import('node:stream/web').ReadableStream);
}

/**
 * The fetch transport, loaded on first use: a user's own `fetch` goes through ky, and keeping
 * ky out of the Node entry's static imports keeps undici's `Request` out of the cold import.
 */
function lazyFetchTransport(fetch: NonNullable<NodeTransportOptions['fetch']>): SparkTransport {
  let inner: Promise<SparkTransport> | undefined;
  const load = (): Promise<SparkTransport> => (inner ??= import('./fetch-transport.js').then((m) => m.fetchTransport({ fetch })));
  return {
    request: async (request) => (await load()).request(request),
    gzip: gzipBody,
    close: () => {},
  };
}
