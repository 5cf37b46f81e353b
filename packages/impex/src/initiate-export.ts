import { parseParams, type SparkCore, requireCore } from '@spark/core';
import { pickCallOptions } from '@spark/core/wire';
import { exportBody } from './export-body.js';
import { InitiateExportSchema, type InitiateExportParams } from './export-params.js';
import type { ImpexJobInit } from './types.js';

const OPERATION = 'impex.exports.initiate';

/**
 * Starts an export job: `POST {tenant URL}/api/v4/export`. Use {@link exportServices} to
 * also wait for it and download the files.
 *
 * @param core - a client from `createClient()`
 * @param params - folders, services and/or version ids (at least one), filters, metadata
 * @returns the job: `{ id, object: 'export', status_url }`
 *
 * @example
 * const job = await initiateExport(spark, { services: ['my-folder/volume-cylinder'] });
 * const status = await getExportStatus(spark, job.id);
 */
export async function initiateExport(core: SparkCore, params: InitiateExportParams): Promise<ImpexJobInit> {
  requireCore(core, OPERATION);
  const options = parseParams(InitiateExportSchema, params, OPERATION) as InitiateExportParams;
  const response = await core.request<ImpexJobInit>({
    operation: OPERATION,
    method: 'POST',
    path: 'api/v4/export',
    json: exportBody(options, OPERATION),
    ...pickCallOptions(options),
  });
  return response.data;
}
