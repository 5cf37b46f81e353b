export { getLog } from './get-log.js';
export { rehydrateLog, type RehydrateLogParams, type RehydratedLog, type RehydrateDocument } from './rehydrate-log.js';
export { downloadLogs, type DownloadLogsParams, type LogsDownload } from './download-logs.js';
export { initiateLogDownload, getLogDownloadStatus, type InitiateLogDownloadParams, type LogDownloadJob } from './log-download-job.js';
export type { LogDownloadFilters } from './log-download-body.js';
export { findLogs, type FindLogsParams, type FindLogsResult, type LogPaging } from './find-logs.js';
export type { DetailedLog, LogInfo, LogDownloadStatus } from './types.js';
export { logs, createLogsApi, type LogsApi } from './plugin.js';
