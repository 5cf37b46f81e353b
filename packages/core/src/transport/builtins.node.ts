import type buffer from 'node:buffer';
import type fs from 'node:fs';
import type http from 'node:http';
import type https from 'node:https';
import type net from 'node:net';
import type stream from 'node:stream';
import type tls from 'node:tls';
import type zlib from 'node:zlib';

interface Builtins {
  'node:buffer': typeof buffer;
  'node:fs': typeof fs;
  'node:http': typeof http;
  'node:https': typeof https;
  'node:net': typeof net;
  'node:stream': typeof stream;
  'node:tls': typeof tls;
  'node:zlib': typeof zlib;
}

const loaded: Partial<Builtins> = {};

/**
 * A Node built-in of the transport, loaded on its first use with `process.getBuiltinModule`
 * (Node ≥ 20.16, Bun, Deno) rather than imported. Importing the SDK then compiles none of
 * them: importing `node:http` costs about 6–9 ms on this machine, and `node:https` (with TLS)
 * about 7 ms more (timed with `performance.now()` around each `import()`). The first request pays for
 * `node:http`; only an `https:` URL, a proxy or `ca` loads TLS; zlib waits for the first
 * compressed body. `node:fs` is read only for `NODE_EXTRA_CA_CERTS` next to a `ca` option: an
 * `import` of it costs about 4 ms (its ES module wrapper reads every lazy export).
 *
 * @example
 * const agent = new (builtin('node:http').Agent)({ keepAlive: true });
 */
export function builtin<K extends keyof Builtins>(id: K): Builtins[K] {
  return (loaded[id] ??= process.getBuiltinModule(id) as Builtins[K]) as Builtins[K];
}
