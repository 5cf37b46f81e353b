import * as v from 'valibot';
import { parseParams, pathSegment, SparkSdkError, type SparkCore, type CallOptions, type SparkDateInput, toUploadBlob, uploadFileName, requireCore } from '@spark/core';
import { addYears } from './dates.js';
import { envelopeError, unwrapEnvelope } from './envelope.js';
import { CoverSchema, rejectUnknownKeys } from './schemas.js';
import type { FolderCover, FolderDetails } from './types.js';
import { uploadFolderCover } from './upload-folder-cover.js';
import { callOptionsEntries, dateInputSchema, nonEmptyString, toIsoDate, pickCallOptions } from '@spark/core/wire';

const OPERATION = 'folders.create';
const DEFAULT_DESCRIPTION = 'Created by Spark TypeScript SDK';

const Schema = v.object({
  name: nonEmptyString,
  description: v.optional(v.string()),
  category: v.optional(nonEmptyString),
  startDate: v.optional(dateInputSchema),
  launchDate: v.optional(dateInputSchema),
  status: v.optional(nonEmptyString),
  cover: v.optional(CoverSchema),
  ...callOptionsEntries,
});

/** Parameters of {@link createFolder}. */
export interface CreateFolderParams extends CallOptions {
  name: string;
  /** Default `Created by Spark TypeScript SDK`. */
  description?: string;
  /** Default `Other` (see `listCategories`). */
  category?: string;
  /** Default now. Sent as ISO 8601 UTC. */
  startDate?: SparkDateInput;
  /** Default `startDate` + 10 years; must be after `startDate`. */
  launchDate?: SparkDateInput;
  /** Default `Design`. */
  status?: string;
  /** Uploaded right after the folder is created. */
  cover?: FolderCover;
}

interface Created {
  folderId?: string;
  get_product_url?: string;
}

/**
 * Creates a folder, uploads its cover (if given), then returns the folder as Spark stores it.
 *
 * Wire (Postman collection): `POST {origin}/api/v1/product/create` as multipart with `Name`,
 * `Description`, `Category`, `StartDate`, `LaunchDate`, `Status`; then the cover upload; then
 * `GET` of the absolute `get_product_url` Spark returned. Spark answers a taken name with
 * HTTP 200 and `errorCode: PRODUCT_ALREADY_EXISTS`: that rejects with a `SparkConflictError`.
 *
 * @param core - a client from `createClient()` (folder APIs need a bearer token or OAuth, not an API key)
 * @param params - a name, or the folder fields
 * @returns the created folder with its details
 *
 * @example
 * const folder = await createFolder(spark, { name: 'pricing', category: 'Term', description: 'Q3 pricing' });
 * console.log(folder.id, folder.launchDate);
 */
export async function createFolder(core: SparkCore, params: string | CreateFolderParams): Promise<FolderDetails> {
  requireCore(core, OPERATION);
  const input = typeof params === 'string' ? { name: params } : params;
  rejectUnknownKeys(input, Object.keys(Schema.entries), OPERATION);
  const options = parseParams(Schema, input, OPERATION);
  const startDate = toIsoDate(options.startDate ?? new Date(), 'startDate', OPERATION);
  const launchDate = options.launchDate === undefined ? addYears(startDate, 10) : toIsoDate(options.launchDate, 'launchDate', OPERATION);
  if (launchDate <= startDate) {
    throw new SparkSdkError(`${OPERATION}: "launchDate" (${launchDate}) must be after "startDate" (${startDate})`, { cause: options.launchDate });
  }
  const callOptions = pickCallOptions(options);
  // The cover is read before the folder is created, so an unreadable one creates nothing.
  const cover = options.cover && {
    image: await toUploadBlob(options.cover.image, { operation: OPERATION, field: 'cover.image' }),
    fileName: options.cover.fileName ?? uploadFileName(options.cover.image),
  };

  const form = new FormData();
  form.append('Name', options.name);
  form.append('Description', options.description ?? DEFAULT_DESCRIPTION);
  form.append('Category', options.category ?? 'Other');
  form.append('StartDate', startDate);
  form.append('LaunchDate', launchDate);
  form.append('Status', options.status ?? 'Design');
  const response = await core.request({ operation: OPERATION, method: 'POST', path: 'api/v1/product/create', body: form, ...callOptions });

  const body = response.data as { errorCode?: unknown } | null;
  if (body && typeof body === 'object' && body.errorCode === 'PRODUCT_ALREADY_EXISTS') {
    throw envelopeError(response, OPERATION, 'POST', 409, `folder "${options.name}" already exists`);
  }
  const created = unwrapEnvelope<Created | null>(response, OPERATION, 'POST').data;
  if (!created?.folderId) throw envelopeError(response, OPERATION, 'POST', undefined, 'Spark returned no folderId');

  if (cover) await uploadFolderCover(core, created.folderId, { ...cover, ...callOptions });

  // The details URL is absolute and handed out by Spark; fall back to the Postman route by name.
  const url = created.get_product_url;
  const details = await core.request({
    operation: OPERATION,
    method: 'GET',
    ...(url && /^https?:\/\//i.test(url)
      ? { url }
      : url
        ? { url: new URL(url, core.config.baseUrl.origin).toString() }
        : { path: `api/v1/product/GetProduct/${pathSegment(options.name, 'name')}` }),
    ...callOptions,
  });
  const folder = unwrapEnvelope<FolderDetails | null>(details, OPERATION, 'GET').data;
  if (!folder || typeof folder !== 'object') throw envelopeError(details, OPERATION, 'GET', undefined, 'Spark returned no folder details');
  return folder;
}
