import type https from 'node:https';
import type tls from 'node:tls';
import type zlib from 'node:zlib';

const loaded: { https?: typeof https; tls?: typeof tls; zlib?: typeof zlib } = {};

/**
 * Node built-ins the transport needs only for some requests, loaded on first use with
 * `process.getBuiltinModule` (Node ≥ 20.16, Bun, Deno). Importing `node:https` pulls in TLS
 * and the root certificates — about 9 ms of a cold `import('@spark/core')` on this machine
 * (bench/import.mjs) — which a client of an `http:` emulator never needs; zlib waits for the
 * first compressed body.
 *
 * @example
 * const agent = new (lazyHttps().Agent)({ keepAlive: true });
 */
export const lazyHttps = (): typeof https => (loaded.https ??= process.getBuiltinModule('node:https'));

/** `node:tls`, loaded on first use (see {@link lazyHttps}). */
export const lazyTls = (): typeof tls => (loaded.tls ??= process.getBuiltinModule('node:tls'));

/** `node:zlib`, loaded on first use (see {@link lazyHttps}). */
export const lazyZlib = (): typeof zlib => (loaded.zlib ??= process.getBuiltinModule('node:zlib'));
