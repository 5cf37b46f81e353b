import { createServer, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { AddModelOptions, Emulator, EmulatorOptions, EmulatorStats, FaultRule, ModelDefinition, ModelFn, RecordedRequest, ServiceRecord } from './types.js';
import { Router } from './server/router.js';
import { FaultEngine } from './server/faults.js';
import { TokenStore } from './server/tokens.js';
import { createPipeline } from './server/pipeline.js';
import { DEFAULT_MAX_BODY_BYTES } from './server/body.js';
import { originPolicy } from './server/cors.js';
import { hostPolicy } from './server/host-check.js';
import { RequestLog } from './server/record.js';
import { createState, splitUri, toRecord, type EmulatorState } from './state/state.js';
import { jsModel } from './state/js-model.js';
import { BUILTIN_MODELS } from './state/builtins.js';
import { loadPackage } from './state/load-package.js';
import { BatchManager } from './batch/manager.js';
import { allRoutes } from './routes/index.js';
import { formatUri } from './util/locator.js';

/** Security defaults (README "Security"): body cap, recorded prefix, slow-client timeouts. */
const DEFAULT_LIMITS = {
  maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
  recordBodyBytes: 16 * 1024,
  headersTimeoutMs: 20_000,
  requestTimeoutMs: 120_000,
} as const;

function registerModels(state: EmulatorState, options: EmulatorOptions): void {
  if (options.builtins !== false) {
    for (const [uri, def] of Object.entries(BUILTIN_MODELS)) {
      const { folder, service } = splitUri(uri);
      state.registry.markPublic(folder, service);
      state.registry.addVersion(folder, service, jsModel(def, service));
    }
  }
  for (const uri of options.publicServices ?? []) {
    const { folder, service } = splitUri(uri);
    state.registry.markPublic(folder, service);
  }
  for (const [uri, model] of Object.entries(options.models ?? {})) {
    const { folder, service } = splitUri(uri);
    state.registry.addVersion(folder, service, jsModel(model));
  }
}

async function loadPackages(state: EmulatorState, packages: Record<string, Uint8Array>): Promise<void> {
  try {
    for (const [uri, zip] of Object.entries(packages)) {
      for (const v of await loadPackage(state, zip, { uri })) {
        state.log(`[spark-emulator] loaded ${formatUri(v.service.folder.name, v.service.name, v.revision)} (${v.model.kind}, version id ${v.id})`);
      }
    }
  } catch (error) {
    await state.wasm.dispose();
    throw error;
  }
}

function publicOriginOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`publicUrl must be an absolute http(s) URL, got "${url}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new TypeError(`publicUrl must be an http(s) URL, got "${url}"`);
  return parsed.origin;
}

/**
 * Starts a Spark API emulator on a real HTTP port.
 * @param options - see {@link EmulatorOptions}; everything is optional
 * @returns the running emulator; call `close()` when done
 * @example
 * const emu = await startEmulator();
 * const res = await fetch(`${emu.baseUrl}/api/v3/folders/my-folder/services/volume-cylinder/execute`, {
 *   method: 'POST',
 *   headers: { 'x-synthetic-key': 'test-api-key', 'content-type': 'application/json' },
 *   body: JSON.stringify({ request_data: { inputs: { radius: 2, height: 3 } } }),
 * });
 * await emu.close();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const publicOrigin = options.publicUrl === undefined ? undefined : publicOriginOf(options.publicUrl);
  const tenant = options.tenant ?? 'my-tenant';
  const tokens = new TokenStore(options.tokens ?? ['test-access-token']);
  const state = createState(options, tenant, tokens);
  registerModels(state, options);
  await loadPackages(state, options.packages ?? {});
  const batches = new BatchManager(state, options.batch ?? {});
  const router = new Router();
  for (const route of allRoutes(state, batches)) router.add(route);
  const faults = new FaultEngine(options.faults ?? []);
  const requests: RecordedRequest[] = [];
  const counters = { requests: 0, byRoute: {} as Record<string, number> };
  const hung = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  let connections = 0;

  const host = options.host ?? '127.0.0.1';
  const headersTimeout = options.headersTimeoutMs ?? DEFAULT_LIMITS.headersTimeoutMs;
  const requestTimeout = Math.max(headersTimeout, options.requestTimeoutMs ?? DEFAULT_LIMITS.requestTimeoutMs);
  const pipeline = createPipeline({
    router,
    auth: { tenant, apiKeys: new Set(options.apiKeys ?? ['test-api-key']), tokens, open: options.openAccess === true, apiKeysForFolders: options.apiKeysForFolders === true },
    faults,
    hosts: hostPolicy(host, [...(options.allowedHosts ?? []), ...(publicOrigin ? [new URL(publicOrigin).host] : [])]),
    publicOrigin,
    origins: originPolicy(options.cors),
    latencyMs: options.latencyMs ?? 0,
    maxBodyBytes: state.maxBodyBytes,
    requestLog: options.recordRequests === false ? undefined : new RequestLog(requests, options.recordBodyBytes ?? DEFAULT_LIMITS.recordBodyBytes),
    counters,
    hung,
    log: state.log,
  });
  // Node closes connections that are too slow to send headers / a whole request (408);
  // it looks every `connectionsCheckingInterval` ms (default 30 s, too coarse for short limits).
  const server = createServer(
    { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.max(25, Math.min(30_000, Math.floor(headersTimeout / 4))) },
    pipeline,
  );
  server.keepAliveTimeout = 65_000;
  server.on('connection', (socket: Socket) => {
    connections += 1;
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    // Nothing may outlive a failed start (e.g. the port is taken): loaded WASM workers stop.
    batches.dispose();
    await state.wasm.dispose();
    throw error;
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  state.log(`[spark-emulator] listening on ${url} (tenant ${tenant})`);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      batches.dispose();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const res of hung) res.destroy();
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await closed;
      await Promise.all(state.registry.allVersions().map((v) => v.model.dispose?.().catch(() => undefined)));
      await state.wasm.dispose();
    })();
    return closing;
  };

  return {
    url,
    baseUrl: `${url}/${tenant}`,
    tenant,
    requests,
    addModel(uri: string, model: ModelFn | ModelDefinition, opts: AddModelOptions = {}): ServiceRecord {
      const { folder, service } = splitUri(uri);
      if (opts.public) state.registry.markPublic(folder, service);
      return toRecord(state.registry.addVersion(folder, service, jsModel(model)));
    },
    async loadWasmPackage(uri: string, zip: Uint8Array): Promise<ServiceRecord> {
      const loaded = await loadPackage(state, zip, { uri });
      const last = loaded.at(-1);
      if (!last) throw new Error('the package contains no service version');
      return toRecord(last);
    },
    faults: { add: (rule: FaultRule) => faults.add(rule), clear: () => faults.clear() },
    stats(): EmulatorStats {
      return {
        connections,
        openConnections: sockets.size,
        requests: counters.requests,
        tokenRequests: state.counters.tokenRequests,
        byRoute: { ...counters.byRoute },
      };
    },
    close,
  };
}
