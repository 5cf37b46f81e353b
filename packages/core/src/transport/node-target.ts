/** What `http.request` needs of a URL's origin, parsed once per origin. */
export interface NodeOrigin {
  /** The origin as it starts the URL (`http://host:port`). */
  readonly origin: string;
  /** The `Host` header Node sends: the URL's `host` (default port dropped, IPv6 bracketed). */
  readonly host: string;
  /** `http.request`'s `hostname` (IPv6 without brackets) and `port` (`undefined`: the scheme's default). */
  readonly hostname: string;
  readonly port: number | undefined;
  /**
   * Whether the rest of a URL can be given as its path: false when the parser would rewrite the
   * origin as written (`user:pass@`, which Node turns into a header; capitals; a default port).
   */
  readonly plain: boolean;
}

const ORIGINS = new Map<string, NodeOrigin>();
let last: NodeOrigin | undefined;

/** A path the WHATWG URL parser would leave as it is: no dot segment (`%2e` included), nothing it percent-encodes. */
const PLAIN_PATH = /^\/[\w\-.~!$&()*+,;=:@/?%]*$/;
const DOT_SEGMENT = /\/(?:\.|%2e)/i;

/**
 * The origin of an absolute http(s) URL, parsed with `URL` on first sight and cached (64 at
 * most): `http.request(url)` parses the whole URL again on every call (`urlToHttpOptions`,
 * about 2 µs and a `URL` object per call in a CPU profile of bench/execute.mjs).
 *
 * @example
 * const target = nodeOrigin('http://127.0.0.1:8080/t/api/v3/x'); // { host: '127.0.0.1:8080', hostname: '127.0.0.1', port: 8080, … }
 */
export function nodeOrigin(url: string): NodeOrigin {
  if (last && url.startsWith(last.origin) && url.charCodeAt(last.origin.length) === SLASH) return last;
  const origin = url.slice(0, authorityEnd(url));
  let found = ORIGINS.get(origin);
  if (found === undefined) {
    const parsed = new URL(origin);
    const hostname = parsed.hostname.startsWith('[') ? parsed.hostname.slice(1, -1) : parsed.hostname;
    // Plain only when the parser reads the string as exactly this origin (no userinfo, case,
    // default port or backslash for it to rewrite): then the rest of the URL is the path.
    const plain = `${parsed.origin}/` === parsed.href && parsed.origin === origin;
    found = { origin, host: parsed.host, hostname, port: parsed.port ? Number(parsed.port) : undefined, plain };
    if (ORIGINS.size >= 64) ORIGINS.clear();
    ORIGINS.set(origin, found);
  }
  return (last = found);
}

const SLASH = 47;

/** Where the authority of `scheme://authority…` ends: at the first '/', '?', '#' or '\\' after it (or the end). */
function authorityEnd(url: string): number {
  const start = url.indexOf('//') + 2;
  for (let i = start; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === SLASH || c === 63 || c === 35 || c === 92) return i;
  }
  return url.length;
}

/**
 * The path of `url` (after its origin) when it can be sent as it is, i.e. what `new URL(url)`
 * would make of it (`pathname` + `search`); `undefined` when the URL must go through the parser.
 *
 * @example
 * plainPath('http://h/t/api/v3/x?a=1', nodeOrigin('http://h/t/api/v3/x?a=1')); // '/t/api/v3/x?a=1'
 */
export function plainPath(url: string, origin: NodeOrigin): string | undefined {
  if (!origin.plain) return undefined;
  const rest = url.slice(origin.origin.length);
  // Nothing, or a query, straight after the host: the parser's path is '/'.
  const path = rest === '' || rest.charCodeAt(0) === 63 ? `/${rest}` : rest;
  return PLAIN_PATH.test(path) && !DOT_SEGMENT.test(path) ? path : undefined;
}
