import { parseParams, type SparkCore, requireCore } from '@spark/core';
import { pickCallOptions } from '@spark/core/wire';
import { importForm } from './import-body.js';
import { InitiateImportSchema, type InitiateImportParams } from './import-params.js';
import type { ImpexJobInit } from './types.js';

const OPERATION = 'impex.imports.initiate';

/**
 * Starts an import job: `POST {tenant URL}/api/v4/import` (multipart: `importRequestEntity`
 * JSON and `file` as `package.zip`). Use {@link importServices} to also wait for it.
 *
 * @param core - a client from `createClient()`
 * @param params - the exported zip, where each service goes, `ifPresent`, metadata
 * @returns the job: `{ id, object: 'import', status_url }`
 *
 * @example
 * const job = await initiateImport(spark, { file: zipBytes, destination: 'my-folder/volume-cylinder' });
 */
export async function initiateImport(core: SparkCore, params: InitiateImportParams): Promise<ImpexJobInit> {
  requireCore(core, OPERATION);
  const options = parseParams(InitiateImportSchema, params, OPERATION) as InitiateImportParams;
  const response = await core.request<ImpexJobInit>({
    operation: OPERATION,
    method: 'POST',
    path: 'api/v4/import',
    body: await importForm(options, OPERATION),
    ...pickCallOptions(options),
  });
  return response.data;
}
