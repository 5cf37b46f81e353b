import type { SparkCore, SparkDownload, SparkPlugin, CallOptions } from '@spark/core';
import { cancelExport } from './cancel-export.js';
import { describeExports } from './describe-exports.js';
import { describeImports } from './describe-imports.js';
import { downloadExport } from './download-export.js';
import type { ExportServicesParams, InitiateExportParams } from './export-params.js';
import { exportServices } from './export-services.js';
import { getExportStatus, type GetExportStatusOptions } from './get-export-status.js';
import { getImportStatus, type GetImportStatusOptions } from './get-import-status.js';
import type { ImportServicesParams, InitiateImportParams } from './import-params.js';
import { importServices } from './import-services.js';
import { initiateExport } from './initiate-export.js';
import { initiateImport } from './initiate-import.js';
import { migrateServices, type MigrateServicesParams } from './migrate-services.js';
import type { ExportServicesResult, ExportStatus, ImpexDescription, ImpexJobInit, ImportStatus, MigrateServicesResult } from './types.js';

/** The low-level export job operations. */
export interface ExportsApi {
  /** See {@link initiateExport}. */
  initiate(params: InitiateExportParams): Promise<ImpexJobInit>;
  /** See {@link getExportStatus}. */
  getStatus(jobId: string, options?: GetExportStatusOptions): Promise<ExportStatus>;
  /** See {@link cancelExport}. */
  cancel(jobId: string, options?: CallOptions): Promise<ExportStatus>;
  /** See {@link describeExports}. */
  describe(options?: CallOptions): Promise<ImpexDescription>;
  /** See {@link downloadExport}. */
  download(source: string | string[] | ExportStatus, options?: CallOptions): Promise<SparkDownload[]>;
}

/** The low-level import job operations. */
export interface ImportsApi {
  /** See {@link initiateImport}. */
  initiate(params: InitiateImportParams): Promise<ImpexJobInit>;
  /** See {@link getImportStatus}. */
  getStatus(jobId: string, options?: GetImportStatusOptions): Promise<ImportStatus>;
  /** See {@link describeImports}. */
  describe(options?: CallOptions): Promise<ImpexDescription>;
}

/** The `impex` namespace of a client. */
export interface ImpexApi {
  /** See {@link exportServices}. */
  export(params: ExportServicesParams): Promise<ExportServicesResult>;
  /** See {@link importServices}. */
  import(params: ImportServicesParams): Promise<ImportStatus>;
  /** Migrates from this client to `to`; see {@link migrateServices}. */
  migrate(to: SparkCore, params: MigrateServicesParams): Promise<MigrateServicesResult[]>;
  /** Migrates from `from` to `to` (this client is not involved); see {@link migrateServices}. */
  migrate(from: SparkCore, to: SparkCore, params: MigrateServicesParams): Promise<MigrateServicesResult[]>;
  readonly exports: ExportsApi;
  readonly imports: ImportsApi;
}

/**
 * Binds the ImpEx operations to one client.
 *
 * @example
 * const impex = createImpexApi(spark);
 * const { files } = await impex.export({ folders: ['my-folder'] });
 */
export function createImpexApi(core: SparkCore): ImpexApi {
  function migrate(a: SparkCore, b: SparkCore | MigrateServicesParams, c?: MigrateServicesParams): Promise<MigrateServicesResult[]> {
    return c === undefined ? migrateServices(core, a, b as MigrateServicesParams) : migrateServices(a, b as SparkCore, c);
  }
  return {
    export: (params) => exportServices(core, params),
    import: (params) => importServices(core, params),
    migrate: migrate as ImpexApi['migrate'],
    exports: {
      initiate: (params) => initiateExport(core, params),
      getStatus: (jobId, options) => getExportStatus(core, jobId, options),
      cancel: (jobId, options) => cancelExport(core, jobId, options),
      describe: (options) => describeExports(core, options),
      download: (source, options) => downloadExport(core, source, options),
    },
    imports: {
      initiate: (params) => initiateImport(core, params),
      getStatus: (jobId, options) => getImportStatus(core, jobId, options),
      describe: (options) => describeImports(core, options),
    },
  };
}

/**
 * The ImpEx plugin: `createClient(opts).use(impex)` adds `client.impex`.
 *
 * @example
 * const spark = createClient({ baseUrl, apiKey }).use(impex);
 * const { job, files } = await spark.impex.export({ services: ['my-folder/volume-cylinder'] });
 */
export const impex: SparkPlugin<'impex', ImpexApi> = { key: 'impex', create: createImpexApi };
