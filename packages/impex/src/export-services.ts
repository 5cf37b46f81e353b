import { parseParams, type SparkCore, requireCore } from '@spark/core';
import { pickCallOptions } from '@spark/core/wire';
import { exportBody } from './export-body.js';
import { ExportServicesSchema, type ExportServicesParams } from './export-params.js';
import { downloadExport } from './download-export.js';
import { waitForJob } from './job-status.js';
import { jobFailure } from './wire.js';
import type { ExportServicesResult, ExportStatus, ImpexJobInit } from './types.js';

const OPERATION = 'impex.export';

/**
 * Exports services end to end: starts the job (`POST api/v4/export`), polls its status
 * until `completed` or `closed`, then downloads every produced file. A `failed` or
 * `cancelled` job rejects with a `SparkApiError` holding the status; a job that runs past
 * `timeout` rejects with `SparkTimeoutError`.
 *
 * @param core - a client from `createClient()`
 * @param params - what to export (at least one of `folders`, `services`, `versionIds`), filters, metadata, `download`, and polling options (`pollInterval`, `timeout`, `signal`, `onProgress`)
 * @returns `{ job, files }`: the final status and one `SparkDownload` per file
 *
 * @example
 * const { job, files } = await exportServices(spark, { services: ['my-folder/volume-cylinder'] });
 * await files[0].toFile('./volume-cylinder.zip');
 */
export async function exportServices(core: SparkCore, params: ExportServicesParams): Promise<ExportServicesResult> {
  requireCore(core, OPERATION);
  const options = parseParams(ExportServicesSchema, params, OPERATION) as ExportServicesParams;
  const body = exportBody(options, OPERATION);
  const init = await core.request<ImpexJobInit>({ operation: OPERATION, method: 'POST', path: 'api/v4/export', json: body, ...pickCallOptions(options, 'job') });
  if (typeof init.data?.id !== 'string' || init.data.id === '') throw jobFailure(OPERATION, init, 'Spark did not return an export job id');
  const final = await waitForJob<ExportStatus>(core, 'export', OPERATION, init.data, options);
  const job = final.data;
  const urls = (job.outputs?.files ?? []).map((f) => f?.file).filter((f): f is string => typeof f === 'string' && f !== '');
  if (urls.length === 0) throw jobFailure(OPERATION, final, `export job ${init.data.id} failed to produce any files`);
  const files = options.download === false ? [] : await downloadExport(core, urls, pickCallOptions(options, 'job'));
  return { job, files };
}
