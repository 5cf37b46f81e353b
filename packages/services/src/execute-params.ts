import * as v from 'valibot';
import type { CallOptions, SparkDateInput } from '@spark/core';
import { callOptionsEntries, dateInputSchema } from '@spark/core/wire';

// The schemas are built in pure calls: a bundle that imports only one of the operations sharing
// this module (validateService, transformService) drops the other schemas (esbuild and terser do
// not read valibot's own no-side-effects marks across modules).

const list = /* @__PURE__ */ v.union([/* @__PURE__ */ v.string(), /* @__PURE__ */ v.array(/* @__PURE__ */ v.string())]);

/** Metadata shared by execute, transform and validate. */
export const ExecuteMetaSchema = /* @__PURE__ */ (() => v.object({
  callPurpose: v.optional(v.string()),
  activeSince: v.optional(dateInputSchema),
  sourceSystem: v.optional(v.string()),
  correlationId: v.optional(v.string()),
  subservices: v.optional(list),
  selectedOutputs: v.optional(list),
  tablesAsArray: v.optional(list),
  outputsFilter: v.optional(v.string()),
  compilerType: v.optional(v.picklist(['Neuron', 'Type3', 'Type2', 'Type1', 'Xconnector', 'neuron', 'type3', 'type2', 'type1', 'xconnector'])),
  debugSolve: v.optional(v.boolean()),
  echoInputs: v.optional(v.boolean()),
  downloadable: v.optional(v.boolean()),
  extras: v.optional(v.record(v.string(), v.unknown())),
}))();

/** Parameters of {@link executeService}, validated before anything is sent. */
export const ExecuteParamsSchema = /* @__PURE__ */ (() => v.object({
  ...ExecuteMetaSchema.entries,
  // Checked by normaliseInputs: valibot's record() accepts arrays, and copying thousands of
  // records on every call would be wasted work.
  inputs: v.optional(v.unknown()),
  responseFormat: v.optional(v.picklist(['alike', 'original'])),
  compress: v.optional(v.boolean()),
  validate: v.optional(v.boolean()),
  ...callOptionsEntries,
}))();

/** Execution metadata (`request_meta` in v3, top-level keys in v4). */
export interface ExecuteMetaParams {
  /** Default `Single Execution` (v3) / `Sync Batch Execution` (v4). */
  callPurpose?: string;
  /** Run the version that was active at this time (ISO string, epoch ms or Date). */
  activeSince?: SparkDateInput;
  /** Default `Spark TypeScript SDK`. */
  sourceSystem?: string;
  correlationId?: string;
  subservices?: string | readonly string[];
  selectedOutputs?: string | readonly string[];
  tablesAsArray?: string | readonly string[];
  /** Regular expression selecting outputs (v3). */
  outputsFilter?: string;
  compilerType?: 'Neuron' | 'Type3' | 'Type2' | 'Type1' | 'Xconnector';
  debugSolve?: boolean;
  /** Include the inputs in the response (v3 `response_data_inputs`). */
  echoInputs?: boolean;
  /** Also produce the Excel file (v3 `excel_file`). */
  downloadable?: boolean;
  /** Extra wire keys merged last (they can override anything). */
  extras?: Record<string, unknown>;
}

/** Parameters of {@link executeService}. */
export interface ExecuteParams<I extends object = Record<string, unknown>> extends ExecuteMetaParams, CallOptions {
  /**
   * One record (object → v3), many records (array → v4), a JSON string of either, or
   * nothing (the workbook's default inputs).
   */
  inputs?: I | I[] | string | null;
  /** `alike` (default): one result shape for v3 and v4; `original`: Spark's response as is. */
  responseFormat?: 'alike' | 'original';
  /** Gzip a large v4 request body (default `true`; small bodies are never compressed). */
  compress?: boolean;
  /**
   * Check the inputs against the service descriptor's `inputSchema` before sending (default:
   * the descriptor's own `validate`). Needs a descriptor generated with its schema.
   */
  validate?: boolean;
}

/** Parameters of {@link executeService} for a typed `ServiceDescriptor`: inputs are checked by the compiler. */
export type TypedExecuteParams<I extends object> = Omit<ExecuteParams<I>, 'inputs'> & {
  /** One record (v3) or many (v4), of the service's own `Inputs` type; nothing means the workbook's defaults. */
  inputs?: I | readonly I[] | null;
};
