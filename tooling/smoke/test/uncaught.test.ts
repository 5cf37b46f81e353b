import { startEmulator, type Emulator } from '@spark/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMOKE_DIR } from '../src/packages.js';
import { run } from '../src/run.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await emulator?.close();
});

// Node prints the source line of an uncaught error's throw site: with one-line minified
// bundles that line was the whole bundle (54 KB for a 404).
describe('an uncaught SDK error', () => {
  it('prints a readable SparkNotFoundError under 3 KB, naming real lines of the built files', async () => {
    const result = await run(process.execPath, ['runtime/uncaught.mjs', emulator.baseUrl, 'test-api-key'], { cwd: SMOKE_DIR });
    const printed = result.stdout + result.stderr;
    expect(result.code).toBe(1);
    expect(printed).toContain('SparkNotFoundError');
    expect(printed).toMatch(/index\.node\.js:\d+:\d+\)/);
    expect(Buffer.byteLength(printed)).toBeLessThan(3 * 1024);
  });
});
