import { isIP } from 'node:net';

/** Decides whether a `Host` header names this emulator. */
export type HostPolicy = (host: string | undefined) => boolean;

const WILDCARD = new Set(['0.0.0.0', '::', '']);

/**
 * `example.com:80` → `example.com`; `[::1]:80` → `::1`; lower case, no trailing dot. A bare
 * IPv6 address (the bound `::1`, an `allowedHosts` entry) is kept whole, not cut at its last `:`.
 */
function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (isIP(h) === 6) return h;
  const name = h.startsWith('[') ? h.slice(1, h.indexOf(']') === -1 ? undefined : h.indexOf(']')) : h.replace(/:\d*$/, '');
  return name.replace(/\.$/, '');
}

/**
 * Builds the DNS-rebinding guard: the `Host` header must be `localhost`, the bound address,
 * a name from `allowedHosts` (`.example.com` also allows subdomains; `'*'` allows all) or
 * the host of `publicUrl`. Bound to a wildcard address, any IP literal is accepted too
 * (a rebinding attack always carries a DNS name). A request without `Host` (HTTP/1.0) passes.
 * @param bound - the `host` the server listens on
 * @param allowed - the `allowedHosts` option
 * @example hostPolicy('127.0.0.1', [])('attacker.example:3000') // false
 */
export function hostPolicy(bound: string, allowed: readonly string[] = []): HostPolicy {
  if (allowed.includes('*')) return () => true;
  const exact = new Set(['localhost', hostName(bound)]);
  const suffixes: string[] = [];
  for (const a of allowed) {
    const n = hostName(a);
    if (n.startsWith('.')) suffixes.push(n);
    else exact.add(n);
  }
  const anyIp = WILDCARD.has(bound.trim());
  return (host) => {
    if (host === undefined) return true;
    const name = hostName(host);
    if (exact.has(name)) return true;
    if (anyIp && isIP(name) !== 0) return true;
    return suffixes.some((s) => name.endsWith(s) || name === s.slice(1));
  };
}
