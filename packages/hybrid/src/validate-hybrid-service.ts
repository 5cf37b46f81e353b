import * as v from 'valibot';
import { parseParams, type ServiceUriInput, type SparkCore, type SparkV3Response, type CallOptions, requireCore } from '@spark/core';
import { plainObject } from './call-options.js';
import { locatorMeta } from './hybrid-meta.js';
import { callOptionsEntries, pickCallOptions } from '@spark/core/wire';

const OPERATION = 'hybrid.services.validate';

const Schema = v.object({
  inputs: v.optional(v.nullable(plainObject)),
  validationType: v.optional(v.picklist(['static', 'dynamic'])),
  metadata: v.optional(plainObject),
  ...callOptionsEntries,
});

/** Parameters of {@link validateHybridService}. */
export interface ValidateHybridServiceParams extends CallOptions {
  /** Inputs to validate against (sent as given; `null` when absent). */
  inputs?: Record<string, unknown> | null;
  /** `default_values` (default, as the Python SDK always sends) or `dynamic`. */
  /** `static` (sent as Spark's `default_values`) or `dynamic`, as in `@spark/services`. */
  validationType?: 'static' | 'dynamic';
  /** Extra `request_meta` keys. */
  metadata?: Record<string, unknown>;
}

/**
 * Reads a service's validation rules from the runner: `POST {runner}/{tenant}/api/v3/validation`
 * with the locator in the body's `request_meta` (not in the path, unlike the SaaS API).
 *
 * @param core - a client from `createHybridClient()`
 * @param uri - `version/{id}` or `service/{id}` (a `folder/service[version]` is accepted, but only the version travels)
 * @param params - `inputs`, `validationType`, `metadata`, `signal`, `timeout`, `maxResponseBytes`
 * @returns the v3 envelope: `response_data.outputs` holds the validations
 *
 * @example
 * const { response_data } = await validateHybridService(runner, `version/${versionId}`, { validationType: 'dynamic', inputs: { radius: 2 } });
 */
export async function validateHybridService(core: SparkCore, uri: ServiceUriInput, params: ValidateHybridServiceParams = {}): Promise<SparkV3Response> {
  requireCore(core, OPERATION);
  const options = parseParams(Schema, params, OPERATION);
  // PY 0.3 sends `version` and always a validation_type; TS 0.4 omits both. We follow PY (the newer SDK).
  const meta = { ...options.metadata, ...locatorMeta(uri, OPERATION, true), validation_type: options.validationType === 'dynamic' ? 'dynamic' : 'default_values' };
  const response = await core.request<SparkV3Response>({
    operation: OPERATION,
    method: 'POST',
    path: 'api/v3/validation',
    idempotent: true, // a read: safe to repeat after a 502/504 or a dropped connection
    json: { request_data: { inputs: options.inputs ?? null }, request_meta: meta },
    ...pickCallOptions(options),
  });
  return response.data;
}
