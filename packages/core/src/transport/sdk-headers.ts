import { VERSION } from '../version.js';

let runtimeCache: string | undefined;

/** `Node/20.20.2`, `Bun/1.1 - Node/20`, `Deno/2.0`, or `Browser` — computed once. */
function runtimeName(): string {
  if (runtimeCache) return runtimeCache;
  const g = globalThis as { Bun?: { version: string }; Deno?: { version: { deno: string } }; process?: { versions?: { node?: string } } };
  const node = g.process?.versions?.node;
  runtimeCache = g.Bun
    ? `Bun/${g.Bun.version}${node ? ` - Node/${node}` : ''}`
    : g.Deno
      ? `Deno/${g.Deno.version.deno}`
      : node
        ? `Node/${node}`
        : 'Browser';
  return runtimeCache;
}

/**
 * Our own agent name in `x-spark-ua`: not `spark-ts-sdk` (the official TypeScript SDK's), so
 * Spark's telemetry never counts this SDK's calls as the official one's.
 */
const SDK_AGENT = 'spark-typescript-sdk';

/** The fixed part of the SDK headers: `User-Agent` and `x-spark-ua`, with one name and version. */
export function staticSdkHeaders(): Record<string, string> {
  const env = runtimeName();
  return {
    'user-agent': `Spark TypeScript SDK v${VERSION} (${env})`,
    'x-spark-ua': `agent=${SDK_AGENT}/${VERSION}; env=${env}`,
  };
}

/** A fresh request id (UUID v4) for one attempt. */
export function newRequestId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
