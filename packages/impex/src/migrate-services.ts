import * as v from 'valibot';
import { parseParams, SparkSdkError, type SparkCore, type SparkJobOptions } from '@spark/core';
import { ExportServicesSchema, type InitiateExportParams } from './export-params.js';
import { exportServices } from './export-services.js';
import { InitiateImportSchema, type InitiateImportParams } from './import-params.js';
import { importServices } from './import-services.js';
import type { ImpexJobStatus, MigrateServicesResult } from './types.js';

const OPERATION = 'impex.migrate';

const { file: _file, ...importEntries } = InitiateImportSchema.entries;
const Schema = v.object({ ...ExportServicesSchema.entries, ...importEntries });

/** Parameters of {@link migrateServices}: what to export, where to import it, and polling options (applied to each job). */
export interface MigrateServicesParams
  extends InitiateExportParams,
    Omit<InitiateImportParams, 'file' | 'signal'>,
    SparkJobOptions<ImpexJobStatus> {}

const isCore = (value: unknown): value is SparkCore =>
  typeof value === 'object' && value !== null && typeof (value as SparkCore).request === 'function' && typeof (value as SparkCore).download === 'function';

/**
 * Migrates services between two tenants or environments: exports them from `from`
 * (`migrate` files, downloaded), then imports every exported file into `to`, one after
 * another. Any failed job rejects (nothing is rolled back); the files not imported yet are
 * then cancelled, which releases their connections.
 *
 * @param from - the client of the source tenant
 * @param to - the client of the target tenant
 * @param params - the export's parameters plus `destination`, `ifPresent` and polling options
 * @returns one `{ exports, imports }` per imported file: the export's final status and that import's final status
 *
 * @example
 * const results = await migrateServices(uat, prod, {
 *   services: ['my-folder/volume-cylinder'],
 *   destination: 'my-folder/volume-cylinder',
 *   ifPresent: 'add_version',
 * });
 */
export async function migrateServices(from: SparkCore, to: SparkCore, params: MigrateServicesParams): Promise<MigrateServicesResult[]> {
  if (!isCore(from) || !isCore(to)) throw new SparkSdkError(`${OPERATION}: "from" and "to" must be Spark clients`);
  const options = parseParams(Schema, params, OPERATION) as MigrateServicesParams;
  const { destination, ifPresent, sourceSystem, correlationId, pollInterval, timeout, signal, maxResponseBytes, onProgress } = options;
  const jobOptions = { pollInterval, timeout, signal, maxResponseBytes, onProgress };
  const { job, files } = await exportServices(from, {
    folders: options.folders, services: options.services, versionIds: options.versionIds,
    // Only "migrate" packages can be imported into Spark.
    filters: { ...options.filters, file: 'migrate' },
    sourceSystem, correlationId, fileName: options.fileName, download: true, ...jobOptions,
  });
  const results: MigrateServicesResult[] = [];
  try {
    for (const file of files) {
      const imports = await importServices(to, { file, destination, ifPresent, sourceSystem, correlationId, ...jobOptions });
      results.push({ exports: job, imports });
    }
  } catch (error) {
    // The files not imported yet (and the one that failed, if unread) hold a connection each until read: nobody will read them now.
    for (const file of files.slice(results.length)) file.stream.cancel().catch(() => undefined);
    throw error;
  }
  return results;
}
