import { parseParams, pathSegment, type SparkCore, type CallOptions, requireCore } from '@spark/core';
import { JobIdSchema } from './wire.js';
import type { ExportStatus } from './types.js';
import { checkCallOptions } from '@spark/core/wire';

const OPERATION = 'impex.exports.cancel';

/**
 * Cancels an export job: `PATCH {tenant URL}/api/v4/export/{jobId}` with
 * `{ "export_status": "cancelled" }`.
 *
 * @param core - a client from `createClient()`
 * @param jobId - the export job id
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns Spark's answer (the job's status document)
 *
 * @example
 * await cancelExport(spark, job.id);
 */
export async function cancelExport(core: SparkCore, jobId: string, options?: CallOptions): Promise<ExportStatus> {
  requireCore(core, OPERATION);
  const id = parseParams(JobIdSchema, jobId, OPERATION);
  const call = checkCallOptions(options, OPERATION);
  const response = await core.request<ExportStatus>({
    operation: OPERATION,
    method: 'PATCH',
    path: `api/v4/export/${pathSegment(id, 'id')}`,
    json: { export_status: 'cancelled' },
    // Cancelling twice has the same effect as once, so a lost response may be retried.
    idempotent: true,
    ...call,
  });
  return response.data;
}
