/** `GET {runner}/healthcheck`: `{ msg: 'ok' }`. */
export interface HybridHealth {
  msg: string;
  [key: string]: unknown;
}

/** `GET {runner}/version`: the runner's Neuron compatibility version. */
export interface HybridVersion {
  version: string;
  lastPullDate?: string;
  filehash?: string;
  [key: string]: unknown;
}

/** Statistics of one loaded model (runner v1.46.0+). */
export interface HybridModelStats {
  id: string;
  size?: number;
  busy?: number;
  uptime_ms?: number;
  memory_usage_mb?: number;
  completed_count?: number;
  running_count?: number;
  crash_count?: number;
  timeout_count?: number;
  thread_stats?: Record<string, Record<string, number>>;
  [key: string]: unknown;
}

/** `GET {runner}/status`: models loaded per tenant and memory usage. */
export interface HybridStatus {
  models: { tenant: string; model_stats: HybridModelStats[]; total_model?: number; total_instances?: number; [key: string]: unknown }[];
  memory_usage_mb?: number;
  memory_limit_mb?: number;
  [key: string]: unknown;
}

/** One service version the runner loaded from an uploaded package. */
export interface HybridServiceInfo {
  VersionId: string;
  EngineInformation?: Record<string, unknown>;
  XInputTable?: Record<string, unknown>[];
  XOutputTable?: Record<string, unknown>[];
  EffectiveStartDate?: string;
  EffectiveEndDate?: string;
  HasSignatureChain?: boolean;
  [key: string]: unknown;
}

/** `POST {runner}/api/v3/upload`: what the runner loaded, per tenant. */
export interface HybridUploadResult {
  response_data: { tenant: string; services: HybridServiceInfo[] }[];
  [key: string]: unknown;
}

