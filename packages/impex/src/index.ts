export { exportServices } from './export-services.js';
export { initiateExport } from './initiate-export.js';
export { getExportStatus, type GetExportStatusOptions } from './get-export-status.js';
export { cancelExport } from './cancel-export.js';
export { describeExports } from './describe-exports.js';
export { downloadExport } from './download-export.js';
export { importServices } from './import-services.js';
export { initiateImport } from './initiate-import.js';
export { getImportStatus, type GetImportStatusOptions } from './get-import-status.js';
export { describeImports } from './describe-imports.js';
export { migrateServices, type MigrateServicesParams } from './migrate-services.js';
export type { InitiateExportParams, ExportServicesParams } from './export-params.js';
export type { InitiateImportParams, ImportServicesParams, ImportDestination, ImportFile } from './import-params.js';
export type {
  ImpexJobInit,
  ImpexJobStatus,
  ExportStatus,
  ImportStatus,
  ExportFile,
  ImpexServiceEntry,
  ImpexDescription,
  ExportServicesResult,
  MigrateServicesResult,
} from './types.js';
export { impex, createImpexApi, type ImpexApi, type ExportsApi, type ImportsApi } from './plugin.js';
