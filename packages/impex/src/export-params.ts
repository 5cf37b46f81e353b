import * as v from 'valibot';
import type { CallOptions, ServiceUriInput, SparkJobOptions } from '@spark/core';
import type { ExportStatus } from './types.js';
import { callOptionsEntries, jobOptionsEntries, nonEmptyString } from '@spark/core/wire';

const names = v.optional(v.union([nonEmptyString, v.array(nonEmptyString)]));
const locator = v.union([nonEmptyString, v.record(v.string(), v.unknown())]);

/** What to export and how (the body of `POST api/v4/export`). */
export const InitiateExportSchema = v.object({
  folders: names,
  services: v.optional(v.union([v.array(locator), locator])),
  versionIds: names,
  filters: v.optional(
    v.object({
      file: v.optional(v.picklist(['migrate', 'onpremises'])),
      version: v.optional(v.picklist(['latest', 'all'])),
    }),
  ),
  sourceSystem: v.optional(v.string()),
  correlationId: v.optional(v.string()),
  fileName: v.optional(nonEmptyString),
  ...callOptionsEntries,
});

/** {@link InitiateExportSchema} plus polling and download options. */
export const ExportServicesSchema = v.object({
  ...InitiateExportSchema.entries,
  ...jobOptionsEntries,
  download: v.optional(v.boolean()),
});

/** Parameters of {@link initiateExport}. At least one of `folders`, `services`, `versionIds` is required. */
export interface InitiateExportParams extends CallOptions {
  /** Folder names: every service in them. */
  folders?: string | string[];
  /** Services in any locator form (`folder/service[version]`, `service/{id}`, `version/{id}`, objects). */
  services?: ServiceUriInput | ServiceUriInput[];
  /** Exact version ids. */
  versionIds?: string | string[];
  filters?: {
    /** `migrate` (re-importable into Spark, default) or `onpremises` (hybrid-runner packages). */
    file?: 'migrate' | 'onpremises';
    /** `latest` (default) or `all` versions. */
    version?: 'latest' | 'all';
  };
  /** Default `Spark TypeScript SDK`. */
  sourceSystem?: string;
  correlationId?: string;
  /** Name of the produced file (`file_name`, as in the Postman collection). */
  fileName?: string;
}

/** Parameters of {@link exportServices}: what to export, polling options, and whether to download. */
export interface ExportServicesParams extends InitiateExportParams, SparkJobOptions<ExportStatus> {
  /** Download the produced files (default `true`); `false` returns the job with no files. */
  download?: boolean;
}
