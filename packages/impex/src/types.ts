import type { SparkDownload } from '@spark/core';

/** What Spark answers when an export or import job is created. */
export interface ImpexJobInit {
  id: string;
  /** `export` or `import`. */
  object: string;
  /** Absolute URL of the job's status. */
  status_url: string;
  [key: string]: unknown;
}

/** One file an export produced. */
export interface ExportFile {
  /** A short-lived download URL. */
  file: string;
  file_hash?: string;
}

/** A service named by its source locator in an export or import result. */
export interface ImpexServiceEntry {
  service_uri_source: string;
  folder_source?: string;
  service_source?: string;
  service_id_source?: string;
  version_source?: string;
  version_id_source?: string;
  /** Import only: `added`, `replaced`, … */
  status?: string;
  service_uri_destination?: string;
  folder_destination?: string;
  service_destination?: string;
  service_id_destination?: string;
  version_destination?: string;
  version_id_destination?: string;
  [key: string]: unknown;
}

/** Fields shared by export and import job statuses. */
export interface ImpexJobStatus {
  object: string;
  id: string;
  /** `in_progress`, … then `completed` or `closed` (or `failed` / `cancelled`). */
  status: string;
  status_url?: string;
  process_time?: number;
  response_timestamp?: string;
  errors?: unknown;
  warnings?: unknown;
  source_system?: string;
  correlation_id?: string | null;
  [key: string]: unknown;
}

/** The status (and, once completed, the result) of an export job. */
export interface ExportStatus extends ImpexJobStatus {
  outputs?: {
    files?: ExportFile[] | null;
    services?: ImpexServiceEntry[];
    service_versions?: ImpexServiceEntry[];
    [key: string]: unknown;
  };
}

/** The status (and, once completed, the result) of an import job. */
export interface ImportStatus extends ImpexJobStatus {
  outputs?: {
    services?: ImpexServiceEntry[];
    service_versions?: ImpexServiceEntry[];
    [key: string]: unknown;
  };
}

/** Tenant-wide export or import activity (`GET api/v4/{export|import}/status`). */
export interface ImpexDescription {
  in_progress_exports?: unknown[];
  recent_exports?: unknown[];
  in_progress_imports?: unknown[];
  recent_imports?: unknown[];
  tenant?: { configuration?: Record<string, unknown>; status?: Record<string, unknown> };
  [key: string]: unknown;
}

/** What {@link exportServices} returns: the final job status and the exported files. */
export interface ExportServicesResult {
  job: ExportStatus;
  /** One download per exported file (empty with `download: false`). */
  files: SparkDownload[];
}

/** One import of {@link migrateServices}: the export it came from and its final import status. */
export interface MigrateServicesResult {
  exports: ExportStatus;
  imports: ImportStatus;
}
