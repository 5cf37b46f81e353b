import type { JsonObject, ModelDefinition, ModelFn, ModelInput, ModelMeta } from '../types.js';
import type { ModelResult, RunnableModel } from './model-types.js';

/** Default `compiler_version` reported for JS models. */
export const JS_COMPILER_VERSION = '1.22.3';

/** Normalises declared inputs (`'name'` or `{ name, … }`). */
function normaliseInputs(inputs: (string | ModelInput)[] | undefined): ModelInput[] {
  return (inputs ?? []).map((i) => (typeof i === 'string' ? { name: i } : i));
}

/** Fills omitted inputs with declared defaults, collecting Spark-like warnings. */
function withDefaults(inputs: JsonObject, declared: ModelInput[]): { inputs: JsonObject; warnings: unknown[] | null } {
  let warnings: unknown[] | null = null;
  let merged = inputs;
  for (const d of declared) {
    if (d.defaultValue !== undefined && !(d.name in inputs)) {
      if (merged === inputs) merged = { ...inputs };
      merged[d.name] = d.defaultValue;
      (warnings ??= []).push({
        source_path: 'Default Values',
        message: `Input parameter missing for '${d.name}'. API request processed using the default values saved into the file.`,
      });
    }
  }
  return { inputs: merged, warnings };
}

/**
 * Wraps a JS model function or definition into a runnable model.
 * @param model - `(inputs, meta) => outputs` or a {@link ModelDefinition}
 * @param builtin - the built-in name, when it is one
 */
export function jsModel(model: ModelFn | ModelDefinition, builtin?: string): RunnableModel {
  const def: ModelDefinition = typeof model === 'function' ? { execute: model } : model;
  const declared = normaliseInputs(def.inputs);
  const fn = def.execute;
  const runnable: RunnableModel = {
    kind: 'js',
    inputs: declared,
    outputs: def.outputs ?? [],
    metadata: def.metadata ?? {},
    compilerVersion: def.compilerVersion ?? JS_COMPILER_VERSION,
    run(inputs: JsonObject, meta: ModelMeta): ModelResult | Promise<ModelResult> {
      const prepared = declared.length > 0 ? withDefaults(inputs, declared) : { inputs, warnings: null };
      const out = fn(prepared.inputs, meta);
      if (out instanceof Promise) return out.then((o) => ({ outputs: o, warnings: prepared.warnings, errors: null }));
      return { outputs: out, warnings: prepared.warnings, errors: null };
    },
  };
  if (def.proxy !== undefined) runnable.proxy = def.proxy;
  if (def.description !== undefined) runnable.description = def.description;
  if (builtin !== undefined) runnable.builtin = builtin;
  return runnable;
}
