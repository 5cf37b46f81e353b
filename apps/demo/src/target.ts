import { startEmulator, type Emulator } from '@spark/emulator';
import type { ClientOptions } from '@spark/sdk';

/** Where the tour runs: the embedded emulator, or a real tenant from CSPARK_* variables. */
export interface Target {
  options: ClientOptions;
  service: string;
  label: string;
  emulator?: Emulator;
}

/**
 * Uses a real tenant when `CSPARK_BASE_URL` is set (credentials from CSPARK_* variables and
 * the service from `SPARK_DEMO_SERVICE`), else starts the emulator on 127.0.0.1.
 */
export async function chooseTarget(): Promise<Target> {
  const real = process.env['CSPARK_BASE_URL'];
  if (real) {
    return {
      options: {},
      service: process.env['SPARK_DEMO_SERVICE'] ?? 'my-folder/volume-cylinder',
      label: `real tenant at ${real}`,
    };
  }
  const emulator = await startEmulator({ port: 0 });
  return {
    options: { baseUrl: emulator.baseUrl, apiKey: 'test-api-key' },
    service: 'my-folder/volume-cylinder',
    label: `embedded emulator at ${emulator.baseUrl}`,
    emulator,
  };
}
