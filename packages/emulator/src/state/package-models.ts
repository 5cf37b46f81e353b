import type { JsonObject, ModelInput } from '../types.js';
import type { RunnableModel } from './model-types.js';
import type { PackageVersion } from '../wasm/package.js';
import type { WasmHost } from '../wasm/wasm-host.js';
import { asObject, uuid } from '../util/ids.js';
import { parseJsonBytes } from '../util/zip.js';
import { jsModel, JS_COMPILER_VERSION } from './js-model.js';
import { BUILTIN_BY_NAME } from './builtins.js';
import { workbookModel } from './workbook-model.js';

function declaredInputs(v: PackageVersion): ModelInput[] {
  const table = Array.isArray(v.modelMeta?.['XInputTable']) ? (v.modelMeta['XInputTable'] as JsonObject[]) : [];
  const dv = asObject(v.defaultValidations?.['outputs']);
  const names = table.length > 0 ? table.map((r) => String(r['Input Name'])) : Object.keys(dv);
  return names.map((name) => {
    const row = table.find((r) => r['Input Name'] === name);
    const input: ModelInput = { name };
    const description = row?.['Description'];
    if (typeof description === 'string') input.description = description;
    const def = asObject(dv[name])['default_value'];
    if (def !== undefined && def !== null) input.defaultValue = def;
    return input;
  });
}

function declaredOutputs(v: PackageVersion): string[] {
  const table = Array.isArray(v.modelMeta?.['XOutputTable']) ? (v.modelMeta['XOutputTable'] as JsonObject[]) : [];
  return table.map((r) => String(r['Output Name']));
}

function compilerVersion(v: PackageVersion): string {
  const fromMeta = asObject(v.modelMeta?.['EngineInformation'])['CompilerVersion'];
  if (typeof fromMeta === 'string') return fromMeta.replace(/^Neuron_v/i, '');
  const logName = Object.keys(v.files).find((n) => n.endsWith('_CompilerLog.json'));
  const log = asObject(parseJsonBytes(logName ? v.files[logName] : undefined));
  return typeof log['CompilerVersion'] === 'string' ? log['CompilerVersion'] : JS_COMPILER_VERSION;
}

/**
 * Turns a package version into a runnable model: a real WASM model (run by the
 * wasm-runner), or, for emulator-generated packages, the JS model it references (a user's
 * model exported from this emulator, found by `findModel`), the built-in it names, or the
 * workbook echo/sum model.
 */
export async function modelFromPackage(v: PackageVersion, host: WasmHost, findModel?: (ref: string) => RunnableModel | undefined): Promise<RunnableModel> {
  const inputs = declaredInputs(v);
  const outputs = declaredOutputs(v);
  const packageMeta: JsonObject = {};
  if (v.modelMeta) packageMeta['modelMeta'] = v.modelMeta;
  if (v.defaultValidations) packageMeta['defaultValidations'] = v.defaultValidations;
  if (Object.keys(v.files).some((n) => n.endsWith('.wasm'))) {
    const runnerId = uuid();
    await host.load(runnerId, v.zip);
    return {
      kind: 'wasm',
      inputs,
      outputs,
      metadata: {},
      compilerVersion: compilerVersion(v),
      wasmPackage: v.zip,
      packageMeta,
      run: (i, meta) => host.execute(runnerId, i, { call_purpose: asObject(meta.requestMeta)['call_purpose'] ?? 'Spark Emulator' }),
      dispose: () => host.unload(runnerId),
    };
  }
  const desc = asObject(parseJsonBytes(v.files['emulator-model.json']));
  const ref = typeof desc['model_ref'] === 'string' ? findModel?.(desc['model_ref']) : undefined;
  if (ref?.kind === 'js') return { ...ref, packageMeta };
  const builtin = typeof desc['builtin'] === 'string' ? desc['builtin'] : undefined;
  const def = builtin ? BUILTIN_BY_NAME[builtin] : undefined;
  const model = def ? jsModel(def, builtin) : workbookModel(String(desc['fileName'] ?? 'workbook.xlsx'));
  model.packageMeta = packageMeta;
  return model;
}
