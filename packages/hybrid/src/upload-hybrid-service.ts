import * as v from 'valibot';
import { isUploadFile, parseParams, toUploadBlob, UPLOAD_EXPECTED, uploadFileName, type SparkCore, type SparkUploadFile, type CallOptions, requireCore } from '@spark/core';
import type { HybridUploadResult } from './types.js';
import { callOptionsEntries, pickCallOptions } from '@spark/core/wire';

const OPERATION = 'hybrid.services.upload';

/**
 * A WASM package: raw bytes, a Blob/File, a stream, a download (e.g. from `downloadWasm`), a
 * Node `Readable` or (Node) a file path.
 */
export type HybridPackage = SparkUploadFile;

/** Options of {@link uploadHybridService}. */
export interface UploadHybridServiceOptions extends CallOptions {
  /** File name of the multipart part (default: the file's own name, else `package.zip`). */
  fileName?: string;
}

const Schema = v.object({
  file: v.custom<HybridPackage>(isUploadFile, `must be ${UPLOAD_EXPECTED} (the WASM zip)`),
  fileName: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, 'must be a non-empty file name'))),
  ...callOptionsEntries,
});

/**
 * Uploads a WASM package to the runner: `POST {runner}/api/v3/upload`, multipart part
 * `file` (`application/zip`). The route has no tenant in its path; the runner reads the
 * tenant from the package.
 *
 * @param core - a client from `createHybridClient()`
 * @param file - the WASM package zip (from `downloadWasm`, an `onpremises` export, or disk)
 * @param options - `fileName` (default `package.zip`), `signal`, `timeout`, `maxResponseBytes`
 * @returns what the runner loaded: `{ response_data: [{ tenant, services: [{ VersionId, EngineInformation, … }] }] }`
 *
 * @example
 * const { response_data } = await uploadHybridService(runner, await readFile('./volume-cylinder.zip'));
 * const versionId = response_data[0].services[0].VersionId;
 */
export async function uploadHybridService(core: SparkCore, file: HybridPackage, options: UploadHybridServiceOptions = {}): Promise<HybridUploadResult> {
  requireCore(core, OPERATION);
  const params = parseParams(Schema, { ...options, file }, OPERATION);
  const form = new FormData();
  const blob = await toUploadBlob(params.file, { operation: OPERATION, type: 'application/zip' });
  form.append('file', blob.type === 'application/zip' ? blob : new Blob([blob], { type: 'application/zip' }), params.fileName ?? uploadFileName(params.file) ?? 'package.zip');
  const response = await core.request<HybridUploadResult>({
    operation: OPERATION,
    method: 'POST',
    url: `${core.config.baseUrl.origin}/api/v3/upload`,
    body: form,
    ...pickCallOptions(params),
  });
  return response.data;
}
