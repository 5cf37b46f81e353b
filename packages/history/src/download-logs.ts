import * as v from 'valibot';
import { parseParams, pollJob, type ServiceUriInput, type SparkCore, type SparkDownload, type SparkJobOptions, requireCore } from '@spark/core';
import { getLogDownloadStatus, initiateLogDownload } from './log-download-job.js';
import { logDownloadEntries, type LogDownloadFilters } from './log-download-body.js';
import type { LogDownloadStatus } from './types.js';
import { jobOptionsEntries, pickCallOptions } from '@spark/core/wire';

const OPERATION = 'logs.download';
const Schema = v.object({ ...logDownloadEntries, ...jobOptionsEntries });

/** Parameters of {@link downloadLogs}: filters plus the job options. */
export interface DownloadLogsParams extends LogDownloadFilters, SparkJobOptions<LogDownloadStatus> {
  /** `json` (default): a zip of a JSON array of detailed logs; `csv`: a zip of one CSV. */
  type?: 'json' | 'csv';
}

/** The exported logs: the zip, plus the job's final status (`progress: 100`, `download_url`, …). */
export type LogsDownload = SparkDownload & {
  /** The job's last status, as Spark reported it. */
  readonly job: LogDownloadStatus & { readonly jobId: string };
};

/**
 * Exports the execution logs of a service: creates a download job, polls it until it reaches
 * 100 %, then downloads the zip Spark produced. For the steps one at a time, see
 * {@link initiateLogDownload} and {@link getLogDownloadStatus} (`logs.downloads.*`).
 *
 * Wire: `POST {full}/api/v3/folders/{f}/services/{s}/log/download{json|csv}` →
 * `GET …/log/download{type}/status/{jobId}` (until `progress` is 100) → `GET download_url`.
 *
 * @param core - a client from `createClient()`
 * @param uri - the service: `folder/service` or `{ folder, service }`
 * @param params - `type`, filters (`callIds`, dates, …) and job options (`pollInterval`, `timeout`, `signal`, `onProgress`)
 * @returns the zip as a download with the final job status in `job`; a failed job rejects with a `SparkApiError`, a slow one with `SparkTimeoutError`
 *
 * @example
 * const zip = await downloadLogs(spark, 'my-folder/volume-cylinder', { type: 'csv', startDate: '2025-01-01', onProgress: (s) => console.log(s.progress) });
 * console.log(zip.job.jobId, zip.job.download_url);
 * await zip.toFile('./logs.zip');
 */
export async function downloadLogs(core: SparkCore, uri: ServiceUriInput, params: DownloadLogsParams = {}): Promise<LogsDownload> {
  requireCore(core, OPERATION);
  const options = parseParams(Schema, params, OPERATION);
  const { pollInterval, timeout, signal, onProgress, maxResponseBytes, ...filters } = options;
  // `timeout` is the whole job's deadline here, not one request's; the rest goes to every request.
  const call = pickCallOptions({ signal, maxResponseBytes });
  const { jobId, type } = await initiateLogDownload(core, uri, { ...filters, ...call });
  const job = await pollJob<LogDownloadStatus>(core, OPERATION, { pollInterval, timeout, signal }, async (pollSignal) => {
    const status = await getLogDownloadStatus(core, uri, { jobId, type, ...call, signal: pollSignal });
    (onProgress as DownloadLogsParams['onProgress'])?.(status);
    if (status.progress < 100) return { done: false };
    return { done: true, result: status };
  });
  const file = await core.download({ operation: OPERATION, method: 'GET', url: String(job.download_url), ...call });
  return Object.assign(file, { job: { ...job, jobId } });
}
