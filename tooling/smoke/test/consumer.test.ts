import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMOKE_DIR } from '../src/packages.js';
import { run } from '../src/run.js';

const tsc = createRequire(join(SMOKE_DIR, 'package.json')).resolve('typescript/bin/tsc');

describe('type-level consumer (skipLibCheck: false, lib ES2022 + DOM, no @types/node)', () => {
  it('compiles against the built .d.ts files: tsc -p consumer/tsconfig.json', async () => {
    const result = await run(process.execPath, [tsc, '-p', 'consumer/tsconfig.json', '--pretty', 'false'], { cwd: SMOKE_DIR, timeoutMs: 170_000 });
    expect(result.stdout + result.stderr, 'tsc errors').toBe('');
    expect(result.code).toBe(0);
  }, 180_000);

  it('can fail: a type error in a consumer is reported', async () => {
    const result = await run(process.execPath, [tsc, '-p', 'consumer/tsconfig.broken.json', '--pretty', 'false'], { cwd: SMOKE_DIR });
    expect(result.code).not.toBe(0);
    expect(result.stdout).toMatch(/broken\.ts\(\d+,\d+\): error TS2322/);
  });
});
