import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { startEmulator, type Emulator } from '@spark/emulator';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMOKE_DIR } from '../src/packages.js';
import { lastJsonLine, run } from '../src/run.js';
import { installCached, MINIFLARE_VERSION, nodeBinary } from '../src/runtime-cache.js';

// Cloudflare's workerd through miniflare (installed once into the runtimes cache; miniflare
// needs Node 22+, so it runs under the cached Node 24): an ES-module Worker, bundled with the
// `workerd`/`worker`/`browser` export conditions (the fetch transport), executes a service on
// the emulator, which listens here on 127.0.0.1.
const tmp = mkdtempSync(join(tmpdir(), 'spark-workerd-'));
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await emulator?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('workerd (miniflare)', () => {
  it('runs an ES-module Worker that executes my-folder/volume-cylinder with the fetch transport', async () => {
    const node = await nodeBinary(24);
    const miniflare = await installCached('miniflare', MINIFLARE_VERSION, `${dirname(node)}${delimiter}${process.env['PATH'] ?? ''}`);
    const bundle = join(tmp, 'worker.js');
    const built = await build({
      absWorkingDir: SMOKE_DIR, entryPoints: ['runtime/worker.mjs'], outfile: bundle, bundle: true, format: 'esm',
      platform: 'browser', conditions: ['workerd', 'worker', 'browser'], metafile: true, logLevel: 'silent',
    });
    // The browser builds, not the Node bundles (no node:http pool in a Worker).
    expect(Object.keys(built.metafile.inputs).filter((f) => f.includes('index.node.js'))).toEqual([]);
    const result = await run(node, ['runtime/workerd.mjs', join(miniflare, 'node_modules', 'miniflare'), bundle, emulator.baseUrl, 'test-api-key'], {
      cwd: SMOKE_DIR, timeoutMs: 120_000,
    });
    const out = lastJsonLine<{ runtime: string; status: number; body: string }>(result);
    console.log(JSON.stringify(out));
    expect(out.runtime).toMatch(/^workerd \d/);
    expect(out.status, out.body).toBe(200);
    const body = JSON.parse(out.body) as { volume: number; clientVolume: number };
    expect(body.volume).toBeCloseTo(Math.PI * 12, 9);
    expect(body.clientVolume).toBeCloseTo(Math.PI * 12, 9);
  }, 600_000);
});
