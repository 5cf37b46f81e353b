import * as v from 'valibot';
import { parseParams, SparkSdkError, type SparkCore, requireCore } from '@spark/core';
import { CompileParamsSchema, compileWith, type CompileParams, type CompileResult } from './compile-service.js';
import { effectiveDates } from './dates.js';
import { publishWith, PublishDetailsEntries, type PublishDetails, type PublishResult } from './publish-service.js';

const OPERATION = 'services.create';

/** Parameters of {@link createService}. */
export interface CreateServiceParams extends CompileParams, Omit<PublishDetails, 'versioning' | 'startDate' | 'endDate' | 'extras'> {}

/** What {@link createService} returns: the body of each step. */
export interface CreateServiceResult extends CompileResult {
  publication: PublishResult;
}

const ParamsSchema = v.object({ ...PublishDetailsEntries, ...CompileParamsSchema.entries });

/**
 * Creates (or adds a version to) a service from an Excel workbook: upload, wait for the
 * compilation, publish. A failed compilation is reported as a failure, not a timeout; nothing
 * is published then.
 *
 * @param core - a client from `createClient()`
 * @param params - folder, service, file, version details and the polling options
 * @returns `{ upload, compilation, publication }`: Spark's answer at each step
 * @example
 * const { publication } = await createService(spark, {
 *   folder: 'my-folder', service: 'pricing', file: await readFile('pricing.xlsx'), releaseNotes: 'first version',
 * });
 * console.log(publication.response_data.version_id);
 */
export async function createService(core: SparkCore, params: CreateServiceParams): Promise<CreateServiceResult> {
  requireCore(core, OPERATION);
  const options = parseParams(ParamsSchema, params, OPERATION) as CreateServiceParams;
  // The same effective period for the upload and the publication (PY computes it twice).
  const dates = effectiveDates(options.startDate, options.endDate, OPERATION);
  // Each step validates its own options again: hand it only the keys it takes.
  const { draftName, trackUser, label, releaseNotes, tags, ...compile } = options;
  const compiled = await compileWith(core, OPERATION, compile, dates);
  const data = compiled.upload.response_data;
  if (!data?.original_file_documentid || !data.engine_file_documentid) {
    throw new SparkSdkError(`${OPERATION}: the upload answer lacks original_file_documentid / engine_file_documentid`, { cause: compiled.upload });
  }
  const { pollInterval, onProgress, file, fileName, ...publish } = options;
  const publication = await publishWith(core, OPERATION, {
    ...publish, fileId: data.original_file_documentid, engineId: data.engine_file_documentid, timeout: undefined,
  }, dates);
  return { ...compiled, publication };
}
