import { pathSegment, pollJob, type CallOptions, type SparkCore, type SparkJobOptions, type SparkResponse, type SparkV3Response } from '@spark/core';
import { pickCallOptions, responseError } from '@spark/core/wire';
import type { ExecuteMeta } from './execute-types.js';

/** The status of a compilation job (upload or recompile). */
export type CompilationProgress = SparkV3Response<{ status: string; last_error_message?: string | null; progress: number; [key: string]: unknown }, ExecuteMeta>;

const FAILED = /^(fail(ed|ure)?|error|cancel(l)?ed|aborted)$/i;

/**
 * Polls `GET …/getcompilationprogess/{jobId}` (sic) until the job reaches 100 % or announces
 * a failure. `Success` gives the final status; any other final status is reported as a
 * failure naming that status and Spark's `last_error_message` (never as a timeout).
 *
 * @param core - the client
 * @param operation - operation id of the caller (`services.create`, `services.recompile`)
 * @param target - folder and service the job belongs to
 * @param jobId - `nodegen_compilation_jobid` of an upload or `jobId` of a recompilation
 * @param options - polling options (`pollInterval`, `timeout`, `signal`, `onProgress`)
 * @returns the final status body
 * @example
 * const done = await waitForCompilation(core, 'services.compile', { folder, service }, jobId, { pollInterval: 500 });
 */
export async function waitForCompilation(
  core: SparkCore,
  operation: string,
  target: { folder: string; service: string },
  jobId: string,
  options: SparkJobOptions<CompilationProgress> = {},
): Promise<CompilationProgress> {
  const { onProgress, ...polling } = options;
  const call = pickCallOptions(options, 'job');
  return pollJob<CompilationProgress>(core, operation, polling, async (signal) => {
    const response = await fetchCompilationStatus(core, operation, target, jobId, { ...call, signal });
    const data = response.data?.response_data;
    onProgress?.(response.data);
    const progress = Number(data?.progress ?? 0);
    const status = String(data?.status ?? '');
    if (progress < 100 && !FAILED.test(status)) return { done: false };
    if (status.toLowerCase() === 'success') return { done: true, result: response.data };
    throw failure(operation, jobId, response, status);
  });
}

/** One `GET …/getcompilationprogess/{jobId}` (sic). */
export function fetchCompilationStatus(
  core: SparkCore, operation: string, target: { folder: string; service: string }, jobId: string, call: CallOptions,
): Promise<SparkResponse<CompilationProgress>> {
  const path = `api/v3/folders/${pathSegment(target.folder, 'folder')}/services/${pathSegment(target.service, 'service')}/getcompilationprogess/${pathSegment(jobId, 'jobId')}`;
  return core.request<CompilationProgress>({ operation, method: 'GET', path, ...pickCallOptions(call) });
}

function failure(operation: string, jobId: string, response: SparkResponse<CompilationProgress>, status: string) {
  const raw = response.data?.response_data?.last_error_message;
  const reason = typeof raw === 'string' && raw !== '' && raw !== 'null' ? `: ${raw}` : '';
  return responseError(operation, 'GET', response, `compilation job ${jobId} failed with status "${status || 'unknown'}"${reason}`);
}

/**
 * Reads the job id a Spark response announced, or raises the failure the caller should see.
 *
 * @example
 * const jobId = requireJobId('services.compile', 'POST', response, response.data.response_data?.nodegen_compilation_jobid);
 */
export function requireJobId(operation: string, method: 'POST', response: SparkResponse<unknown>, jobId: unknown): string {
  if (typeof jobId === 'string' && jobId !== '') return jobId;
  throw responseError(operation, method, response, 'Spark did not return a compilation job id');
}
