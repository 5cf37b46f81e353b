import { isSparkError, SparkApiError, SparkConnectionError, SparkTimeoutError } from '@spark/core';

/** What a runner does after a failed request: stop the run, fail the chunk now, or try again. */
export type FailureAction = 'fatal' | 'fail-chunk' | 'retry';

/**
 * 401/403/404/409 mean the pipeline (or the credentials) are gone: nothing else can succeed.
 * Other 4xx answers reject this chunk only. 429, 5xx, dropped connections and timeouts are
 * worth another attempt. SDK, closed-client and abort errors stop the run.
 */
export function classifyFailure(error: unknown): FailureAction {
  if (error instanceof SparkApiError || (isSparkError(error) && typeof (error as { status?: unknown }).status === 'number')) {
    const status = (error as SparkApiError).status;
    if ([401, 403, 404, 409].includes(status)) return 'fatal';
    if (status === 408 || status === 429 || status >= 500) return 'retry';
    return 'fail-chunk';
  }
  if (error instanceof SparkConnectionError || error instanceof SparkTimeoutError) return 'retry';
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'SparkConnectionError' || name === 'SparkTimeoutError') return 'retry';
  return 'fatal';
}
