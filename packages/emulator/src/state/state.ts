import type { EmulatorOptions, ServiceRecord } from '../types.js';
import type { TokenStore } from '../server/tokens.js';
import type { VersionEntry } from './registry.js';
import { Registry } from './registry.js';
import { LogStore } from './logs.js';
import { FileStore } from './files.js';
import { WasmHost } from '../wasm/wasm-host.js';
import { TransformStore } from './transforms.js';
import { CategoryStore } from './categories.js';
import { formatUri } from '../util/locator.js';
import { createJobStores, type JobStores } from './jobs.js';
import { DEFAULT_MAX_BODY_BYTES } from '../server/body.js';

/** Everything the routes share. */
export interface EmulatorState {
  tenant: string;
  options: EmulatorOptions;
  /** `maxBodyBytes` (default 64 MiB): also what a package that came in a request may unpack to. */
  maxBodyBytes: number;
  registry: Registry;
  logs: LogStore;
  files: FileStore;
  wasm: WasmHost;
  transforms: TransformStore;
  categories: CategoryStore;
  tokens: TokenStore;
  clients: Map<string, string>;
  counters: { tokenRequests: number };
  jobs: JobStores;
  startedAt: number;
  log(line: string): void;
}

/** Creates the in-memory state. */
export function createState(options: EmulatorOptions, tenant: string, tokens: TokenStore): EmulatorState {
  const clients = new Map<string, string>();
  for (const c of options.clients ?? [{ clientId: 'test-client', clientSecret: 'test-client-secret' }]) clients.set(c.clientId, c.clientSecret);
  const logger = options.logger;
  return {
    tenant,
    options,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    registry: new Registry(),
    logs: new LogStore(),
    files: new FileStore(),
    wasm: new WasmHost(),
    transforms: new TransformStore(),
    categories: new CategoryStore(),
    tokens,
    clients,
    counters: { tokenRequests: 0 },
    jobs: createJobStores(),
    startedAt: Date.now(),
    log: (line) => logger?.(line),
  };
}

/** Describes a version as a public {@link ServiceRecord}. */
export function toRecord(v: VersionEntry): ServiceRecord {
  return {
    folder: v.service.folder.name,
    service: v.service.name,
    serviceId: v.service.id,
    versionId: v.id,
    version: v.revision,
    uri: formatUri(v.service.folder.name, v.service.name, v.revision),
    kind: v.model.kind,
  };
}

/** Splits `folder/service` (extra `folders/`/`services/` words and a `[version]` are tolerated). */
export function splitUri(uri: string): { folder: string; service: string } {
  const clean = uri.replace(/\[.*\]$/, '').replace(/^\/+|\/+$/g, '').replace(/^folders\//i, '').replace(/\/services\//i, '/');
  const i = clean.indexOf('/');
  if (i <= 0 || i === clean.length - 1) throw new Error(`invalid service uri "${uri}" (expected "folder/service")`);
  return { folder: clean.slice(0, i), service: clean.slice(i + 1) };
}

