import * as v from 'valibot';
import { parseParams, pathSegment, type SparkCore, type SparkJobOptions, type SparkDateInput, type SparkV3Response, isUploadFile, UPLOAD_EXPECTED, uploadFileName, requireCore } from '@spark/core';
import { waitForCompilation, requireJobId, type CompilationProgress } from './compilation.js';
import { effectiveDates } from './dates.js';
import { checkEnvelope } from './envelope.js';
import type { ExecuteMeta } from './execute-types.js';
import { toBlob, type ServiceFile } from './upload-file.js';
import { dateInputSchema, jobOptionsEntries, nonEmptyString, pickCallOptions } from '@spark/core/wire';

/** Parameters of {@link compileService}. */
export interface CompileParams extends SparkJobOptions<CompilationProgress> {
  folder: string;
  service: string;
  /** The Excel workbook: a Blob/File, bytes, a stream, a Node `Readable` or (Node) a file path. */
  file: ServiceFile;
  /** Default: the file's own name (a `File`'s, a path's), else `{service}.xlsx`. */
  fileName?: string;
  /** How the version number grows (default `minor`). */
  versioning?: 'major' | 'minor' | 'patch';
  /** Default: now. */
  startDate?: SparkDateInput;
  /** Default: ten years after the start. */
  endDate?: SparkDateInput;
  /** Extra `request_data` keys of the upload (and, in `createService`, of the publication). */
  extras?: Record<string, unknown>;
}

/** `response_data` of an upload. */
export interface UploadData {
  nodegen_compilation_jobid: string;
  original_file_documentid: string;
  engine_file_documentid: string;
  lines_of_code?: number;
  hours_saved?: number;
  warnings?: unknown;
  no_of_inputs?: number;
  no_of_outputs?: number;
  [key: string]: unknown;
}

/** What {@link compileService} returns. */
export interface CompileResult {
  upload: SparkV3Response<UploadData, ExecuteMeta>;
  compilation: CompilationProgress;
}


/** valibot schema of {@link CompileParams}. */
export const CompileParamsSchema = v.object({
  ...jobOptionsEntries,
  folder: nonEmptyString,
  service: nonEmptyString,
  // A check at call time, not v.instance(ReadableStream): reading that global at import costs Node ~2 ms.
  file: v.custom<ServiceFile>(isUploadFile, `must be ${UPLOAD_EXPECTED}`),
  fileName: v.optional(nonEmptyString),
  versioning: v.optional(v.picklist(['major', 'minor', 'patch'])),
  startDate: v.optional(dateInputSchema),
  endDate: v.optional(dateInputSchema),
  extras: v.optional(v.record(v.string(), v.unknown())),
});

/**
 * Uploads a workbook and waits for Spark to compile it (steps 1–2 of {@link createService});
 * the result is not published yet. A failed compilation is reported as such.
 *
 * @param core - a client from `createClient()`
 * @param params - folder, service, file, version details and the polling options
 * @returns the upload answer (file and engine document ids) and the final compilation status
 * @example
 * const { upload } = await compileService(spark, { folder: 'my-folder', service: 'pricing', file: await readFile('pricing.xlsx') });
 */
export async function compileService(core: SparkCore, params: CompileParams): Promise<CompileResult> {
  requireCore(core, 'services.compile');
  return compileWith(core, 'services.compile', params);
}

/**
 * {@link compileService} under another operation id, with effective dates fixed by the caller.
 *
 * @example
 * const compiled = await compileWith(core, 'services.create', params, { start, end });
 */
export async function compileWith(
  core: SparkCore,
  operation: string,
  params: CompileParams,
  fixed?: { start: string; end: string },
): Promise<CompileResult> {
  const options = parseParams(CompileParamsSchema, params, operation) as CompileParams;
  const { upload, jobId } = await uploadWorkbook(core, operation, options, fixed ?? effectiveDates(options.startDate, options.endDate, operation));
  const target = { folder: options.folder, service: options.service };
  const compilation = await waitForCompilation(core, operation, target, jobId, options);
  return { upload, compilation };
}

/**
 * `POST …/upload` of a validated workbook (step 1 of a compilation); returns the upload
 * envelope and its compilation job id.
 */
export async function uploadWorkbook(
  core: SparkCore, operation: string, options: CompileParams, dates: { start: string; end: string },
): Promise<{ upload: CompileResult['upload']; jobId: string }> {
  const fileName = options.fileName ?? uploadFileName(options.file) ?? `${options.service}.xlsx`;
  const form = new FormData();
  const entity = { request_data: { effective_start_date: dates.start, effective_end_date: dates.end, version_difference: options.versioning ?? 'minor', ...options.extras } };
  form.append('engineUploadRequestEntity', JSON.stringify(entity));
  form.append('serviceFile', await toBlob(options.file, fileName, operation), fileName);
  const response = await core.request<CompileResult['upload']>({
    operation,
    method: 'POST',
    path: `api/v3/folders/${pathSegment(options.folder, 'folder')}/services/${pathSegment(options.service, 'service')}/upload`,
    body: form,
    ...pickCallOptions(options, 'job'),
  });
  const upload = checkEnvelope(operation, 'POST', response);
  return { upload, jobId: requireJobId(operation, 'POST', response, upload?.response_data?.nodegen_compilation_jobid) };
}
