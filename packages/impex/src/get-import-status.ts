import * as v from 'valibot';
import { parseParams, type SparkCore, requireCore } from '@spark/core';
import { fetchJobStatus } from './job-status.js';
import type { ImportStatus } from './types.js';

const OPERATION = 'impex.imports.getStatus';

const Schema = v.object({
  jobId: v.optional(v.string()),
  url: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^https?:\/\//i, 'must be an absolute http(s) URL'))),
  signal: v.optional(v.instance(AbortSignal)),
  timeout: v.optional(v.pipe(v.number(), v.gtValue(0))),
});

/** Options of {@link getImportStatus}. */
export interface GetImportStatusOptions {
  /** Read this status URL (e.g. the job's `status_url`) instead of building one from the id. */
  url?: string;
  signal?: AbortSignal;
  /** Per-request timeout in ms. */
  timeout?: number;
}

/**
 * Reads an import job's status once: `GET {tenant URL}/api/v4/import/{jobId}/status`
 * (or `options.url`).
 *
 * @param core - a client from `createClient()`
 * @param jobId - the id from {@link initiateImport} (may be empty when `options.url` is given)
 * @param options - `url`, `signal`, `timeout`
 * @returns the status document
 *
 * @example
 * const { status, outputs } = await getImportStatus(spark, job.id);
 */
export async function getImportStatus(core: SparkCore, jobId: string, options: GetImportStatusOptions = {}): Promise<ImportStatus> {
  requireCore(core, OPERATION);
  const at = parseParams(Schema, { ...options, jobId: typeof jobId === 'string' ? jobId.trim() : jobId }, OPERATION);
  const response = await fetchJobStatus<ImportStatus>(core, 'import', OPERATION, at);
  return response.data;
}
