import * as v from 'valibot';
import { parseParams, type ServiceUriInput, type SparkCore, type SparkV3Response, type CallOptions, requireCore } from '@spark/core';
import { plainObject } from './call-options.js';
import { locatorMeta } from './hybrid-meta.js';
import { callOptionsEntries, pickCallOptions } from '@spark/core/wire';

const OPERATION = 'hybrid.services.getMetadata';

const Schema = v.object({
  inputs: v.optional(v.nullable(plainObject)),
  metadata: v.optional(plainObject),
  ...callOptionsEntries,
});

/** Parameters of {@link getHybridMetadata}. */
export interface GetHybridMetadataParams extends CallOptions {
  /** Inputs (sent as given; `null` when absent). */
  inputs?: Record<string, unknown> | null;
  /** Extra `request_meta` keys. */
  metadata?: Record<string, unknown>;
}

/**
 * Reads a service's metadata (Xcall/image outputs) from the runner:
 * `POST {runner}/{tenant}/api/v3/metadata` — a POST with the locator in `request_meta`,
 * unlike the SaaS API's GET.
 *
 * @param core - a client from `createHybridClient()`
 * @param uri - `version/{id}` or `service/{id}`
 * @param params - `inputs`, `metadata`, `signal`, `timeout`, `maxResponseBytes`
 * @returns the v3 envelope: `response_data.outputs` holds the metadata
 *
 * @example
 * const { response_data } = await getHybridMetadata(runner, `version/${versionId}`);
 */
export async function getHybridMetadata(core: SparkCore, uri: ServiceUriInput, params: GetHybridMetadataParams = {}): Promise<SparkV3Response> {
  requireCore(core, OPERATION);
  const options = parseParams(Schema, params, OPERATION);
  const meta = { ...options.metadata, ...locatorMeta(uri, OPERATION, false) };
  const response = await core.request<SparkV3Response>({
    operation: OPERATION,
    method: 'POST',
    path: 'api/v3/metadata',
    idempotent: true, // a read: safe to repeat after a 502/504 or a dropped connection
    json: { request_data: { inputs: options.inputs ?? null }, request_meta: meta },
    ...pickCallOptions(options),
  });
  return response.data;
}
