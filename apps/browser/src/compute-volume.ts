import { apiKey, createClient } from '@spark/core';
import { executeService } from '@spark/services';
import type { PageOptions } from './page-options.js';

/** Inputs of the `volume-cylinder` model. */
export interface VolumeInputs {
  radius: number;
  height: number;
}

/** Outputs of the `volume-cylinder` model. */
interface VolumeOutputs {
  volume: number;
}

/**
 * Executes `my-folder/volume-cylinder` once and returns the volume.
 *
 * The demo passes `allowBrowser: true`: an API key in a page is readable by every visitor,
 * so `@spark/core` refuses it in a browser unless the caller opts in. `?guard=1` leaves the
 * opt-in out to show that refusal.
 *
 * @param options - base URL, API key and guard flag from the query string
 * @param inputs - radius and height
 * @returns the computed volume
 * @example
 * const volume = await computeVolume({ baseUrl, apiKey: 'test-api-key', guard: false }, { radius: 2, height: 3 });
 */
export async function computeVolume(options: PageOptions, inputs: VolumeInputs): Promise<number> {
  const spark = createClient({
    baseUrl: options.baseUrl,
    auth: apiKey(options.apiKey ?? ''),
    maxRetries: 0,
    ...(options.guard ? {} : { allowBrowser: true }),
  });
  try {
    const result = await executeService<VolumeInputs, VolumeOutputs>(spark, 'my-folder/volume-cylinder', { inputs });
    const volume = result.outputs[0]?.volume;
    if (typeof volume !== 'number') throw new Error(`unexpected outputs: ${JSON.stringify(result.outputs)}`);
    return volume;
  } finally {
    spark.close();
  }
}
