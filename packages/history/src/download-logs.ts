import * as v from 'valibot';
import {
  createApiError, parseParams, pathSegment, pollJob, requireFolderService, servicePath,
  type ServiceUriInput, type SparkCore, type SparkDownload, type SparkJobOptions, type SparkResponse,
} from '@spark/core';
import { logDownloadBody, type LogDownloadFilters } from './log-download-body.js';
import type { LogDownloadStatus } from './types.js';
import { dateInputSchema, jobOptionsEntries, nonEmptyString } from '@spark/core/wire';

const OPERATION = 'logs.download';
const Schema = v.object({
  type: v.optional(v.pipe(v.string(), v.toLowerCase(), v.picklist(['json', 'csv']))),
  callIds: v.optional(v.array(nonEmptyString)),
  startDate: v.optional(dateInputSchema),
  endDate: v.optional(dateInputSchema),
  sourceSystem: v.optional(nonEmptyString),
  correlationId: v.optional(nonEmptyString),
  timezoneOffset: v.optional(v.union([v.string(), v.number()])),
  versionId: v.optional(nonEmptyString),
  extras: v.optional(v.record(v.string(), v.unknown())),
  ...jobOptionsEntries,
});

/** Parameters of {@link downloadLogs}: filters plus the job options. */
export interface DownloadLogsParams extends LogDownloadFilters, SparkJobOptions<LogDownloadStatus> {
  /** `json` (default): a zip of a JSON array of detailed logs; `csv`: a zip of one CSV. */
  type?: 'json' | 'csv';
}

type Envelope = { status?: unknown; response_data?: Record<string, unknown> | null; error?: unknown } | null;

/**
 * Exports the execution logs of a service: creates a download job, polls it until it reaches
 * 100 %, then downloads the zip Spark produced.
 *
 * Wire: `POST {full}/api/v3/folders/{f}/services/{s}/log/download{json|csv}` →
 * `GET …/log/download{type}/status/{jobId}` (until `progress` is 100) → `GET download_url`.
 *
 * @param core - a client from `createClient()`
 * @param uri - the service: `folder/service` or `{ folder, service }`
 * @param params - `type`, filters (`callIds`, dates, …) and job options (`pollInterval`, `timeout`, `signal`, `onProgress`)
 * @returns the zip as a download; a failed job rejects with a `SparkApiError`, a slow one with `SparkTimeoutError`
 *
 * @example
 * const zip = await downloadLogs(spark, 'my-folder/volume-cylinder', { type: 'csv', startDate: '2025-01-01', onProgress: (s) => console.log(s.progress) });
 * await zip.toFile('./logs.zip');
 */
export async function downloadLogs(core: SparkCore, uri: ServiceUriInput, params: DownloadLogsParams = {}): Promise<SparkDownload> {
  const options = parseParams(Schema, params, OPERATION);
  const { folder, service } = requireFolderService(uri, OPERATION);
  const type = options.type ?? 'json';
  const body = logDownloadBody(options, OPERATION);
  const signal = options.signal;

  const created = await core.request<Envelope>({
    operation: OPERATION, method: 'POST', path: servicePath({ folder, service }, { endpoint: `log/download${type}` }), json: body, signal,
  });
  const jobId = created.data?.response_data?.['job_id'];
  if (typeof jobId !== 'string' || !jobId) throw failure(created, 'POST', 'Spark produced no download job id');

  const onProgress = params.onProgress;
  const statusPath = servicePath({ folder, service }, { endpoint: `log/download${type}/status/${pathSegment(jobId, 'jobId')}` });
  const url = await pollJob<string>(core, OPERATION, { pollInterval: options.pollInterval, timeout: options.timeout, signal }, async (pollSignal) => {
    const response = await core.request<Envelope>({ operation: OPERATION, method: 'GET', path: statusPath, signal: pollSignal });
    const status = (response.data?.response_data ?? {}) as LogDownloadStatus;
    onProgress?.(status);
    const failed = jobFailure(response.data);
    if (failed) throw failure(response, 'GET', `log download job ${jobId} failed: ${failed}`);
    if (Number(status.progress) < 100) return { done: false };
    if (typeof status.download_url !== 'string' || !status.download_url) throw failure(response, 'GET', `log download job ${jobId} finished without a download URL`);
    return { done: true, result: status.download_url };
  });
  return core.download({ operation: OPERATION, method: 'GET', url, signal });
}

/** The failure message of a job status, when Spark reports one. */
function jobFailure(body: Envelope): string | undefined {
  const data = body?.response_data ?? {};
  const state = [data['status'], body?.status].find((s) => typeof s === 'string' && /fail|error|cancel/i.test(s));
  if (state === undefined && (body?.error === null || body?.error === undefined)) return undefined;
  const error = body?.error as { message?: unknown } | string | undefined | null;
  const message = typeof error === 'string' ? error : typeof error?.message === 'string' ? error.message : data['message'];
  return typeof message === 'string' && message ? message : String(state ?? 'unknown error');
}

function failure(response: SparkResponse<Envelope>, method: 'GET' | 'POST', detail: string) {
  return createApiError(OPERATION, { status: response.status, method, url: response.url, requestId: response.requestId, body: response.data, headers: response.headers }, detail);
}
