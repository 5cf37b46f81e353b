import { expectTypeOf } from 'vitest';
import { createClient, defineService, type SparkCore } from '@spark/core';
import { executeService } from './execute-service.js';
import type { ExecuteResult, ExecuteV3Original } from './execute-types.js';
import { services } from './plugin.js';

interface Inputs { radius: number; height: number; shape?: 'round' | 'flat' }
interface Outputs { volume: number }
const volumeCylinder = defineService<Inputs, Outputs>('my-folder/volume-cylinder');

// Type-level checks only: compiled by `tsc -p tsconfig.json`, never run.
export async function typedServiceChecks(core: SparkCore): Promise<void> {
  // No type arguments: the descriptor carries them.
  const one = await executeService(core, volumeCylinder, { inputs: { radius: 1, height: 2 } });
  expectTypeOf(one).toEqualTypeOf<ExecuteResult<Outputs>>();
  expectTypeOf(one.outputs[0]!.volume).toBeNumber();

  const many = await executeService(core, volumeCylinder, { inputs: [{ radius: 1, height: 2 }, { radius: 3, height: 4, shape: 'flat' }] });
  expectTypeOf(many.outputs).toEqualTypeOf<Outputs[]>();

  const original = await executeService(core, volumeCylinder, { inputs: { radius: 1, height: 2 }, responseFormat: 'original' });
  expectTypeOf(original).toEqualTypeOf<ExecuteV3Original<Outputs> | Record<string, unknown>>();
  await executeService(core, volumeCylinder);
  await executeService(core, volumeCylinder, { validate: true, timeout: 5000 });

  // @ts-expect-error radius must be a number
  await executeService(core, volumeCylinder, { inputs: { radius: '1', height: 2 } });
  // @ts-expect-error height is missing
  await executeService(core, volumeCylinder, { inputs: { radius: 1 } });
  // @ts-expect-error an input the service does not have
  await executeService(core, volumeCylinder, { inputs: { radius: 1, height: 2, heigth: 3 } });
  // @ts-expect-error an enum value outside the list
  await executeService(core, volumeCylinder, { inputs: { radius: 1, height: 2, shape: 'square' } });
  // @ts-expect-error one bad record among many
  await executeService(core, volumeCylinder, { inputs: [{ radius: 1, height: 2 }, { radius: 1, height: '2' }] });
  // @ts-expect-error an untyped JSON string bypasses the types, so a descriptor refuses it
  await executeService(core, volumeCylinder, { inputs: '{"radius":1}' });
  // @ts-expect-error outputs are typed: no such output
  one.outputs[0]!.area;

  // The plugin method takes the same descriptor.
  const spark = createClient({ baseUrl: 'https://excel.test.coherent.global/t', apiKey: 'k' }).use(services);
  const viaPlugin = await spark.services.execute(volumeCylinder, { inputs: { radius: 1, height: 2 } });
  expectTypeOf(viaPlugin.outputs).toEqualTypeOf<Outputs[]>();
  // @ts-expect-error radius must be a number
  await spark.services.execute(volumeCylinder, { inputs: { radius: '1', height: 2 } });

  // Other operations accept the descriptor as a service URI at run time only through its `uri`.
  await spark.services.getSchema(volumeCylinder.uri);
}
