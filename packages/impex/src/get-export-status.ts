import { type SparkCore, requireCore } from '@spark/core';
import { readJobStatus, type GetJobStatusOptions } from './read-job-status.js';
import type { ExportStatus } from './types.js';

const OPERATION = 'impex.exports.getStatus';

/** Options of {@link getExportStatus}: `url`, `signal`, `timeout`, and `wait` to poll to the end. */
export type GetExportStatusOptions = GetJobStatusOptions<ExportStatus>;

/**
 * Reads an export job's status once: `GET {tenant URL}/api/v4/export/{jobId}/status`
 * (or `options.url`); with `wait`, polls it until the job is `completed` (a failed or
 * cancelled job rejects with a `SparkApiError`, a slow one with `SparkTimeoutError`). Once `completed`, `outputs.files` lists the download URLs.
 *
 * @param core - a client from `createClient()`
 * @param jobId - the id from {@link initiateExport} (may be empty when `options.url` is given)
 * @param options - `url`, `signal`, `timeout`, `maxResponseBytes` (per request), `wait` (`true` or `{ pollInterval, timeout, onProgress }`)
 * @returns the status document
 *
 * @example
 * const { status, outputs } = await getExportStatus(spark, job.id);
 * const done = await getExportStatus(spark, job.id, { wait: { pollInterval: 500, timeout: 60_000 } });
 */
export async function getExportStatus(core: SparkCore, jobId: string, options: GetExportStatusOptions = {}): Promise<ExportStatus> {
  requireCore(core, OPERATION);
  return readJobStatus<ExportStatus>(core, 'export', OPERATION, jobId, options);
}
