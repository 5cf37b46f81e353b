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

/** 32 random bits as 8 hex digits. */
const hex32 = (): string => ((Math.random() * 0x1_0000_0000) >>> 0).toString(16).padStart(8, '0');

/**
 * A fresh request id (UUID v4) for one attempt. It is a correlation id that Spark logs, not a
 * secret, so it comes from `Math.random()` (as the official TypeScript SDK's does): the first use
 * of WebCrypto costs a cold process 3-4 ms of loading (bench/first-call.mjs), more than the call.
 */
export function newRequestId(): string {
  const a = hex32();
  const b = hex32();
  const c = hex32();
  const variant = '89ab'[(Math.random() * 4) | 0]!;
  return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${hex32()}`;
}
