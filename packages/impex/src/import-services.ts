import { parseParams, type SparkCore, requireCore } from '@spark/core';
import { pickCallOptions } from '@spark/core/wire';
import { importForm } from './import-body.js';
import { ImportServicesSchema, type ImportServicesParams } from './import-params.js';
import { waitForJob } from './job-status.js';
import { describeErrors, hasErrors, jobFailure } from './wire.js';
import type { ImpexJobInit, ImportStatus } from './types.js';

const OPERATION = 'impex.import';

/**
 * Imports an exported package end to end: starts the job (`POST api/v4/import`), polls it
 * until `completed` or `closed`, and checks the result. A job that fails, is cancelled or
 * reports `errors` rejects with a `SparkApiError` holding the status document.
 *
 * @param core - a client from `createClient()` (the target tenant)
 * @param params - the zip (`file`), where each service goes (`destination`), `ifPresent`, metadata, and polling options
 * @returns the final import status (`outputs.services`, `outputs.service_versions`)
 *
 * @example
 * const status = await importServices(spark, {
 *   file: await readFile('./volume-cylinder.zip'),
 *   destination: { source: 'my-folder/volume-cylinder', target: 'prod-folder/volume-cylinder' },
 *   ifPresent: 'add_version',
 * });
 */
export async function importServices(core: SparkCore, params: ImportServicesParams): Promise<ImportStatus> {
  requireCore(core, OPERATION);
  const options = parseParams(ImportServicesSchema, params, OPERATION) as ImportServicesParams;
  const body = await importForm(options, OPERATION);
  const init = await core.request<ImpexJobInit>({ operation: OPERATION, method: 'POST', path: 'api/v4/import', body, ...pickCallOptions(options, 'job') });
  if (typeof init.data?.id !== 'string' || init.data.id === '') throw jobFailure(OPERATION, init, 'Spark did not return an import job id');
  const final = await waitForJob<ImportStatus>(core, 'import', OPERATION, init.data, options);
  const status = final.data;
  if (hasErrors(status.errors)) {
    throw jobFailure(OPERATION, final, `import job ${init.data.id} failed with errors: ${describeErrors(status.errors)}`);
  }
  if ((status.outputs?.services ?? []).length === 0) {
    core.config.logger.warn(`import job ${init.data.id} did not import any services`, { operation: OPERATION });
  }
  return status;
}
