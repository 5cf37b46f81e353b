import {
  clientCredentials, createClient, SparkSdkError, type SparkClient, type SparkConfig, type SparkCore, type SparkDownload, type SparkHooks,
  type SparkPlugin, type SparkRequest, type SparkResponse,
} from '@spark/core';
import { batches, type BatchesApi } from '@spark/batches';
import { files, type FilesApi } from '@spark/files';
import { folders, type FoldersApi } from '@spark/folders';
import { health, type HealthApi } from '@spark/health';
import { logs, type LogsApi } from '@spark/history';
import { impex, type ImpexApi } from '@spark/impex';
import { platform, type PlatformApi } from '@spark/platform';
import { services, type ServicesApi } from '@spark/services';
import { transforms, type TransformsApi } from '@spark/transforms';
import { wasm, type WasmApi } from '@spark/wasm';
import type { ClientOptions } from './options.js';

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * What `Client` and `AsyncClient` share: one core (one transport, one auth, one pool) and
 * every resource as a lazy getter — nothing is built until first used, then it is reused.
 * A client is itself a `SparkCore`, so every standalone function takes it directly:
 * `runBatch(client, …)`, `executeService(client, …)`.
 */
export abstract class BaseClient implements SparkCore {
  /** @internal */
  protected readonly core: SparkClient;
  readonly #resources = new Map<string, unknown>();

  constructor(options?: ClientOptions) {
    // The batteries-included client accepts the `oauth` object in every runtime (core's browser
    // build leaves the shorthand to the Node build to keep OAuth out of small bundles).
    const oauth = options?.oauth;
    this.core = createClient(
      options && options.auth === undefined && typeof oauth === 'object' && oauth !== null
        ? { ...options, auth: clientCredentials({ ...oauth, ...(options.tokenUrl && !oauth.tokenUrl ? { tokenUrl: options.tokenUrl } : {}) }) }
        : options,
    );
  }

  #get<A>(plugin: SparkPlugin<string, A>): A {
    let api = this.#resources.get(plugin.key) as A | undefined;
    if (api === undefined) {
      api = plugin.create(this.core);
      this.#resources.set(plugin.key, api);
    }
    return api;
  }

  /**
   * Adds a plugin's namespace to this client (built once, over this client's core) and returns
   * the client typed with it: your own resources sit beside the built-in ones.
   *
   * @example
   * const reports: SparkPlugin<'reports', { daily(): Promise<unknown> }> = {
   *   key: 'reports',
   *   create: (core) => ({ daily: async () => (await core.request({ operation: 'reports.daily', method: 'GET', path: 'api/v3/reports/daily' })).data }),
   * };
   * using spark = new Client({ baseUrl, apiKey }).use(reports);
   * await spark.reports.daily();
   */
  use<K extends string, A>(plugin: SparkPlugin<K, A>): this & { readonly [P in K]: A } {
    if (typeof plugin !== 'object' || plugin === null || typeof plugin.key !== 'string' || typeof plugin.create !== 'function') {
      throw new SparkSdkError('use() expects a plugin: { key, create(core) }', { cause: plugin });
    }
    if (plugin.key === '' || plugin.key in this) {
      throw new SparkSdkError(`use(): a namespace named "${plugin.key}" is already on this client (or the key is empty)`);
    }
    Object.defineProperty(this, plugin.key, { value: plugin.create(this.core), enumerable: true });
    return this as this & { readonly [P in K]: A };
  }

  /** The resolved configuration (credentials are masked when printed). */
  get config(): SparkConfig { return this.core.config; }
  /** Whether `close()` was called. */
  get closed(): boolean { return this.core.closed; }
  /** Aborts when the client is closed. */
  get signal(): AbortSignal { return this.core.signal; }
  /** The client's hooks (read-only view). */
  get hooks(): SparkHooks { return this.core.hooks; }
  /** The underlying core (the client itself is one too: `runBatch(client, …)` works as well). */
  get spark(): SparkCore { return this.core; }
  /** Sends one logical request through the client's transport (see `SparkCore.request`). */
  request<T = unknown>(request: SparkRequest): Promise<SparkResponse<T>> { return this.core.request<T>(request); }
  /** Sends a request and returns its body as a download (see `SparkCore.download`). */
  download(request: SparkRequest): Promise<SparkDownload> { return this.core.download(request); }

  /** Execute, validate and manage services. */
  get services(): ServicesApi { return this.#get(services); }
  /** Async batch pipelines. */
  get batches(): BatchesApi { return this.#get(batches); }
  /** Folders and categories. */
  get folders(): FoldersApi { return this.#get(folders); }
  /** Transform documents. */
  get transforms(): TransformsApi { return this.#get(transforms); }
  /** Execution history (logs). */
  get logs(): LogsApi { return this.#get(logs); }
  /** Export, import and migration. */
  get impex(): ImpexApi { return this.#get(impex); }
  /** Health of the Spark environment. */
  get health(): HealthApi { return this.#get(health); }
  /** Platform configuration and the OAuth2 token. */
  get platform(): PlatformApi { return this.#get(platform); }
  /** Temporary files handed out by Spark. */
  get files(): FilesApi { return this.#get(files); }
  /** WASM modules of services. */
  get wasm(): WasmApi { return this.#get(wasm); }

  /** @internal */
  [INSPECT](): string {
    return `${this.constructor.name} ${JSON.stringify(this.core)}`;
  }

  /** A JSON view without secrets. */
  toJSON(): unknown {
    return JSON.parse(JSON.stringify(this.core));
  }
}
