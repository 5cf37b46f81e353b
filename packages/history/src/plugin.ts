import type { ServiceUriInput, SparkCore, SparkDownload, SparkPlugin, CallOptions } from '@spark/core';
import { downloadLogs, type DownloadLogsParams } from './download-logs.js';
import { findLogs, type FindLogsParams, type FindLogsResult, type LogPaging } from './find-logs.js';
import { getLog } from './get-log.js';
import { rehydrateLog, type RehydrateLogParams } from './rehydrate-log.js';
import type { DetailedLog } from './types.js';

/** The `logs` namespace of a client (execution history). */
export interface LogsApi {
  /** See {@link getLog}. */
  get<I = Record<string, unknown>, O = Record<string, unknown>>(callId: string, options?: CallOptions): Promise<DetailedLog<I, O>>;
  /** See {@link rehydrateLog}. */
  rehydrate(uri: ServiceUriInput, params: RehydrateLogParams): Promise<SparkDownload>;
  /** See {@link downloadLogs}. */
  download(uri: ServiceUriInput, params?: DownloadLogsParams): Promise<SparkDownload>;
  /** See {@link findLogs}. */
  find(uri: ServiceUriInput, params?: FindLogsParams, paging?: LogPaging): Promise<FindLogsResult>;
}

/**
 * Binds the history operations to one client.
 *
 * @param core - the client's core
 * @returns the `logs` namespace
 *
 * @example
 * const logs = createLogsApi(spark);
 * const log = await logs.get(callId);
 */
export function createLogsApi(core: SparkCore): LogsApi {
  return {
    get: (callId, options) => getLog(core, callId, options),
    rehydrate: (uri, params) => rehydrateLog(core, uri, params),
    download: (uri, params) => downloadLogs(core, uri, params),
    find: (uri, params, paging) => findLogs(core, uri, params, paging),
  };
}

/**
 * The history plugin: `createClient(opts).use(logs)` adds `client.logs`.
 *
 * @example
 * const spark = createClient({ baseUrl, apiKey }).use(logs);
 * const log = await spark.logs.get(callId);
 */
export const logs: SparkPlugin<'logs', LogsApi> = { key: 'logs', create: createLogsApi };
