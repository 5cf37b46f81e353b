import * as v from 'valibot';
import {
  parseParams, pathSegment, requireFolderService, servicePath, SparkSdkError,
  type ServiceUriInput, type SparkCore, type SparkDownload, type CallOptions, requireCore,
} from '@spark/core';
import { callOptionsEntries, nonEmptyString, pickCallOptions, responseError } from '@spark/core/wire';

const OPERATION = 'logs.rehydrate';
const Schema = v.object({
  callId: nonEmptyString,
  index: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  legacy: v.optional(v.boolean()),
  ...callOptionsEntries,
});

/** Parameters of {@link rehydrateLog}. */
export interface RehydrateLogParams extends CallOptions {
  /** The call to rebuild the workbook for (required). */
  callId: string;
  /** For a v4 (many-record) call: which record (0-based; Spark defaults to the last). */
  index?: number;
  /** Use the legacy `download/{callId}` route. */
  legacy?: boolean;
}

/** What Spark answers a rehydration with: the `download_url` document (v3 envelope). */
export interface RehydrateDocument {
  status: unknown;
  response_data: { download_url: string; [key: string]: unknown };
  response_meta?: Record<string, unknown> | null;
  error?: unknown;
  [key: string]: unknown;
}

/** A rehydrated workbook: the file, plus the document that handed out its `download_url`. */
export type RehydratedLog = SparkDownload & {
  /** Spark's answer to the rehydrate call (`response_data.download_url`, `response_meta`, …). */
  readonly document: RehydrateDocument;
};

/**
 * Rebuilds the Excel workbook of a past execution, filled with that call's inputs.
 *
 * Wire: `POST {full}/api/v3/folders/{f}/services/{s}/download/xml/{callId}[?index=N]` with body
 * `{}` (PY 0.3.2: the API requires an empty object; the Postman collection agrees), then `GET`
 * of the returned `download_url`. `legacy: true` uses `POST …/download/{callId}` with body `{}`
 * instead (both official SDKs moved it from GET to POST as bug fixes: PY 0.2.1, TS 0.3.2).
 *
 * @param core - a client from `createClient()`
 * @param uri - the service: `folder/service` or `{ folder, service }`
 * @param params - `callId` (required), `index`, `legacy`
 * @returns the workbook as a download (`bytes()`, `stream`, `toFile(path)`) with Spark's answer in `document`
 *
 * @example
 * const workbook = await rehydrateLog(spark, 'my-folder/volume-cylinder', { callId });
 * await workbook.toFile('./rehydrated.xlsx');
 * console.log(workbook.document.response_data.download_url);
 */
export async function rehydrateLog(core: SparkCore, uri: ServiceUriInput, params: RehydrateLogParams): Promise<RehydratedLog> {
  requireCore(core, OPERATION);
  const given = (params as Partial<RehydrateLogParams> | undefined)?.callId;
  if (typeof given !== 'string' || !given.trim()) {
    throw new SparkSdkError(`${OPERATION}: "callId" is required when rehydrating`, { cause: given });
  }
  const options = parseParams(Schema, params, OPERATION);
  const { folder, service } = requireFolderService(uri, OPERATION);
  const callId = pathSegment(options.callId, 'callId');
  const callOptions = pickCallOptions(options);
  const response = await core.request<{ response_data?: { download_url?: unknown } } | null>({
    operation: OPERATION,
    method: 'POST',
    path: servicePath({ folder, service }, { endpoint: options.legacy ? `download/${callId}` : `download/xml/${callId}` }),
    json: {},
    query: { index: options.index },
    // Regenerating a workbook changes nothing on the server.
    idempotent: true,
    ...callOptions,
  });
  const url = response.data?.response_data?.download_url;
  if (typeof url !== 'string' || !url) {
    throw responseError(OPERATION, 'POST', response, `Spark produced no download URL for call ${options.callId}`);
  }
  const file = await core.download({ operation: OPERATION, method: 'GET', url, ...callOptions });
  return Object.assign(file, { document: response.data as RehydrateDocument });
}
