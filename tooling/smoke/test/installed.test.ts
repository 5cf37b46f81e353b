import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '@spark/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npmEnv, plainNpmProject } from '../src/npm-project.js';
import { listPackages, ROOT, SMOKE_DIR } from '../src/packages.js';
import { lastJsonLine, run } from '../src/run.js';

// What a user outside the monorepo gets until the packages are on a registry: the tarballs of
// `pnpm pack:all`, installed with plain npm into a project in a temp folder (no pnpm, no
// workspace links). Third-party dependencies (ky, valibot, commander, …) come from npm's
// cache, or the registry when the cache lacks them (--prefer-offline).
const packs = mkdtempSync(join(tmpdir(), 'spark-packs-'));
const project = plainNpmProject('spark-installed-');
let emulator: Emulator;

beforeAll(async () => {
  const packed = await run(process.execPath, [join(ROOT, 'scripts/pack-all.mjs'), packs], { cwd: ROOT, timeoutMs: 180_000 });
  expect(packed.code, packed.stdout + packed.stderr).toBe(0);
  const tarballs = readdirSync(packs).filter((f) => f.endsWith('.tgz')).map((f) => join(packs, f));
  const installed = await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs], {
    cwd: project, env: npmEnv(), timeoutMs: 300_000,
  });
  expect(installed.code, installed.stdout + installed.stderr).toBe(0);
  cpSync(join(SMOKE_DIR, 'installed'), project, { recursive: true });
  emulator = await startEmulator({ port: 0 });
}, 600_000);

afterAll(async () => {
  await emulator?.close();
  rmSync(packs, { recursive: true, force: true });
  rmSync(project, { recursive: true, force: true });
});

describe('the packed tarballs in a plain npm project', () => {
  it('packs every publishable package, and npm installs them without workspace links', () => {
    const names = readdirSync(packs).sort();
    expect(names).toContain('spark-sdk-0.1.0.tgz');
    expect(names).toContain('spark-cli-0.1.0.tgz');
    // every non-private package under packages/, and the CLI
    expect(names.filter((n) => n.startsWith('spark-'))).toHaveLength(listPackages().filter((p) => !p.private).length + 1);
  });

  it('runs an ESM example: execute and a runBatch against the installed emulator', async () => {
    const result = await run(process.execPath, ['esm.mjs'], { cwd: project });
    const out = lastJsonLine<{ volume: number; batch: number }>(result);
    expect(out.volume).toBeCloseTo(Math.PI * 12, 9);
    expect(out.batch).toBe(50);
  });

  it('runs a CommonJS example through require() of the ESM packages', async () => {
    const result = await run(process.execPath, ['cjs.cjs'], { cwd: project });
    const out = lastJsonLine<{ volume: number; cached: boolean }>(result);
    expect(out).toEqual({ volume: expect.closeTo(Math.PI * 12, 9), cached: true });
  });

  it('runs the spark bin: --version, and services execute against the emulator', async () => {
    const spark = join(project, 'node_modules', '.bin', 'spark');
    const version = await run(spark, ['--version'], { cwd: project });
    expect(version.stdout).toMatch(/^spark \d+\.\d+\.\d+ \(@spark\/sdk \d+\.\d+\.\d+\)/);
    const executed = await run(spark, ['services', 'execute', 'my-folder/volume-cylinder', '--inputs', '{"radius":2,"height":3}', '--json'], {
      cwd: project,
      env: { CSPARK_BASE_URL: emulator.baseUrl, CSPARK_API_KEY: 'test-api-key' },
    });
    expect(executed.code, executed.stderr).toBe(0);
    expect(lastJsonLine<{ outputs: { volume: number }[] }>(executed).outputs[0]?.volume).toBeCloseTo(Math.PI * 12, 9);
  });
});
