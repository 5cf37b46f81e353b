import * as v from 'valibot';
import { parseParams, parseServiceUri, servicePath, type ServiceUriInput, type SparkCore, type CallOptions, type SparkV3Response, requireCore } from '@spark/core';
import { v3Meta } from './execute-body.js';
import { ExecuteMetaSchema, type ExecuteMetaParams } from './execute-params.js';
import type { ExecuteMeta } from './execute-types.js';
import { normaliseInputs } from './normalise-inputs.js';
import { callOptionsEntries, pickCallOptions } from '@spark/core/wire';

const OPERATION = 'services.validate';

/** Parameters of {@link validateService}. */
export interface ValidateParams<I extends object = Record<string, unknown>> extends ExecuteMetaParams, CallOptions {
  /** One record (or its JSON string); nothing means the workbook's default inputs. */
  inputs?: I | string | null;
  /** `static` (default, sent as `default_values`) or `dynamic` (rules that depend on other inputs). */
  validationType?: 'static' | 'dynamic';
}

/** How Spark constrains one input (`response_data.outputs[name]`). */
export interface ValidationEntry {
  validation_allow?: string;
  validation_type?: 'static' | 'dynamic' | 'none' | string;
  dependent_inputs?: string[] | null;
  min?: number | null;
  max?: number | null;
  options?: unknown[] | null;
  ignore_blank?: boolean;
  [key: string]: unknown;
}

/** What {@link validateService} returns: Spark's v3 envelope, as is. */
export type ValidateResult = SparkV3Response<
  { outputs: Record<string, ValidationEntry>; warnings: unknown; errors: unknown; service_chain: unknown; [key: string]: unknown },
  ExecuteMeta
>;

const ValidateParamsSchema = v.object({
  ...ExecuteMetaSchema.entries,
  ...callOptionsEntries,
  inputs: v.optional(v.unknown()), // checked by normaliseInputs
  validationType: v.optional(v.picklist(['static', 'dynamic'])),
});

/**
 * Asks Spark which values each input accepts (static rules, or dynamic rules that depend on
 * the given inputs).
 *
 * @param core - a client from `createClient()`
 * @param uri - `folder/service[version]`, `service/{id}`, `version/{id}`, `proxy/{path}` or a locator object (`public: true` for the public API)
 * @param params - inputs, validation type and execution metadata
 * @returns Spark's envelope; `response_data.outputs` maps input names to their rules
 * @example
 * const { response_data } = await validateService(spark, 'my-folder/volume-cylinder', { validationType: 'dynamic' });
 * console.log(response_data.outputs.radius.min);
 */
export async function validateService<I extends object = Record<string, unknown>>(
  core: SparkCore,
  uri: ServiceUriInput,
  params: ValidateParams<I> = {},
): Promise<ValidateResult> {
  requireCore(core, OPERATION);
  const locator = parseServiceUri(uri);
  const options = parseParams(ValidateParamsSchema, params, OPERATION) as ValidateParams;
  const inputs = normaliseInputs(options.inputs, OPERATION, true);
  const response = await core.request<ValidateResult>({
    operation: OPERATION,
    method: 'POST',
    path: servicePath(locator, { endpoint: 'validation' }),
    json: {
      request_data: { inputs },
      // §9: PY 0.3 always sends validation_type (TS only when asked); we follow PY.
      request_meta: { ...v3Meta(locator, options, OPERATION), validation_type: options.validationType === 'dynamic' ? 'dynamic' : 'default_values' },
    },
    ...pickCallOptions(options),
  });
  return response.data;
}
