import * as v from 'valibot';
import { parseParams, type SparkCore, type SparkDownload, requireCore } from '@spark/core';
import { CallOptionsEntries } from './call-options.js';
import type { HybridUploadResult } from './types.js';

const OPERATION = 'hybrid.services.upload';

/** A WASM package: raw bytes, a Blob/File, a stream, or a download (e.g. from `downloadWasm`). */
export type HybridPackage = Blob | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array> | SparkDownload;

/** Options of {@link uploadHybridService}. */
export interface UploadHybridServiceOptions {
  /** File name of the multipart part (default `package.zip`). */
  fileName?: string;
  signal?: AbortSignal;
  /** Per-request timeout in ms. */
  timeout?: number;
}

const isPackage = (value: unknown): boolean =>
  value instanceof Blob || value instanceof Uint8Array || value instanceof ArrayBuffer || value instanceof ReadableStream ||
  (typeof value === 'object' && value !== null && typeof (value as { bytes?: unknown }).bytes === 'function');

const Schema = v.object({
  file: v.custom<HybridPackage>(isPackage, 'must be a Blob, Uint8Array, ArrayBuffer, ReadableStream or SparkDownload (the WASM zip)'),
  fileName: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1, 'must be a non-empty file name'))),
  ...CallOptionsEntries,
});

async function toBlob(file: HybridPackage): Promise<Blob> {
  let part: BlobPart;
  if (file instanceof Blob || file instanceof Uint8Array || file instanceof ArrayBuffer) part = file as BlobPart;
  else if (file instanceof ReadableStream) part = await new Response(file).arrayBuffer();
  else part = (await file.bytes()) as BlobPart;
  return new Blob([part], { type: 'application/zip' });
}

/**
 * Uploads a WASM package to the runner: `POST {runner}/api/v3/upload`, multipart part
 * `file` (`application/zip`). The route has no tenant in its path; the runner reads the
 * tenant from the package.
 *
 * @param core - a client from `createHybridClient()`
 * @param file - the WASM package zip (from `downloadWasm`, an `onpremises` export, or disk)
 * @param options - `fileName` (default `package.zip`), `signal`, `timeout`
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
  form.append('file', await toBlob(params.file), params.fileName ?? 'package.zip');
  const response = await core.request<HybridUploadResult>({
    operation: OPERATION,
    method: 'POST',
    url: `${core.config.baseUrl.origin}/api/v3/upload`,
    body: form,
    signal: params.signal,
    timeout: params.timeout,
  });
  return response.data;
}
