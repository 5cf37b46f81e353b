import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '@spark/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPackages, SMOKE_DIR } from '../src/packages.js';
import { lastJsonLine, run, type LoadResult } from '../src/run.js';

const PACKAGES = listPackages().filter((p) => !p.private);
const NAMES = PACKAGES.map((p) => p.name);
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
/** require(esm) is on by default from Node 20.19 / 22.12. */
const REQUIRE_ESM_UNFLAGGED = major > 22 || (major === 22 && minor >= 12) || (major === 20 && minor >= 19);

function failures(results: LoadResult[]): string[] {
  return results.filter((r) => !r.ok || r.exports.length === 0).map((r) => `${r.name}: ${r.error ?? 'no exports'}`);
}

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await emulator?.close();
});

describe(`Node ${process.versions.node}`, () => {
  it('covers every package under packages/ (each is a devDependency of @spark/smoke)', () => {
    const json = JSON.parse(readFileSync(join(SMOKE_DIR, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const missing = NAMES.filter((name) => !(name in json.devDependencies));
    expect(missing, 'add these to tooling/smoke/package.json devDependencies ("workspace:*") and run pnpm install').toEqual([]);
    expect(NAMES).toContain('@spark/core');
  });

  it('imports every package with ESM import()', async () => {
    const results = lastJsonLine<LoadResult[]>(await run(process.execPath, ['runtime/imports.mjs', ...NAMES], { cwd: SMOKE_DIR }));
    expect(results.map((r) => r.name)).toEqual(NAMES);
    expect(failures(results)).toEqual([]);
    expect(results.find((r) => r.name === '@spark/core')?.exports).toContain('createClient');
    expect(results.find((r) => r.name === '@spark/services')?.exports).toContain('executeService');
  });

  it('require()s every package with --experimental-require-module (same exports as import)', async () => {
    const imported = lastJsonLine<LoadResult[]>(await run(process.execPath, ['runtime/imports.mjs', ...NAMES], { cwd: SMOKE_DIR }));
    const required = lastJsonLine<LoadResult[]>(
      await run(process.execPath, ['--experimental-require-module', 'runtime/requires.cjs', ...NAMES], { cwd: SMOKE_DIR }),
    );
    expect(failures(required)).toEqual([]);
    for (const r of required) expect(r.exports, r.name).toEqual(imported.find((i) => i.name === r.name)?.exports);
  });

  it.runIf(REQUIRE_ESM_UNFLAGGED)('require()s every package without a flag (require(esm) is unflagged on this Node)', async () => {
    const required = lastJsonLine<LoadResult[]>(await run(process.execPath, ['runtime/requires.cjs', ...NAMES], { cwd: SMOKE_DIR }));
    expect(failures(required)).toEqual([]);
  });

  it('executes against the emulator from a fresh Node process (functions and the sdk Client; node export condition)', async () => {
    const result = await run(process.execPath, ['runtime/execute.mjs', emulator.baseUrl, 'test-api-key'], { cwd: SMOKE_DIR });
    const out = lastJsonLine<{ runtime: string; coreEntry: string; volume: number; clientVolume: number }>(result);
    expect(out.volume).toBeCloseTo(Math.PI * 12, 9);
    expect(out.clientVolume).toBeCloseTo(Math.PI * 12, 9);
    expect(out.coreEntry).toBe('index.node.js');
  });
});

describe('cold import in Node (the `node` export condition)', () => {
  it('resolves every package to its one-file bundle and loads https/tls/zlib/fs only when a call needs them', async () => {
    const result = await run(process.execPath, ['--import', './runtime/record-loads.mjs', 'runtime/lazy-builtins.mjs', emulator.baseUrl, 'test-api-key'], { cwd: SMOKE_DIR });
    expect(result.code, result.stderr).toBe(0);
    // @spark/sdk's Node bundle carries the resource packages without classes; batches (which
    // exports classes) and services (which batches imports) load as their own bundles, so each
    // class is one class. Core's bundle carries its valibot copy and its shared helpers (wire),
    // which the others read from `@spark/core`: core/dist/valibot.node.js and wire.node.js are
    // facades for other importers and are not loaded.
    // Every file the whole run loads (import, an http call, an https call): no other package,
    // no chunk, and never the whole of valibot.
    // OpenTelemetry tracing is on whenever @opentelemetry/api resolves, as it does in this workspace
    // (a devDependency of core): then the API and core's tracing chunk load on the first call.
    const otel = (l: string): boolean => l.includes('/@opentelemetry/api/') || l.includes('/chunks/otel-hooks-');
    const loads = result.stderr.split('\n').filter((l) => l.startsWith('load ') && !l.includes('/runtime/') && !otel(l)).map((l) => l.replace(/^load .*\/packages\//, ''));
    expect(loads.sort()).toEqual([
      'batches/dist/index.node.js', 'core/dist/index.node.js', 'sdk/dist/index.node.js', 'services/dist/index.node.js',
    ]);
    const out = lastJsonLine<{ afterImport: string[]; afterHttp: string[]; afterHttps: string[]; volume: number; failure: string; resolved: Record<string, string> }>(result);
    expect(out.resolved).toEqual({ '@spark/sdk': 'dist/index.node.js', '@spark/core': 'dist/index.node.js', '@spark/services': 'dist/index.node.js', '@spark/batches': 'dist/index.node.js' });
    expect(out.afterImport).toEqual([]);
    // A small JSON execute over http needs no TLS, no compression, no files — and no undici:
    // the Node pool answers without Node's global Response/Headers, which would load tls and zlib.
    expect(out.afterHttp).toEqual([]);
    expect(out.volume).toBeCloseTo(Math.PI * 4 * 3, 6);
    expect(out.failure).toBe('SparkConnectionError');
    expect(out.afterHttps).toEqual(expect.arrayContaining(['https', 'tls']));
  });
});
