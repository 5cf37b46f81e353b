import { SparkSdkError } from '../errors/sdk-error.js';
import { builtin } from './builtins.node.js';

/** Where requests of each scheme go, after the `proxy` option and the environment. */
export interface ProxySettings {
  /** Proxy for `http:` targets (absolute-form requests). */
  readonly http: URL | undefined;
  /** Proxy for `https:` targets (CONNECT tunnels). */
  readonly https: URL | undefined;
  /** Whether a target host (and port) must be reached directly. */
  bypass(hostname: string, port: string): boolean;
}

type Env = Record<string, string | undefined>;

/**
 * Resolves the proxies of a Node client, once, at client creation (as httpx and curl do):
 * an explicit `proxy` URL serves every target (NO_PROXY does not apply to it, as in httpx);
 * `false` turns proxies off; otherwise `https_proxy`/`HTTPS_PROXY` serve https targets,
 * `http_proxy`/`HTTP_PROXY` http ones, and `no_proxy`/`NO_PROXY` lists hosts reached
 * directly. Lower-case names win over upper-case ones, like curl and Python's urllib.
 *
 * @param option - the client's `proxy` option
 * @param env - the environment (default `process.env`)
 * @returns the settings, or `undefined` when no proxy applies at all
 * @example
 * resolveProxy(undefined, { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '.internal' })
 */
export function resolveProxy(option: string | false | undefined, env: Env = process.env): ProxySettings | undefined {
  if (option === false) return undefined;
  if (option !== undefined) {
    if (typeof option !== 'string' || option.trim() === '') throw new SparkSdkError('proxy must be a proxy URL such as "http://proxy:3128", or false');
    const url = proxyUrl(option, 'proxy');
    return { http: url, https: url, bypass: () => false };
  }
  const pick = (name: string): string | undefined => {
    const value = env[name.toLowerCase()]?.trim() || env[name.toUpperCase()]?.trim();
    return value ? value : undefined;
  };
  const httpsRaw = pick('https_proxy');
  const httpRaw = pick('http_proxy');
  if (!httpsRaw && !httpRaw) return undefined;
  return {
    https: httpsRaw ? proxyUrl(httpsRaw, 'HTTPS_PROXY') : undefined,
    http: httpRaw ? proxyUrl(httpRaw, 'HTTP_PROXY') : undefined,
    bypass: noProxyMatcher(pick('no_proxy') ?? ''),
  };
}

function proxyUrl(raw: string, source: string): URL {
  const text = raw.trim();
  let url: URL;
  try {
    // curl and requests accept a bare `host:port` and assume http.
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    throw new SparkSdkError(`${source} must be an http(s) proxy URL, got an unparsable value`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SparkSdkError(`${source} must be an http:// or https:// proxy URL, got "${url.protocol}"`);
  }
  return url;
}

/**
 * Builds the NO_PROXY test: entries separated by commas or spaces; `*` matches every host;
 * `example.com`, `.example.com` and `*.example.com` match the domain and its subdomains;
 * an IP matches itself, a CIDR (`10.0.0.0/8`) its range; `host:port` only that port.
 *
 * @param list - the NO_PROXY value
 * @returns `(hostname, port) => boolean`
 * @example
 * noProxyMatcher('localhost,.corp,10.0.0.0/8')('api.corp', '443') // true
 */
export function noProxyMatcher(list: string): (hostname: string, port: string) => boolean {
  const entries = list.split(/[\s,]+/).map((e) => e.trim().toLowerCase()).filter(Boolean);
  if (entries.includes('*')) return () => true;
  const rules = entries.map(parseEntry);
  return (hostname, port) => {
    const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
    return rules.some((rule) => (rule.port === undefined || rule.port === port) && rule.test(host));
  };
}

function parseEntry(entry: string): { port: string | undefined; test: (host: string) => boolean } {
  let host = entry;
  let port: string | undefined;
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracket) {
    host = bracket[1]!;
    port = bracket[2];
  } else if (/^[^:]+:\d+$/.test(entry)) {
    [host, port] = entry.split(':') as [string, string];
  }
  const cidr = /^(.+)\/(\d{1,3})$/.exec(host);
  const net = builtin('node:net');
  if (cidr && net.isIP(cidr[1]!)) {
    const family = net.isIPv4(cidr[1]!) ? 'ipv4' : 'ipv6';
    const blocks = new net.BlockList();
    try {
      blocks.addSubnet(cidr[1]!, Number(cidr[2]), family);
    } catch {
      return { port, test: () => false };
    }
    return { port, test: (h) => net.isIP(h) !== 0 && blocks.check(h, net.isIPv4(h) ? 'ipv4' : 'ipv6') };
  }
  const domain = host.replace(/^\*?\./, '');
  return { port, test: (h) => h === domain || h.endsWith(`.${domain}`) };
}

/**
 * The credentials a proxy setting holds (its password, `user:password`, and the
 * `Proxy-Authorization` value made from them), so errors, bodies and logs mask them like
 * every other secret.
 *
 * @example
 * proxySecrets(resolveProxy('http://me:s3cret-pass@proxy:3128')) // ['s3cret-pass', 'me:s3cret-pass', 'bWU6czNjcmV0LXBhc3M=', …]
 */
export function proxySecrets(settings: ProxySettings | undefined): string[] {
  const out = new Set<string>();
  for (const url of [settings?.http, settings?.https]) {
    if (!url || (!url.username && !url.password)) continue;
    const user = safeDecode(url.username);
    const password = safeDecode(url.password);
    const pair = `${user}:${password}`;
    for (const secret of [password, url.password, pair, `${url.username}:${url.password}`, Buffer.from(pair).toString('base64')]) {
      if (secret.length > 0) out.add(secret);
    }
  }
  return [...out];
}

function safeDecode(text: string): string {
  try { return decodeURIComponent(text); } catch { return text; }
}
