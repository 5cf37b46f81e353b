import type { SparkClientOptions } from '../src/config/options.js';

/**
 * Both transports every wire rule must hold on: the Node pool (no ky), and the fetch path
 * (ky over a `fetch`; the global one, injected so the Node build uses it).
 */
export const TRANSPORTS: ReadonlyArray<[string, Partial<SparkClientOptions>]> = [
  ['node pool', {}],
  ['fetch (ky)', { fetch: (input, init) => globalThis.fetch(input, init) }],
];
