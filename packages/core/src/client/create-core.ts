import { configure, type SparkPlatform } from '../config/resolve-config.js';
import type { SparkClientOptions } from '../config/options.js';
import { SparkClosedError } from '../errors/closed-error.js';
import { SparkSdkError } from '../errors/sdk-error.js';
import { resolveHooks } from '../transport/hooks.js';
import { staticSdkHeaders } from '../transport/sdk-headers.js';
import { send } from '../transport/send.js';
import type { SendContext } from '../transport/send-call.js';
import type { SparkTransportFactory } from '../transport/types.js';
import { toDownload } from '../jobs/download.js';
import { guardBrowser } from './browser-guard.js';
import type { SparkPlugin } from './plugin.js';
import type { SparkClient } from './spark-client.js';
import type { SparkCore, SparkRequest, SparkResponse } from './types.js';

const DISPOSE: typeof Symbol.dispose = Symbol.dispose ?? Symbol.for('Symbol.dispose');
const ASYNC_DISPOSE: typeof Symbol.asyncDispose = Symbol.asyncDispose ?? Symbol.for('Symbol.asyncDispose');
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** What an entry point binds: the transport, the platform's capabilities, and how the environment fills in options. */
export type CorePlatform = SparkPlatform & {
  transport: SparkTransportFactory;
  /** Fills in options from environment variables (`withEnvOptions`); absent in the browser build. */
  fromEnv?: (options: SparkClientOptions) => SparkClientOptions;
  /** What to try for a connection failure (`connectionHint`); absent in the browser build. */
  connectionHint?: (detail: string) => string;
};

/** Builds a client for a platform (transport + capabilities); the entry points bind it. */
export function createCore(options: SparkClientOptions | undefined, platform: CorePlatform): SparkClient {
  const config = configure(options, platform, platform.fromEnv);
  guardBrowser(config.auth.type, options?.allowBrowser === true);
  const transport = platform.transport({ fetch: options?.fetch, poolSize: options?.poolSize });
  const closer = new AbortController();
  platform.unlimitListeners?.(closer.signal);
  const hooks = resolveHooks(options?.hooks);
  const engine: SendContext = {
    config, hooks, transport, closeSignal: closer.signal, sdkHeaders: staticSdkHeaders(), hint: platform.connectionHint,
  };
  let closed = false;
  let pending = 0;
  let drained: (() => void) | undefined;
  let draining: Promise<void> | undefined;

  const settled = (): void => {
    if (--pending === 0) drained?.();
  };
  const release = (): void => {
    if (!closer.signal.aborted) closer.abort(new SparkClosedError());
    transport.close();
  };
  const core: SparkCore = {
    config,
    hooks,
    signal: closer.signal,
    get closed() { return closed; },
    // Not async: a call in flight holds send()'s frame only (at 32 in flight each frame shows in the young generation).
    request<T>(request: SparkRequest): Promise<SparkResponse<T>> {
      if (closed) return Promise.reject(new SparkClosedError());
      if (typeof request !== 'object' || request === null || typeof request.operation !== 'string') {
        return Promise.reject(new SparkSdkError('request must be an object with an operation'));
      }
      pending++;
      // send() calls `settled` as the call ends, before its promise settles (so before the caller's continuation).
      return send<T>(engine, request, settled);
    },
    async download(request: SparkRequest) {
      const response = await core.request<ReadableStream<Uint8Array>>({ ...request, responseType: 'stream' });
      // bytes() holds the body in memory, so the client's cap bounds it even where the stream is uncapped.
      return toDownload(response, platform.writeStream, { limit: request.maxResponseBytes ?? config.maxResponseBytes, request, origins: config.trustedOrigins });
    },
  };
  Object.defineProperty(core, INSPECT, { value: () => describe(config) });
  Object.defineProperty(core, 'toJSON', { value: () => describe(config) });

  const lifecycle = {
    get pending() { return pending; },
    close(): void {
      closed = true;
      release();
    },
    async closeGracefully(): Promise<void> {
      closed = true;
      // Resolve a macrotask after the last call settles, so callers' own continuations run first.
      draining ??= pending > 0 ? new Promise<void>((resolve) => { drained = () => setTimeout(resolve, 0); }) : Promise.resolve();
      await draining;
      release();
    },
  };

  const build = (namespaces: Record<string, unknown>): SparkClient => {
    const client = Object.create(core) as Record<string | symbol, unknown>;
    Object.defineProperties(client, Object.getOwnPropertyDescriptors(lifecycle));
    Object.assign(client, namespaces);
    client[DISPOSE] = lifecycle.close;
    client[ASYNC_DISPOSE] = lifecycle.closeGracefully;
    client['use'] = <K extends string, A>(plugin: SparkPlugin<K, A>) => {
      if (typeof plugin?.key !== 'string' || typeof plugin.create !== 'function') {
        throw new SparkSdkError('use() expects a plugin: { key, create(core) }');
      }
      if (plugin.key in client) throw new SparkSdkError(`a namespace named "${plugin.key}" is already registered on this client`);
      return build({ ...namespaces, [plugin.key]: plugin.create(core) });
    };
    return client as unknown as SparkClient;
  };
  return build({});
}

function describe(config: SparkCore['config']): Record<string, unknown> {
  return {
    baseUrl: config.baseUrl.full,
    auth: config.auth,
    timeout: config.timeout,
    maxRetries: config.maxRetries,
    retryInterval: config.retryInterval,
  };
}
