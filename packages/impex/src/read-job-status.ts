import * as v from 'valibot';
import { parseParams, type CallOptions, type SparkCore, type SparkJobOptions } from '@spark/core';
import { callOptionsEntries, pickCallOptions } from '@spark/core/wire';
import { fetchJobStatus, waitForJob, type ImpexKind } from './job-status.js';
import type { ImpexJobStatus } from './types.js';

/** Options of the impex `getStatus` calls. */
export interface GetJobStatusOptions<T> extends CallOptions {
  /** Read this status URL (e.g. the job's `status_url`) instead of building one from the id. */
  url?: string;
  /**
   * Poll until the job is `completed` (or fails, as a `SparkApiError`) instead of reading the
   * status once, as both official SDKs' `getStatus` do: `true`, or `{ pollInterval, timeout
   * (the whole wait, ms), onProgress }`.
   */
  wait?: true | Omit<SparkJobOptions<T>, 'signal'>;
}

const Schema = v.object({
  jobId: v.optional(v.string()),
  url: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^https?:\/\//i, 'must be an absolute http(s) URL'))),
  ...callOptionsEntries,
  wait: v.optional(v.union([
    v.literal(true),
    v.object({
      pollInterval: v.optional(v.pipe(v.number(), v.minValue(0))),
      timeout: v.optional(v.pipe(v.number(), v.gtValue(0))),
      onProgress: v.optional(v.function()),
    }),
  ])),
});

/** Reads a job's status once, or (with `wait`) polls it to its end; shared by exports and imports. */
export async function readJobStatus<T extends ImpexJobStatus>(
  core: SparkCore, kind: ImpexKind, operation: string, jobId: string, options: GetJobStatusOptions<T>,
): Promise<T> {
  const at = parseParams(Schema, { ...options, jobId: typeof jobId === 'string' ? jobId.trim() : jobId }, operation);
  if (at.wait === undefined) return (await fetchJobStatus<T>(core, kind, operation, at)).data;
  const wait = at.wait === true ? {} : at.wait;
  const job = { id: at.jobId || at.url || '', status_url: at.url };
  const response = await waitForJob<T>(core, kind, operation, job, { ...wait, ...pickCallOptions(at, 'job') } as SparkJobOptions<T>);
  return response.data;
}
