import * as v from 'valibot';
import {
  parseParams, pathSegment, requireCore, requireFolderService, servicePath,
  type CallOptions, type ServiceUriInput, type SparkCore, type SparkResponse,
} from '@spark/core';
import { callOptionsEntries, nonEmptyString, pickCallOptions, responseError } from '@spark/core/wire';
import { logDownloadBody, logDownloadEntries, type LogDownloadFilters } from './log-download-body.js';
import type { LogDownloadStatus } from './types.js';

const INITIATE = 'logs.downloads.initiate';
const STATUS = 'logs.downloads.getStatus';
const InitiateSchema = v.object({ ...logDownloadEntries, ...callOptionsEntries });
const StatusSchema = v.object({ jobId: nonEmptyString, type: logDownloadEntries.type, ...callOptionsEntries });

/** Spark's v3 envelope around a log download job. */
type LogJobEnvelope = { status?: unknown; response_data?: Record<string, unknown> | null; error?: unknown } | null;

/** Parameters of {@link initiateLogDownload}: the filters, the file type and call options. */
export interface InitiateLogDownloadParams extends LogDownloadFilters, CallOptions {
  /** `json` (default) or `csv`. */
  type?: 'json' | 'csv';
}

/** A created log download job: pass it to {@link getLogDownloadStatus}. */
export interface LogDownloadJob {
  readonly jobId: string;
  readonly type: 'json' | 'csv';
}

/**
 * Creates a log download job without waiting for it (the first step of {@link downloadLogs}).
 *
 * Wire: `POST {full}/api/v3/folders/{f}/services/{s}/log/download{json|csv}`.
 *
 * @example
 * const job = await initiateLogDownload(spark, 'my-folder/my-service', { type: 'csv', callIds: [callId] });
 * const status = await getLogDownloadStatus(spark, 'my-folder/my-service', job);
 */
export async function initiateLogDownload(core: SparkCore, uri: ServiceUriInput, params: InitiateLogDownloadParams = {}): Promise<LogDownloadJob> {
  requireCore(core, INITIATE);
  const options = parseParams(InitiateSchema, params, INITIATE);
  const { folder, service } = requireFolderService(uri, INITIATE);
  const type = options.type ?? 'json';
  const created = await core.request<LogJobEnvelope>({
    operation: INITIATE, method: 'POST', path: servicePath({ folder, service }, { endpoint: `log/download${type}` }),
    json: logDownloadBody(options, INITIATE), ...pickCallOptions(options),
  });
  const jobId = created.data?.response_data?.['job_id'];
  if (typeof jobId !== 'string' || !jobId) throw jobError(INITIATE, created, 'POST', 'Spark produced no download job id');
  return { jobId, type };
}

/**
 * One status check of a log download job (`progress` reaches 100 with a `download_url`). A
 * job Spark reports as failed, or finished without a `download_url`, rejects with a `SparkApiError`.
 *
 * Wire: `GET {full}/api/v3/folders/{f}/services/{s}/log/download{type}/status/{jobId}`.
 *
 * @example
 * const { progress, download_url } = await getLogDownloadStatus(spark, 'my-folder/my-service', { jobId, type: 'csv' });
 */
export async function getLogDownloadStatus(
  core: SparkCore, uri: ServiceUriInput, params: { jobId: string; type?: 'json' | 'csv' } & CallOptions,
): Promise<LogDownloadStatus> {
  requireCore(core, STATUS);
  const options = parseParams(StatusSchema, params, STATUS);
  const { folder, service } = requireFolderService(uri, STATUS);
  const endpoint = `log/download${options.type ?? 'json'}/status/${pathSegment(options.jobId, 'jobId')}`;
  const response = await core.request<LogJobEnvelope>({
    operation: STATUS, method: 'GET', path: servicePath({ folder, service }, { endpoint }), ...pickCallOptions(options),
  });
  const failed = jobFailure(response.data);
  if (failed) throw jobError(STATUS, response, 'GET', `log download job ${options.jobId} failed: ${failed}`);
  const status: LogDownloadStatus = { ...(response.data?.response_data ?? {}), progress: Number(response.data?.response_data?.['progress'] ?? 0) };
  if (status.progress >= 100 && (typeof status['download_url'] !== 'string' || !status['download_url'])) {
    throw jobError(STATUS, response, 'GET', `log download job ${options.jobId} finished without a download URL`);
  }
  return status;
}

/** The failure message of a job status, when Spark reports one. */
function jobFailure(body: LogJobEnvelope): string | undefined {
  const data = body?.response_data ?? {};
  const state = [data['status'], body?.status].find((s) => typeof s === 'string' && /fail|error|cancel/i.test(s));
  if (state === undefined && (body?.error === null || body?.error === undefined)) return undefined;
  const error = body?.error as { message?: unknown } | string | undefined | null;
  const message = typeof error === 'string' ? error : typeof error?.message === 'string' ? error.message : data['message'];
  return typeof message === 'string' && message ? message : String(state ?? 'unknown error');
}

/** A `SparkApiError` for a job answer that cannot be used. */
function jobError(operation: string, response: SparkResponse<unknown>, method: 'GET' | 'POST', detail: string): Error {
  return responseError(operation, method, response, detail);
}
