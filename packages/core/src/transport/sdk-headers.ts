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

/** The character code of one hex digit (0-15). */
const hex = (n: number): number => (n < 10 ? 48 : 87) + n;

/** 32 random bits. */
const bits = (): number => (Math.random() * 0x1_0000_0000) >>> 0;

/**
 * A fresh request id (UUID v4) for one attempt. It is a correlation id that Spark logs, not a
 * secret, so it comes from `Math.random()` (as the official TypeScript SDK's does): the first use
 * of WebCrypto costs a cold process 2-4 ms of loading (bench/first-call.mjs), more than the call.
 * One `String.fromCharCode` of the 36 characters: one flat string, where joining hex pieces made
 * about 20 intermediate strings (590 B of garbage per call, bench/README.md).
 */
export function newRequestId(): string {
  const a = bits();
  const b = bits();
  const c = bits();
  const d = bits();
  return String.fromCharCode(
    hex(a >>> 28), hex((a >>> 24) & 15), hex((a >>> 20) & 15), hex((a >>> 16) & 15), hex((a >>> 12) & 15), hex((a >>> 8) & 15), hex((a >>> 4) & 15), hex(a & 15), 45,
    hex(b >>> 28), hex((b >>> 24) & 15), hex((b >>> 20) & 15), hex((b >>> 16) & 15), 45,
    52, hex((b >>> 8) & 15), hex((b >>> 4) & 15), hex(b & 15), 45,
    hex(8 | (c >>> 30)), hex((c >>> 24) & 15), hex((c >>> 20) & 15), hex((c >>> 16) & 15), 45,
    hex((c >>> 12) & 15), hex((c >>> 8) & 15), hex((c >>> 4) & 15), hex(c & 15),
    hex(d >>> 28), hex((d >>> 24) & 15), hex((d >>> 20) & 15), hex((d >>> 16) & 15), hex((d >>> 12) & 15), hex((d >>> 8) & 15), hex((d >>> 4) & 15), hex(d & 15),
  );
}
