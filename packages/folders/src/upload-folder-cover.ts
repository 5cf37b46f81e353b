import * as v from 'valibot';
import { parseParams, toUploadBlob, uploadFileName, type SparkCore, type CallOptions, requireCore } from '@spark/core';
import { unwrapEnvelope } from './envelope.js';
import { CoverSchema } from './schemas.js';
import type { FolderCover } from './types.js';
import { callOptionsEntries, nonEmptyString, pickCallOptions } from '@spark/core/wire';

const OPERATION = 'folders.uploadCover';
const Schema = v.object({ id: nonEmptyString, ...CoverSchema.entries, ...callOptionsEntries });

/** Parameters of {@link uploadFolderCover}. */
export interface UploadFolderCoverParams extends FolderCover, CallOptions {}

/**
 * Uploads (or replaces) the cover image of a folder.
 *
 * Wire: `POST {origin}/api/v1/product/uploadcoverimage`, multipart with a text part `id` and a
 * file part `coverImage`. The lower-case path is the newer Python SDK's spelling (TS 0.4 used
 * `UploadCoverImage`; Spark matches paths case-insensitively).
 *
 * @param core - a client from `createClient()`
 * @param id - the folder id (not its name)
 * @param params - `image` (bytes, `Blob`/`File`, a stream, a Node `Readable` or a file path) and an optional `fileName`
 * @returns nothing; rejects with a `SparkApiError` when Spark refuses the image
 *
 * @example
 * await uploadFolderCover(spark, folder.id, { image: await readFile('cover.png'), fileName: 'cover.png' });
 */
export async function uploadFolderCover(core: SparkCore, id: string, params: UploadFolderCoverParams): Promise<void> {
  requireCore(core, OPERATION);
  const options = parseParams(Schema, { ...params, id }, OPERATION);
  const form = new FormData();
  form.append('id', options.id);
  await appendImage(form, 'coverImage', options, OPERATION);
  const response = await core.request({
    operation: OPERATION,
    method: 'POST',
    path: 'api/v1/product/uploadcoverimage',
    body: form,
    // Uploading the same image twice leaves the same state.
    idempotent: true,
    ...pickCallOptions(options),
  });
  unwrapEnvelope(response, OPERATION, 'POST');
}

/** Appends an image as a file part (`File` and path names win over the default `file`). */
async function appendImage(form: FormData, part: string, cover: FolderCover, operation: string): Promise<void> {
  const blob = await toUploadBlob(cover.image, { operation, field: 'image' });
  form.append(part, blob, cover.fileName ?? uploadFileName(cover.image) ?? 'file');
}
