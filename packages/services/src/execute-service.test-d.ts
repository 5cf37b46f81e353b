import { expectTypeOf } from 'vitest';
import { createClient, type SparkCore } from '@spark/core';
import { executeService } from './execute-service.js';
import type { ExecuteResult, ExecuteV3Original } from './execute-types.js';
import { services } from './plugin.js';

interface MyInputs { radius: number; height: number }
interface MyOutputs { volume: number }

// Type-level checks only: compiled by `tsc -p tsconfig.json`, never run.
export async function typeChecks(core: SparkCore): Promise<void> {
  const one = await executeService<MyInputs, MyOutputs>(core, 'f/s', { inputs: { radius: 1, height: 2 } });
  expectTypeOf(one).toEqualTypeOf<ExecuteResult<MyOutputs>>();
  expectTypeOf(one.outputs).toEqualTypeOf<MyOutputs[]>();
  expectTypeOf(one.outputs[0]!.volume).toBeNumber();

  const many = await executeService<MyInputs, MyOutputs>(core, 'f/s', { inputs: [{ radius: 1, height: 2 }, { radius: 3, height: 4 }] });
  expectTypeOf(many.outputs).toEqualTypeOf<MyOutputs[]>();

  const original = await executeService<MyInputs, MyOutputs>(core, 'f/s', { inputs: { radius: 1, height: 2 }, responseFormat: 'original' });
  expectTypeOf(original).toEqualTypeOf<ExecuteV3Original<MyOutputs> | Record<string, unknown>>();

  // A JSON string or nothing is always accepted.
  await executeService<MyInputs, MyOutputs>(core, 'f/s', { inputs: '{"radius":1,"height":2}' });
  await executeService<MyInputs, MyOutputs>(core, 'f/s');

  // Without type arguments, inputs and outputs are plain records.
  const loose = await executeService(core, { folder: 'f', service: 's', public: true }, { inputs: { anything: true } });
  expectTypeOf(loose.outputs).toEqualTypeOf<Record<string, unknown>[]>();

  // A format only known at run time gives the union.
  const format = Math.random() > 0.5 ? 'alike' : 'original';
  const either = await executeService<MyInputs, MyOutputs>(core, 'f/s', { inputs: { radius: 1, height: 2 }, responseFormat: format });
  expectTypeOf(either).toEqualTypeOf<ExecuteResult<MyOutputs> | ExecuteV3Original<MyOutputs> | Record<string, unknown>>();

  // @ts-expect-error radius must be a number
  await executeService<MyInputs, MyOutputs>(core, 'f/s', { inputs: { radius: 'x', height: 2 } });
  // @ts-expect-error height is missing
  await executeService<MyInputs, MyOutputs>(core, 'f/s', { inputs: [{ radius: 1 }] });
  // @ts-expect-error unknown response format
  await executeService(core, 'f/s', { responseFormat: 'typed' });
  // @ts-expect-error compiler types are a closed list
  await executeService(core, 'f/s', { compilerType: 'Type9' });

  // The plugin method is typed the same way.
  const spark = createClient({ baseUrl: 'https://excel.test.coherent.global/t', apiKey: 'k' }).use(services);
  const viaPlugin = await spark.services.execute<MyInputs, MyOutputs>('f/s', { inputs: { radius: 1, height: 2 } });
  expectTypeOf(viaPlugin.outputs).toEqualTypeOf<MyOutputs[]>();
  // @ts-expect-error radius must be a number
  await spark.services.execute<MyInputs, MyOutputs>('f/s', { inputs: { radius: '1', height: 2 } });
}
