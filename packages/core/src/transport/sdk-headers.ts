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

let hexCache: string[] | undefined;

/**
 * A fresh request id (UUID v4) for one attempt. It is a correlation id that Spark logs, not a
 * secret, so it comes from `Math.random()` (as the official TypeScript SDK's does): the first use
 * of WebCrypto costs a cold process 2-4 ms of loading (bench/first-call.mjs), more than the call.
 * Byte-to-hex through a table: about 75 ns an id (`randomUUID()` about 190 ns).
 */
export function newRequestId(): string {
  const h = (hexCache ??= Array.from({ length: 256 }, (_, i) => (i + 0x100).toString(16).slice(1)));
  const a = (Math.random() * 0x1_0000_0000) >>> 0;
  const b = (Math.random() * 0x1_0000_0000) >>> 0;
  const c = (Math.random() * 0x1_0000_0000) >>> 0;
  const d = (Math.random() * 0x1_0000_0000) >>> 0;
  return (
    h[a >>> 24]! + h[(a >>> 16) & 255]! + h[(a >>> 8) & 255]! + h[a & 255]! + '-' +
    h[b >>> 24]! + h[(b >>> 16) & 255]! + '-' + h[((b >>> 8) & 15) | 64]! + h[b & 255]! + '-' +
    h[((c >>> 24) & 63) | 128]! + h[(c >>> 16) & 255]! + '-' + h[(c >>> 8) & 255]! + h[c & 255]! +
    h[d >>> 24]! + h[(d >>> 16) & 255]! + h[(d >>> 8) & 255]! + h[d & 255]!
  );
}
