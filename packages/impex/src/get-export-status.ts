import * as v from 'valibot';
import { parseParams, type SparkCore, requireCore } from '@spark/core';
import { fetchJobStatus } from './job-status.js';
import type { ExportStatus } from './types.js';

const OPERATION = 'impex.exports.getStatus';

const Schema = v.object({
  jobId: v.optional(v.string()),
  url: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^https?:\/\//i, 'must be an absolute http(s) URL'))),
  signal: v.optional(v.instance(AbortSignal)),
  timeout: v.optional(v.pipe(v.number(), v.gtValue(0))),
});

/** Options of {@link getExportStatus}. */
export interface GetExportStatusOptions {
  /** Read this status URL (e.g. the job's `status_url`) instead of building one from the id. */
  url?: string;
  signal?: AbortSignal;
  /** Per-request timeout in ms. */
  timeout?: number;
}

/**
 * Reads an export job's status once: `GET {tenant URL}/api/v4/export/{jobId}/status`
 * (or `options.url`). Once `completed`, `outputs.files` lists the download URLs.
 *
 * @param core - a client from `createClient()`
 * @param jobId - the id from {@link initiateExport} (may be empty when `options.url` is given)
 * @param options - `url`, `signal`, `timeout`
 * @returns the status document
 *
 * @example
 * const { status, outputs } = await getExportStatus(spark, job.id);
 */
export async function getExportStatus(core: SparkCore, jobId: string, options: GetExportStatusOptions = {}): Promise<ExportStatus> {
  requireCore(core, OPERATION);
  const at = parseParams(Schema, { ...options, jobId: typeof jobId === 'string' ? jobId.trim() : jobId }, OPERATION);
  const response = await fetchJobStatus<ExportStatus>(core, 'export', OPERATION, at);
  return response.data;
}
