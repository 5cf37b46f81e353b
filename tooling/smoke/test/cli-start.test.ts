import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startEmulator, type Emulator } from '@spark/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMOKE_DIR } from '../src/packages.js';
import { run } from '../src/run.js';
import { nodeBinary } from '../src/runtime-cache.js';

// The `spark` bin's cold start: it loads its one bundled file and commander, and the SDK only
// when a command calls Spark; on Node >= 22.1 it keeps Node's compile cache.
const BIN = join(dirname(createRequire(import.meta.url).resolve('@spark/cli/package.json')), 'bin', 'spark.js');
const caches: string[] = [];
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await emulator?.close();
  for (const dir of caches) rmSync(dir, { recursive: true, force: true });
});

/** The files a `spark` run loads, as paths from the repo's packages, apps or package names. */
async function loads(args: string[]): Promise<string[]> {
  // A home of its own: no profile file or saved token of the machine's user is read.
  const env = { HOME: cacheDir(), CSPARK_BASE_URL: undefined };
  const result = await run(process.execPath, ['--import', './runtime/record-loads.mjs', BIN, ...args], { cwd: SMOKE_DIR, env });
  expect(result.code, result.stderr).toBe(0);
  // OpenTelemetry tracing loads whenever @opentelemetry/api resolves, as it does in this workspace.
  const otel = (l: string): boolean => l.includes('/@opentelemetry/api/') || l.includes('/chunks/otel-hooks-');
  return result.stderr.split('\n').filter((l) => l.startsWith('load ') && !l.includes('/runtime/') && !otel(l))
    .map((l) => l.replace(/^load .*\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '').replace(/^load .*\/(apps|packages)\//, ''))
    .sort();
}

/** A fresh folder (removed after the tests). */
function cacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'spark-compile-cache-'));
  caches.push(dir);
  return dir;
}

const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name);

describe('spark CLI cold start', () => {
  it('--version loads the bin, its one bundle and commander: no SDK, no CSV library', async () => {
    expect(await loads(['--version'])).toEqual(['cli/bin/spark.js', 'cli/dist/main.js', 'commander/esm.mjs', 'commander/index.js']);
  });

  it('health loads the SDK bundles it calls through, once each, and no other package', async () => {
    const loaded = await loads(['health', '--base-url', emulator.baseUrl]);
    expect(loaded).toEqual([
      'batches/dist/index.node.js', 'cli/bin/spark.js', 'cli/dist/main.js', 'commander/esm.mjs', 'commander/index.js',
      'core/dist/index.node.js', 'sdk/dist/index.node.js', 'services/dist/index.node.js',
    ]);
  });

  // Node's default place is <tmpdir>/node-compile-cache; TMPDIR points tmpdir() at a fresh folder.
  // (NODE_COMPILE_CACHE is left unset: it would turn the cache on by itself, whatever the bin does.)
  const env = (tmp: string, extra: Record<string, string> = {}) => ({ TMPDIR: tmp, NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: undefined, ...extra });

  it('on Node 24 it fills Node\'s compile cache, and none with NODE_DISABLE_COMPILE_CACHE=1', async () => {
    const node = await nodeBinary(24);
    const tmp = cacheDir();
    const first = await run(node, [BIN, 'health', '--base-url', emulator.baseUrl], { cwd: SMOKE_DIR, env: env(tmp) });
    expect(first.code, first.stderr).toBe(0);
    // One entry per compiled module: at least the CLI's bundle, commander's two files and the SDK's four.
    expect(files(join(tmp, 'node-compile-cache')).length).toBeGreaterThanOrEqual(7);
    const second = await run(node, [BIN, 'health', '--base-url', emulator.baseUrl], { cwd: SMOKE_DIR, env: env(tmp) });
    expect(second.stdout).toBe(first.stdout);

    const off = cacheDir();
    const disabled = await run(node, [BIN, '--version'], { cwd: SMOKE_DIR, env: env(off, { NODE_DISABLE_COMPILE_CACHE: '1' }) });
    expect(disabled.code, disabled.stderr).toBe(0);
    expect(files(off)).toEqual([]);
  }, 600_000);

  it.runIf(process.versions.node.startsWith('20.'))('on Node 20 it writes no cache (Node 20 has none)', async () => {
    const tmp = cacheDir();
    const result = await run(process.execPath, [BIN, '--version'], { cwd: SMOKE_DIR, env: env(tmp) });
    expect(result.code, result.stderr).toBe(0);
    expect(files(tmp)).toEqual([]);
  });
});
