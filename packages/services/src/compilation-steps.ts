import * as v from 'valibot';
import { parseParams, requireCore, requireFolderService, type CallOptions, type ServiceUriInput, type SparkCore } from '@spark/core';
import { callOptionsEntries, nonEmptyString } from '@spark/core/wire';
import { fetchCompilationStatus, type CompilationProgress } from './compilation.js';
import { CompileParamsSchema, uploadWorkbook, type CompileParams, type CompileResult } from './compile-service.js';
import { effectiveDates } from './dates.js';

const INITIATE = 'services.compilation.initiate';
const STATUS = 'services.compilation.getStatus';
const StatusSchema = v.object({ jobId: nonEmptyString, ...callOptionsEntries });

/** Parameters of {@link initiateCompilation}: those of `compileService` without the waiting. */
export type InitiateCompilationParams = Omit<CompileParams, 'pollInterval' | 'onProgress'>;

/** A started compilation: the upload envelope and the job id to pass to {@link getCompilationStatus}. */
export interface CompilationJob {
  readonly jobId: string;
  readonly upload: CompileResult['upload'];
}

/**
 * Uploads a workbook and starts its compilation without waiting (step 1 of `compileService`).
 *
 * Wire: `POST {full}/api/v3/folders/{f}/services/{s}/upload` (multipart).
 *
 * @example
 * const { jobId } = await initiateCompilation(spark, { folder: 'f', service: 's', file: './pricing.xlsx' });
 * const status = await getCompilationStatus(spark, 'f/s', { jobId });
 */
export async function initiateCompilation(core: SparkCore, params: InitiateCompilationParams): Promise<CompilationJob> {
  requireCore(core, INITIATE);
  const options = parseParams(CompileParamsSchema, params, INITIATE) as CompileParams;
  return uploadWorkbook(core, INITIATE, options, effectiveDates(options.startDate, options.endDate, INITIATE));
}

/**
 * One status check of a compilation job (step 2 of `compileService`): Spark's answer as it is,
 * `response_data.progress` (0–100) and `status` (`Success` when done; a failure keeps its
 * `last_error_message`).
 *
 * Wire: `GET {full}/api/v3/folders/{f}/services/{s}/getcompilationprogess/{jobId}` (sic).
 *
 * @example
 * const { response_data } = await getCompilationStatus(spark, 'f/s', { jobId });
 * if (response_data.progress === 100) console.log(response_data.status);
 */
export async function getCompilationStatus(core: SparkCore, uri: ServiceUriInput, params: { jobId: string } & CallOptions): Promise<CompilationProgress> {
  requireCore(core, STATUS);
  const options = parseParams(StatusSchema, params, STATUS);
  const { folder, service } = requireFolderService(uri, STATUS);
  return (await fetchCompilationStatus(core, STATUS, { folder, service }, options.jobId, options)).data;
}
