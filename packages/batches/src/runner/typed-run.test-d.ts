import { expectTypeOf } from 'vitest';
import { createClient, defineService, type SparkCore } from '@spark/core';
import { batches } from '../plugin.js';
import { runBatch } from './run-batch.js';
import { runBatchSync } from './run-batch-sync.js';

interface Inputs { radius: number; height: number }
interface Outputs { volume: number }
const volumeCylinder = defineService<Inputs, Outputs>('my-folder/volume-cylinder');

// Type-level checks only: compiled by `tsc -p tsconfig.json`, never run.
export async function typedRunChecks(core: SparkCore): Promise<void> {
  for await (const r of runBatch(core, volumeCylinder, [{ radius: 1, height: 2 }])) {
    if (!r.error) expectTypeOf(r.outputs.volume).toBeNumber();
  }
  for await (const results of runBatchSync(core, volumeCylinder, [{ radius: 1, height: 2 }]).chunks()) {
    for (const r of results) if (!r.error) expectTypeOf(r.outputs.volume).toBeNumber();
  }
  // Rows (header row first) stay accepted: their columns are not typed.
  runBatch(core, volumeCylinder, [['radius', 'height'], [1, 2]]);
  // @ts-expect-error radius must be a number
  runBatch(core, volumeCylinder, [{ radius: '1', height: 2 }]);
  // @ts-expect-error height is missing
  runBatchSync(core, volumeCylinder, [{ radius: 1 }]);

  const spark = createClient({ baseUrl: 'https://excel.test.coherent.global/t', apiKey: 'k' }).use(batches);
  const run = spark.batches.run(volumeCylinder, [{ radius: 1, height: 2 }]);
  expectTypeOf((await run.summary).recordsOut).toBeNumber();
  // @ts-expect-error radius must be a number
  spark.batches.run(volumeCylinder, [{ radius: 'x', height: 2 }]);
}
