import * as v from 'valibot';
import { parseParams, pathSegment, SparkSdkError, type SparkCore, type CallOptions, type SparkDateInput, requireCore } from '@spark/core';
import { unwrapEnvelope } from './envelope.js';
import { CoverSchema, rejectUnknownKeys } from './schemas.js';
import type { FolderCover } from './types.js';
import { uploadFolderCover } from './upload-folder-cover.js';
import { callOptionsEntries, dateInputSchema, nonEmptyString, toIsoDate, pickCallOptions } from '@spark/core/wire';

const OPERATION = 'folders.update';
const Schema = v.object({
  id: nonEmptyString,
  name: v.optional(nonEmptyString),
  description: v.optional(v.string()),
  category: v.optional(nonEmptyString),
  status: v.optional(nonEmptyString),
  startDate: v.optional(dateInputSchema),
  launchDate: v.optional(dateInputSchema),
  cover: v.optional(CoverSchema),
  ...callOptionsEntries,
});

/** Parameters of {@link updateFolder}: only the given fields change. */
export interface UpdateFolderParams extends CallOptions {
  /** Renames the folder (Postman collection field). */
  name?: string;
  description?: string;
  category?: string;
  /** E.g. `Design` (Postman collection field). */
  status?: string;
  startDate?: SparkDateInput;
  /** Must be after `startDate` when both are given. */
  launchDate?: SparkDateInput;
  /** Uploaded before the other fields are saved. */
  cover?: FolderCover;
}

/**
 * Updates a folder's fields and, optionally, its cover.
 *
 * Wire: the cover upload first (if any), then `POST {origin}/api/v1/product/update/{id}` with the
 * given fields (camelCase, dates as ISO 8601 UTC) and `shouldTrackUserAction: true`. `name` and
 * `status` come from the Postman collection; the official SDKs send the other four only.
 *
 * @param core - a client from `createClient()`
 * @param id - the folder id
 * @param params - the fields to change (at least one)
 * @returns nothing; rejects with a `SparkApiError` when Spark refuses
 *
 * @example
 * await updateFolder(spark, folder.id, { description: 'Q4 pricing', launchDate: '2030-01-01' });
 */
export async function updateFolder(core: SparkCore, id: string, params: UpdateFolderParams): Promise<void> {
  requireCore(core, OPERATION);
  rejectUnknownKeys(params, Object.keys(Schema.entries).filter((key) => key !== 'id'), OPERATION);
  const options = parseParams(Schema, { ...params, id }, OPERATION);
  const { id: folderId, cover, signal, timeout, maxResponseBytes, startDate, launchDate, ...fields } = options;
  const call = pickCallOptions({ signal, timeout, maxResponseBytes });
  const body: Record<string, unknown> = { ...fields };
  if (startDate !== undefined) body['startDate'] = toIsoDate(startDate, 'startDate', OPERATION);
  if (launchDate !== undefined) body['launchDate'] = toIsoDate(launchDate, 'launchDate', OPERATION);
  if (typeof body['startDate'] === 'string' && typeof body['launchDate'] === 'string' && body['launchDate'] <= body['startDate']) {
    throw new SparkSdkError(`${OPERATION}: "launchDate" must be after "startDate"`, { cause: { startDate, launchDate } });
  }
  if (Object.keys(body).length === 0 && !cover) {
    throw new SparkSdkError(`${OPERATION}: nothing to update; give at least one of name, description, category, status, startDate, launchDate, cover`);
  }
  if (cover) await uploadFolderCover(core, folderId, { ...cover, ...call });
  if (Object.keys(body).length === 0) return;
  const response = await core.request({
    operation: OPERATION,
    method: 'POST',
    path: `api/v1/product/update/${pathSegment(folderId, 'id')}`,
    json: { ...body, shouldTrackUserAction: true },
    // Setting the same fields twice leaves the same state.
    idempotent: true,
    ...call,
  });
  unwrapEnvelope(response, OPERATION, 'POST');
}
