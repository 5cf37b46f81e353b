import { type SparkCore, requireCore } from '@spark/core';
import { readJobStatus, type GetJobStatusOptions } from './read-job-status.js';
import type { ImportStatus } from './types.js';

const OPERATION = 'impex.imports.getStatus';

/** Options of {@link getImportStatus}: `url`, `signal`, `timeout`, and `wait` to poll to the end. */
export type GetImportStatusOptions = GetJobStatusOptions<ImportStatus>;

/**
 * Reads an import job's status once: `GET {tenant URL}/api/v4/import/{jobId}/status`
 * (or `options.url`); with `wait`, polls it until the job is `completed` (a failed or
 * cancelled job rejects with a `SparkApiError`, a slow one with `SparkTimeoutError`).
 *
 * @param core - a client from `createClient()`
 * @param jobId - the id from {@link initiateImport} (may be empty when `options.url` is given)
 * @param options - `url`, `signal`, `timeout`, `maxResponseBytes` (per request), `wait` (`true` or `{ pollInterval, timeout, onProgress }`)
 * @returns the status document
 *
 * @example
 * const { status, outputs } = await getImportStatus(spark, job.id);
 * const done = await getImportStatus(spark, job.id, { wait: { pollInterval: 500, timeout: 60_000 } });
 */
export async function getImportStatus(core: SparkCore, jobId: string, options: GetImportStatusOptions = {}): Promise<ImportStatus> {
  requireCore(core, OPERATION);
  return readJobStatus<ImportStatus>(core, 'import', OPERATION, jobId, options);
}
