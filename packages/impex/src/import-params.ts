import * as v from 'valibot';
import { isUploadFile, UPLOAD_EXPECTED, type CallOptions, type SparkJobOptions, type SparkUploadFile } from '@spark/core';
import type { ImportStatus } from './types.js';
import { callOptionsEntries, jobOptionsEntries } from '@spark/core/wire';

const uri = v.pipe(v.string(), v.trim(), v.minLength(1, 'must be a non-empty service URI'));
const mapping = v.object({
  source: uri,
  target: v.optional(uri),
  upgrade: v.optional(v.picklist(['major', 'minor', 'patch'])),
});
const destination = v.union([uri, mapping]);

/** The import body (`importRequestEntity`) and the package. */
export const InitiateImportSchema = v.object({
  file: v.custom<ImportFile>(isUploadFile, `must be ${UPLOAD_EXPECTED} (the exported zip)`),
  destination: v.union([v.pipe(v.array(destination), v.minLength(1, 'must list at least one service')), destination]),
  ifPresent: v.optional(v.picklist(['abort', 'replace', 'add_version'])),
  sourceSystem: v.optional(v.string()),
  correlationId: v.optional(v.string()),
  ...callOptionsEntries,
});

/** {@link InitiateImportSchema} plus polling options. */
export const ImportServicesSchema = v.object({ ...InitiateImportSchema.entries, ...jobOptionsEntries });

/**
 * An exported package: raw bytes, a Blob/File, a stream, a download from `exportServices`, a
 * Node `Readable` or (Node) a file path.
 */
export type ImportFile = SparkUploadFile;

/** Where one exported service goes: `target` defaults to `source`, `upgrade` to `minor`. */
export interface ImportDestination {
  /** The service URI in the package, e.g. `my-folder/volume-cylinder`. */
  source: string;
  /** The service URI to create or update (its folder must exist). */
  target?: string;
  /** Which part of the semantic version to bump when adding a version (default `minor`). */
  upgrade?: 'major' | 'minor' | 'patch';
}

/** Parameters of {@link initiateImport}. */
export interface InitiateImportParams extends CallOptions {
  /** The zip produced by a `migrate` export. */
  file: ImportFile;
  /** A service URI (imported under the same name), a mapping, or a list of either. */
  destination: string | ImportDestination | (string | ImportDestination)[];
  /** What to do when the service exists: `abort`, `replace` or `add_version` (default). */
  ifPresent?: 'abort' | 'replace' | 'add_version';
  /** Default `Spark TypeScript SDK`. */
  sourceSystem?: string;
  correlationId?: string;
}

/** Parameters of {@link importServices}: the import plus polling options. */
export interface ImportServicesParams extends InitiateImportParams, SparkJobOptions<ImportStatus> {}
