import type http from 'node:http';
import type https from 'node:https';
import type { Duplex } from 'node:stream';
import type tls from 'node:tls';
import { MAX_TIMER_MS } from './attempt.js';
import { builtin } from './builtins.node.js';
import type { ProxySettings } from './proxy-env.js';

/** How one request leaves the process: which module, agent and `request()` arguments. */
interface Route {
  readonly secure: boolean;
  readonly agent: http.Agent;
  /** Extra `request()` options (absolute-form through an HTTP proxy), else `undefined`. */
  readonly forward: http.RequestOptions | undefined;
}

/** The agents of one Node client, and the routing decision for each URL. */
export interface Routes {
  route(url: string): Route;
  readonly agents: readonly http.Agent[];
}

/**
 * Builds a client's agents: direct keep-alive pools, and, when a proxy applies, an agent to
 * the proxy for `http:` targets (absolute-form requests) and a {@link TunnelAgent} for
 * `https:` ones (CONNECT, then TLS to the target through the tunnel).
 *
 * @param proxy - resolved proxy settings (`undefined`: none)
 * @param agentOptions - pool options shared by every agent (`ca`, `maxSockets`, …)
 * @param wrap - applied to each agent once (connection counting)
 * @param connectTimeout - most ms a proxy may take to answer CONNECT (default 60,000): a
 *   CONNECT left unanswered is closed then, even when the call that asked for it has ended
 * @returns the routing function and every agent (to destroy on close)
 * @example
 * const { route } = createRoutes(resolveProxy(undefined), { keepAlive: true }, (a) => a);
 */
export function createRoutes(proxy: ProxySettings | undefined, agentOptions: https.AgentOptions, wrap: <A extends http.Agent>(agent: A) => A, connectTimeout = 60_000): Routes {
  const agents: http.Agent[] = [];
  // Agents are made on first use, so a client that only speaks http never loads node:https.
  const make = <A extends http.Agent>(agent: A): A => { agents.push(wrap(agent)); return agent; };
  let straightHttp: Route | undefined;
  let straightHttps: Route | undefined;
  let viaHttp: http.Agent | undefined;
  let viaHttps: http.Agent | undefined;
  const straight = (secure: boolean): Route => (secure
    ? (straightHttps ??= { secure, agent: make(new (builtin('node:https').Agent)(agentOptions)), forward: undefined })
    : (straightHttp ??= { secure, agent: make(new (builtin('node:http').Agent)(agentOptions)), forward: undefined }));
  return {
    agents,
    route(raw) {
      const secure = raw.startsWith('https:');
      // Without a proxy this must cost nothing: it runs on every request.
      if (!(secure ? proxy?.https : proxy?.http)) return straight(secure);
      const url = new URL(raw);
      if (proxy!.bypass(url.hostname, url.port || (secure ? '443' : '80'))) return straight(secure);
      if (secure) return { secure, agent: (viaHttps ??= make(tunnelAgent(proxy!.https!, agentOptions, connectTimeout))), forward: undefined };
      const target = proxy!.http!;
      viaHttp ??= make(new (builtin(target.protocol === 'https:' ? 'node:https' : 'node:http').Agent)(agentOptions));
      return {
        secure: target.protocol === 'https:',
        agent: viaHttp,
        forward: {
          protocol: target.protocol,
          hostname: bare(target.hostname),
          port: target.port || (target.protocol === 'https:' ? 443 : 80),
          path: url.href,
          headers: { host: url.host, ...proxyAuthorization(target) },
        },
      };
    },
  };
}

type TunnelAgentClass = new (proxy: URL, options: https.AgentOptions, connectTimeout: number) => https.Agent;
let TunnelAgent: TunnelAgentClass | undefined;

/** A {@link defineTunnelAgent} agent to the target through `proxy` (the class is defined on first use). */
function tunnelAgent(proxy: URL, options: https.AgentOptions, connectTimeout: number): https.Agent {
  TunnelAgent ??= defineTunnelAgent(builtin('node:http'), builtin('node:https'), builtin('node:tls'));
  return new TunnelAgent(proxy, options, connectTimeout);
}

/**
 * Defines an `https.Agent` whose sockets are TLS sessions to the target through a CONNECT
 * tunnel of an HTTP(S) proxy. Pooling, keep-alive and `destroy()` work as for any agent.
 */
function defineTunnelAgent(http: typeof import('node:http'), https: typeof import('node:https'), tls: typeof import('node:tls')): TunnelAgentClass {
  return class TunnelAgent extends https.Agent {
    readonly #proxy: URL;
    readonly #connectTimeout: number;
    readonly #pending = new Set<http.ClientRequest>();

    constructor(proxy: URL, options: https.AgentOptions, connectTimeout: number) {
      super(options);
      this.#proxy = proxy;
      this.#connectTimeout = Math.min(connectTimeout, MAX_TIMER_MS);
    }

    override createConnection(options: https.RequestOptions, callback?: (err: Error | null, stream: Duplex) => void): Duplex | null | undefined {
      const done = callback ?? (() => {});
      const host = bare(options.hostname ?? options.host ?? 'localhost');
      const port = Number(options.port ?? 443);
      const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`;
      const proxy = this.#proxy;
      const connect = (proxy.protocol === 'https:' ? https : http).request({
        hostname: bare(proxy.hostname),
        port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
        method: 'CONNECT',
        path: authority,
        headers: { host: authority, ...proxyAuthorization(proxy) },
        agent: false,
        ...(proxy.protocol === 'https:' && options.ca ? { ca: options.ca } : {}),
      });
      this.#pending.add(connect);
      // A CONNECT the proxy never answers is closed, even when the call that asked for it ended.
      connect.setTimeout(this.#connectTimeout, () => connect.destroy(Object.assign(new Error(`no answer to CONNECT ${authority} within ${this.#connectTimeout} ms`), { code: 'ETIMEDOUT' })));
      const fail = (error: Error): void => { this.#pending.delete(connect); done(error, undefined as never); };
      connect.once('error', (error) => fail(Object.assign(new Error(`proxy ${proxy.host} failed: ${error.message}`), { code: (error as { code?: string }).code })));
      connect.once('connect', (res, socket, head) => {
        this.#pending.delete(connect);
        socket.setTimeout(0);
        if (res.statusCode !== 200) {
          socket.destroy();
          fail(Object.assign(new Error(`proxy ${proxy.host} refused CONNECT ${authority}: HTTP ${res.statusCode}`), { code: 'EPROXYCONNECT' }));
          return;
        }
        if (head.length > 0) socket.unshift(head);
        // The request's own options carry `path`, which tls.connect would read as an IPC socket path.
        const { path: _path, host: _host, port: _port, ...rest } = options as tls.ConnectionOptions & { path?: string };
        // Verify against the target exactly as a direct connection does: `host` names it (IP SANs
        // for an IP), SNI only for a DNS name. The agent's own `servername` ('' for IPs) and a
        // missing `host` made Node check the certificate against "localhost".
        const { servername: _sni, ...tlsOptions } = rest as tls.ConnectionOptions;
        const secured = tls.connect({ ...tlsOptions, socket, host, ...(netIsIp(host) ? {} : { servername: host }) });
        done(null, secured);
      });
      connect.end();
      return undefined;
    }

    override destroy(): void {
      for (const pending of this.#pending) pending.destroy();
      this.#pending.clear();
      super.destroy();
    }
  };
}

function proxyAuthorization(proxy: URL): Record<string, string> {
  if (!proxy.username && !proxy.password) return {};
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { 'proxy-authorization': `Basic ${Buffer.from(credentials).toString('base64')}` };
}

function bare(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '');
}

function netIsIp(host: string): boolean {
  return builtin('node:net').isIP(host) !== 0;
}
