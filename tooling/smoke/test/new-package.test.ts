import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// tooling/new-package.sh scaffolds a package built the way packages/health is (scripts/README.md):
// scaffolded into a throwaway repository root (this one's build files, its node_modules linked)
// and built with scripts/build-package.mjs.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const tmp = mkdtempSync(join(tmpdir(), 'spark-new-package-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Json = Record<string, unknown>;
const readJson = (path: string): Json => JSON.parse(readFileSync(path, 'utf8')) as Json;

describe('tooling/new-package.sh', () => {
  for (const file of ['tsconfig.base.json', 'vitest.shared.ts']) cpSync(join(ROOT, file), join(tmp, file));
  cpSync(join(ROOT, 'scripts'), join(tmp, 'scripts'), { recursive: true });
  mkdirSync(join(tmp, 'node_modules/@spark'), { recursive: true });
  for (const dep of ['typescript', 'esbuild', '@types']) symlinkSync(join(ROOT, 'node_modules', dep), join(tmp, 'node_modules', dep));
  symlinkSync(join(ROOT, 'packages/core'), join(tmp, 'node_modules/@spark/core'));

  execFileSync('bash', [join(ROOT, 'tooling/new-package.sh'), 'demo-things', 'Demo things.', tmp], { stdio: 'pipe' });
  const dir = join(tmp, 'packages/demo-things');

  it('writes the package.json, tsconfigs and vitest config of packages/health', () => {
    const made = readJson(join(dir, 'package.json'));
    const health = readJson(join(ROOT, 'packages/health/package.json'));
    expect(made['name']).toBe('@spark/demo-things');
    for (const key of ['type', 'sideEffects', 'exports', 'files', 'engines', 'scripts', 'peerDependencies']) expect(made[key], key).toEqual(health[key]);
    for (const file of ['tsconfig.json', 'tsconfig.build.json', 'vitest.config.ts']) {
      expect(readFileSync(join(dir, file), 'utf8'), file).toBe(readFileSync(join(ROOT, 'packages/health', file), 'utf8'));
    }
  });

  it('builds both outputs: per-file tsc (default condition) and the Node bundle', async () => {
    execFileSync(process.execPath, [join(tmp, 'scripts/build-package.mjs')], { cwd: dir, stdio: 'pipe' });
    for (const file of ['index.js', 'index.d.ts', 'plugin.js', 'index.node.js']) expect(existsSync(join(dir, 'dist', file)), file).toBe(true);
    const mod = (await import(pathToFileURL(join(dir, 'dist/index.node.js')).href)) as { demoThings: { key: string; create: (core: unknown) => { core: unknown } } };
    expect(mod.demoThings.key).toBe('demoThings');
    const core = {};
    expect(mod.demoThings.create(core).core).toBe(core);
  });

  it('refuses to overwrite an existing package', () => {
    expect(() => execFileSync('bash', [join(ROOT, 'tooling/new-package.sh'), 'demo-things', 'Again.', tmp], { stdio: 'pipe' })).toThrow();
  });
});
