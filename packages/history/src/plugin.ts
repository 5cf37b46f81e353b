import type { ServiceUriInput, SparkCore, SparkPlugin, CallOptions } from '@spark/core';
import { downloadLogs, type DownloadLogsParams, type LogsDownload } from './download-logs.js';
import { getLogDownloadStatus, initiateLogDownload, type InitiateLogDownloadParams, type LogDownloadJob } from './log-download-job.js';
import { findLogs, type FindLogsParams, type FindLogsResult, type LogPaging } from './find-logs.js';
import { getLog } from './get-log.js';
import { rehydrateLog, type RehydratedLog, type RehydrateLogParams } from './rehydrate-log.js';
import type { DetailedLog, LogDownloadStatus } from './types.js';

/** The `logs` namespace of a client (execution history). */
export interface LogsApi {
  /** See {@link getLog}. */
  get<I = Record<string, unknown>, O = Record<string, unknown>>(callId: string, options?: CallOptions): Promise<DetailedLog<I, O>>;
  /** See {@link rehydrateLog}. */
  rehydrate(uri: ServiceUriInput, params: RehydrateLogParams): Promise<RehydratedLog>;
  /** See {@link downloadLogs}. */
  download(uri: ServiceUriInput, params?: DownloadLogsParams): Promise<LogsDownload>;
  /** A log download job step by step (what `download` does in one call). */
  readonly downloads: {
    /** See {@link initiateLogDownload}. */
    initiate(uri: ServiceUriInput, params?: InitiateLogDownloadParams): Promise<LogDownloadJob>;
    /** See {@link getLogDownloadStatus}. */
    getStatus(uri: ServiceUriInput, job: { jobId: string; type?: 'json' | 'csv' } & CallOptions): Promise<LogDownloadStatus>;
  };
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
    downloads: {
      initiate: (uri, params) => initiateLogDownload(core, uri, params),
      getStatus: (uri, job) => getLogDownloadStatus(core, uri, job),
    },
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
