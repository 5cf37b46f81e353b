/** Inputs/outputs of a model call: a plain JSON object. */
export type JsonObject = Record<string, unknown>;

/** What a model function receives besides its inputs. */
export interface ModelMeta {
  /** Folder (product) name of the executed service. */
  folder: string;
  /** Service (engine) name. */
  service: string;
  serviceId: string;
  versionId: string;
  /** Semantic version, e.g. `0.1.0`. */
  version: string;
  /** Call id of this execution (also the log id). */
  callId: string;
  /** `v3` single execution, `v4` synchronous batch, `batch` async batch pipeline. */
  api: 'v3' | 'v4' | 'batch';
  /** Raw request metadata (v3 `request_meta`, v4 top-level keys, batch creation body). */
  requestMeta: JsonObject;
}

/** A JavaScript model: `(inputs, meta) => outputs`. Throwing yields a per-call/per-record error. */
export type ModelFn = (inputs: JsonObject, meta: ModelMeta) => JsonObject | Promise<JsonObject>;

/** Declares one input of a model (used by schema, validation, swagger and default inputs). */
export interface ModelInput {
  name: string;
  description?: string;
  /** Used when a call omits this input (Spark's "default values saved into the file"). */
  defaultValue?: unknown;
  /** Validation shown by the validation endpoint. */
  min?: number;
  max?: number;
  options?: unknown[];
}

/** A model with its declared interface. Only `execute` is required. */
export interface ModelDefinition {
  execute: ModelFn;
  inputs?: (string | ModelInput)[];
  outputs?: string[];
  /** Returned by the metadata endpoint as `response_data.outputs` (e.g. `{ 'Metadata.Font': 'Arial' }`). */
  metadata?: JsonObject;
  /** Custom endpoint path served at `/api/v3[/public]/proxy/{proxy}`. */
  proxy?: string;
  description?: string;
  /** Shown as `compiler_version`; default `1.22.3`. */
  compilerVersion?: string;
}

/** Identifies one version of a service held by the emulator. */
export interface ServiceRecord {
  folder: string;
  service: string;
  serviceId: string;
  versionId: string;
  version: string;
  /** `folder/service[version]`. */
  uri: string;
  kind: 'js' | 'wasm' | 'workbook';
}

/** One fault-injection rule, applied before routing. */
export interface FaultRule {
  /** Matched against `${METHOD} ${pathname}`; a string is a substring match. */
  match: string | RegExp;
  /** Answer with this status (and a v3 error envelope) instead of routing. */
  status?: number;
  /**
   * Answer with this JSON instead of routing (status `status`, default 200): a server answer the
   * emulator would not give on its own, e.g. a compilation or export job that failed.
   */
  body?: unknown;
  /** Sets both `Retry-After` and `x-retry-after`. */
  retryAfter?: number | string;
  /** Extra response headers (with `status`, or added to the normal answer). */
  headers?: Record<string, string>;
  /** Delay before answering (or before routing when there is no `status`). */
  latencyMs?: number;
  /**
   * Route normally, then hold the answer this long: a reply slow in transit. Answers then reach
   * the client in another order than the emulator handled the requests (its state already
   * changed). Applies to answers sent with a body (JSON or bytes).
   */
  answerDelayMs?: number;
  /** Destroy the TCP socket before reading the body, or after reading it but before answering. */
  reset?: 'before-body' | 'after-body';
  /** Never answer (until the emulator closes). */
  hang?: boolean;
  /** Probability 0..1 of applying the rule to a matching request (seeded PRNG). */
  rate?: number;
  /** Apply to the first N applicable requests only. */
  count?: number;
  /** PRNG seed for `rate` (default 1). */
  seed?: number;
}

/** Batch pipeline tuning. */
export interface BatchOptions {
  /** Chunks processed concurrently per batch (default 4). */
  workers?: number;
  /** Simulated compute latency per record (default 0). */
  recordLatencyMs?: number;
  /** Input buffer size when the create body does not give one (default 64 MiB). */
  inputBufferBytes?: number;
  /** Output buffer size when the create body does not give one (default 64 MiB). */
  outputBufferBytes?: number;
  /**
   * What the pipelines' pushed chunks and waiting results may hold together, whatever buffer
   * sizes their create bodies ask for (Spark's tenant buffer; default 1 GiB). A push past it is
   * refused with 429 `BATCH_INPUT_BUFFER_FULL`, as a push past its pipeline's own buffer is.
   */
  tenantBufferBytes?: number;
  /** Auto-close an open pipeline after this much inactivity (default 30 min). */
  idleTimeoutMs?: number;
  chunkProcessing?: 'concurrent';
}

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  port?: number;
  host?: string;
  tenant?: string;
  apiKeys?: string[];
  tokens?: string[];
  clients?: { clientId: string; clientSecret: string }[];
  tokenTtlSeconds?: number;
  models?: Record<string, ModelFn | ModelDefinition>;
  builtins?: boolean;
  /**
   * WASM or export packages to load before the server listens, keyed by `folder/service`
   * (the CLI's `--model`): the first request already finds them.
   */
  packages?: Record<string, Uint8Array>;
  faults?: FaultRule[];
  latencyMs?: number;
  batch?: BatchOptions;
  logger?: (line: string) => void;
  /** Keep the last 1,000 requests in `emulator.requests` (default true). */
  recordRequests?: boolean;
  /**
   * Serve every route without credentials, as a hybrid runner does: it uses a key or token only
   * to pull WASM from Spark, never to authenticate callers (contract §7). Credentials that are
   * sent are not checked; the tenant in the path still is (default false).
   */
  openAccess?: boolean;
  /**
   * Accept API keys on folder and category management (`/api/v1/product/…` folder routes,
   * `/api/v1/lookup/…`). Spark answers them 401 — bearer tokens only — and so does the
   * emulator by default (false).
   */
  apiKeysForFolders?: boolean;
  /**
   * Browser origins allowed by CORS, besides the default `http://localhost:*`,
   * `http://127.0.0.1:*` and `http://[::1]:*` (`:*` = any port). A request carrying any other
   * `Origin` is answered 403; no Origin is ever echoed unless it is allowed.
   * @example ['http://localhost:5173', 'https://dev.example.com']
   */
  cors?: string[];
  /**
   * Host names accepted in the `Host` header besides `localhost` and the bound address (and
   * any IP literal when bound to `0.0.0.0`/`::`). Blocks DNS rebinding. A leading `.` allows
   * subdomains; `'*'` turns the check off.
   */
  allowedHosts?: string[];
  /**
   * `folder/service` names served by the `/public/` routes without credentials (as services
   * marked public on Spark). The built-in demo models are always public.
   */
  publicServices?: string[];
  /**
   * The URL clients reach the emulator at when it sits behind a front (e.g. an HTTPS proxy):
   * handed-out URLs (`status_url`, `files[].file`, `download_url`, …) and issued tokens'
   * `iss` use its origin, and its host is accepted in `Host`. Without it they use the
   * request's `Host`, with `https` when `X-Forwarded-Proto: https` says so.
   * @example 'https://excel.dev.example.com'
   */
  publicUrl?: string;
  /** Largest request body accepted after decoding `Content-Encoding` (default 64 MiB): 413 beyond. */
  maxBodyBytes?: number;
  /** Bytes of a text body kept in `requests[].body` (default 16 KiB). */
  recordBodyBytes?: number;
  /** Time allowed to receive a request's headers (default 20,000 ms); slower connections are closed. */
  headersTimeoutMs?: number;
  /** Time allowed to receive a whole request, body included (default 120,000 ms). */
  requestTimeoutMs?: number;
}

/** Per-service options of {@link Emulator.addModel}. */
export interface AddModelOptions {
  /** Serve this service on the `/public/` routes without credentials (default false). */
  public?: boolean;
}

/** A request kept in the `requests` ring buffer. */
export interface RecordedRequest {
  method: string;
  /** Path including the query string. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /**
   * The first `recordBodyBytes` (default 16 KiB) of a decoded text body (JSON, form);
   * multipart/binary bodies are omitted.
   */
  body?: string;
  /** Decoded size of the whole body, when it was read. */
  bodyBytes?: number;
  /** True when `body` holds only a prefix of the body. */
  bodyTruncated?: boolean;
}

/** Connection and request counters. */
export interface EmulatorStats {
  connections: number;
  openConnections: number;
  requests: number;
  tokenRequests: number;
  byRoute: Record<string, number>;
}

/** A running emulator. */
export interface Emulator {
  url: string;
  baseUrl: string;
  tenant: string;
  addModel(uri: string, model: ModelFn | ModelDefinition, options?: AddModelOptions): ServiceRecord;
  loadWasmPackage(uri: string, zip: Uint8Array): Promise<ServiceRecord>;
  faults: { add(rule: FaultRule): void; clear(): void };
  stats(): EmulatorStats;
  requests: RecordedRequest[];
  close(): Promise<void>;
}
