import * as v from 'valibot';
import { parseParams, pathSegment, type SparkCore, type CallOptions, type SparkDateInput, type SparkV3Response, requireCore } from '@spark/core';
import { effectiveDates } from './dates.js';
import { checkEnvelope } from './envelope.js';
import type { ExecuteMeta } from './execute-types.js';
import { dateInputSchema, callOptionsEntries, joinList, nonEmptyString, pickCallOptions } from '@spark/core/wire';

/** Version details shared by {@link publishService} and `createService`. */
export interface PublishDetails {
  /** Name of the published service (default: `service`). */
  draftName?: string;
  /** How the version number grows (default `minor`). */
  versioning?: 'major' | 'minor' | 'patch';
  /** Default: now. */
  startDate?: SparkDateInput;
  /** Default: ten years after the start. */
  endDate?: SparkDateInput;
  /** Track the users who execute this service (default `false`). */
  trackUser?: boolean;
  /** Version label. */
  label?: string;
  releaseNotes?: string;
  tags?: string | readonly string[];
  /** Extra `request_data` keys merged last. */
  extras?: Record<string, unknown>;
}

/** Parameters of {@link publishService}. */
export interface PublishParams extends PublishDetails, CallOptions {
  folder: string;
  service: string;
  /** `original_file_documentid` of the upload. */
  fileId: string;
  /** `engine_file_documentid` of the upload. */
  engineId: string;
}

/** What {@link publishService} returns: Spark's envelope with the new `version_id`. */
export type PublishResult = SparkV3Response<{ version_id: string; [key: string]: unknown }, ExecuteMeta>;


/** valibot entries of {@link PublishDetails}. */
export const PublishDetailsEntries = {
  draftName: v.optional(nonEmptyString),
  versioning: v.optional(v.picklist(['major', 'minor', 'patch'])),
  startDate: v.optional(dateInputSchema),
  endDate: v.optional(dateInputSchema),
  trackUser: v.optional(v.boolean()),
  label: v.optional(v.string()),
  releaseNotes: v.optional(v.string()),
  tags: v.optional(v.union([v.string(), v.array(v.string())])),
  extras: v.optional(v.record(v.string(), v.unknown())),
};

const ParamsSchema = v.object({
  ...PublishDetailsEntries,
  ...callOptionsEntries,
  folder: nonEmptyString,
  service: nonEmptyString,
  fileId: nonEmptyString,
  engineId: nonEmptyString,
});

/**
 * Publishes a compiled upload as a new service version (step 3 of `createService`).
 *
 * @param core - a client from `createClient()`
 * @param params - folder, service, the upload's document ids and the version details
 * @returns Spark's envelope; `response_data.version_id` is the new version
 * @example
 * const { upload } = await compileService(spark, { folder, service, file });
 * const published = await publishService(spark, {
 *   folder, service, fileId: upload.response_data.original_file_documentid, engineId: upload.response_data.engine_file_documentid,
 * });
 */
export async function publishService(core: SparkCore, params: PublishParams): Promise<PublishResult> {
  requireCore(core, 'services.publish');
  return publishWith(core, 'services.publish', params);
}

/**
 * {@link publishService} under another operation id, with effective dates fixed by the caller.
 *
 * @example
 * await publishWith(core, 'services.create', params, { start, end });
 */
export async function publishWith(core: SparkCore, operation: string, params: PublishParams, fixed?: { start: string; end: string }): Promise<PublishResult> {
  const options = parseParams(ParamsSchema, params, operation) as PublishParams;
  const dates = fixed ?? effectiveDates(options.startDate, options.endDate, operation);
  const response = await core.request<PublishResult>({
    operation,
    method: 'POST',
    path: `api/v3/folders/${pathSegment(options.folder, 'folder')}/services/${pathSegment(options.service, 'service')}/publish`,
    json: {
      request_data: {
        draft_service_name: options.draftName ?? options.service,
        effective_start_date: dates.start,
        effective_end_date: dates.end,
        original_file_documentid: options.fileId,
        engine_file_documentid: options.engineId,
        version_difference: options.versioning ?? 'minor',
        // §9/§13: PY 0.3 and the Postman collection spell it `should_trck_user_action` (TS 0.4:
        // `should_track_user_action` as a string); we follow PY, with PY's boolean value.
        should_trck_user_action: options.trackUser ?? false,
        version_label: options.label ?? null,
        release_note: options.releaseNotes ?? null,
        tags: joinList(options.tags) ?? null,
        ...options.extras,
      },
    },
    ...pickCallOptions(options),
  });
  return checkEnvelope(operation, 'POST', response);
}
