import type { JsonObject } from '../types.js';
import type { RunnableModel } from './model-types.js';
import { JS_COMPILER_VERSION } from './js-model.js';

/**
 * The model behind an uploaded workbook the emulator cannot compile: it returns
 * `sum` (the sum of every numeric or numeric-string input) and `echo` (the inputs as given).
 */
export function workbookModel(fileName: string): RunnableModel {
  return {
    kind: 'workbook',
    inputs: [],
    outputs: ['sum', 'echo'],
    metadata: {},
    description: `Uploaded workbook ${fileName} (emulated: sums numeric inputs, echoes inputs)`,
    compilerVersion: JS_COMPILER_VERSION,
    run(inputs: JsonObject) {
      let total = 0;
      for (const v of Object.values(inputs)) {
        const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
        if (Number.isFinite(n)) total += n;
      }
      return { outputs: { sum: total, echo: inputs }, warnings: null, errors: null };
    },
  };
}
