import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '@spark/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPackages, SMOKE_DIR } from '../src/packages.js';
import { lastJsonLine, run, type LoadResult } from '../src/run.js';
import { findBun, findDeno, type Runtime } from '../src/runtimes.js';

// @spark/emulator is a Node server (node:http, worker threads): it runs here, in Node, and
// the other runtimes only import the client packages and call it over loopback.
const NAMES = listPackages().filter((p) => !p.private && p.name !== '@spark/emulator').map((p) => p.name);
const denoDir = mkdtempSync(join(tmpdir(), 'spark-smoke-deno-'));
const RUNTIMES: Runtime[] = [findBun(), findDeno(denoDir)];

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await emulator?.close();
  rmSync(denoDir, { recursive: true, force: true });
});

/** Skips a test whose runtime binary is absent, printing why (reporters hide skip notes). */
function skipMissing(runtime: Runtime, skip: (note?: string) => never): never {
  console.warn(`skipped ${runtime.name}: ${runtime.missing}`);
  return skip(runtime.missing);
}

for (const runtime of RUNTIMES) {
  describe(runtime.name, () => {
    it('imports every client package with ESM import()', async (ctx) => {
      if (!runtime.bin) skipMissing(runtime, ctx.skip);
      const result = await run(runtime.bin!, runtime.runArgs('runtime/imports.mjs', NAMES), { cwd: SMOKE_DIR, env: runtime.env });
      const loads = lastJsonLine<LoadResult[]>(result);
      expect(loads.filter((l) => !l.ok).map((l) => `${l.name}: ${l.error}`)).toEqual([]);
      expect(loads.find((l) => l.name === '@spark/core')?.exports).toContain('createClient');
    });

    it('executes my-folder/volume-cylinder against the emulator (functions and the sdk Client)', async (ctx) => {
      if (!runtime.bin) skipMissing(runtime, ctx.skip);
      const result = await run(runtime.bin!, runtime.runArgs('runtime/execute.mjs', [emulator.baseUrl, 'test-api-key']), {
        cwd: SMOKE_DIR,
        env: runtime.env,
      });
      const out = lastJsonLine<{ runtime: string; coreEntry: string; volume: number; clientVolume: number }>(result);
      console.log(`${runtime.name}: ${JSON.stringify(out)}`);
      expect(out.runtime).toMatch(new RegExp(`^${runtime.name} `));
      expect(out.volume).toBeCloseTo(Math.PI * 12, 9);
      expect(out.clientVolume).toBeCloseTo(Math.PI * 12, 9);
    });
  });
}
