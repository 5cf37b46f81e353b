import { pollJob, SparkSdkError, type CallOptions, type SparkCore, type SparkJobOptions, type SparkResponse, pathSegment } from '@spark/core';
import { pickCallOptions } from '@spark/core/wire';
import { describeErrors, jobFailure } from './wire.js';
import type { ImpexJobStatus } from './types.js';

/** The two kinds of ImpEx job. */
export type ImpexKind = 'export' | 'import';

/** Where to read a job's status: its id, or the `status_url` Spark handed out. */
export interface JobStatusLocation extends CallOptions {
  jobId?: string | undefined;
  url?: string | undefined;
}

const DONE = new Set(['completed', 'closed']);
const FAILED = new Set(['failed', 'cancelled', 'canceled', 'error', 'aborted']);

/** `GET {full}/api/v4/{kind}/{jobId}/status`, or `GET url`. */
export async function fetchJobStatus<T>(core: SparkCore, kind: ImpexKind, operation: string, at: JobStatusLocation): Promise<SparkResponse<T>> {
  const url = at.url?.trim();
  if (!url && !at.jobId) throw new SparkSdkError(`${operation}: a job id or a status URL is required`);
  return core.request<T>({
    operation,
    method: 'GET',
    ...(url ? { url } : { path: `api/v4/${kind}/${pathSegment(at.jobId!, 'jobId')}/status` }),
    ...pickCallOptions(at),
  });
}

/**
 * Polls a job until it is `completed` or `closed`. A `failed` / `cancelled` job is a failure
 * (a `SparkApiError` holding the status document), never a timeout.
 */
export async function waitForJob<T extends ImpexJobStatus>(
  core: SparkCore,
  kind: ImpexKind,
  operation: string,
  job: { id: string; status_url?: string | undefined },
  options: SparkJobOptions<T>,
): Promise<SparkResponse<T>> {
  return pollJob<SparkResponse<T>>(core, operation, options, async (signal) => {
    const response = await fetchJobStatus<T>(core, kind, operation, { jobId: job.id, url: job.status_url, ...pickCallOptions(options, 'job'), signal });
    const status = response.data;
    if (typeof status !== 'object' || status === null) {
      throw jobFailure(operation, response, `${kind} job ${job.id} answered without a status document`);
    }
    options.onProgress?.(status);
    const state = String(status.status ?? '').toLowerCase();
    if (DONE.has(state)) return { done: true, result: response };
    if (FAILED.has(state)) {
      const errors = describeErrors(status.errors);
      throw jobFailure(operation, response, `${kind} job ${job.id} ${state}${errors ? `: ${errors}` : ''}`);
    }
    return { done: false };
  });
}
