// `@spark/core/wire` is its own Node bundle (scripts/build-package.mjs). It must reach core's
// error classes through `@spark/core`, never bundle a copy: a copy of SparkSdkError is another
// class, and `instanceof SparkSdkError` would fail for the errors it throws. Checked from dist,
// through the `node` condition, in a fresh process.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CORE_DIR = fileURLToPath(new URL('..', import.meta.url));

describe('@spark/core/wire Node bundle', () => {
  it('declares no class of its own', () => {
    const bundle = readFileSync(new URL('../dist/wire.node.js', import.meta.url), 'utf8');
    expect(bundle).not.toMatch(/\bclass\b/);
  });

  it('throws the SparkSdkError of @spark/core for a bad timeout, an unknown key and a bad date', () => {
    const script = `
      const { SparkSdkError, isSparkError } = await import('@spark/core');
      const { checkCallOptions, toIsoDate } = await import('@spark/core/wire');
      const out = [];
      for (const f of [() => checkCallOptions({ timeout: 0 }, 'op'), () => checkCallOptions({ timout: 5 }, 'op', ['auth']), () => toIsoDate('soon', 'd', 'op')]) {
        try { f(); out.push('no error'); } catch (e) { out.push(e instanceof SparkSdkError && isSparkError(e) ? 'SparkSdkError' : String(e)); }
      }
      console.log(JSON.stringify(out));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: CORE_DIR, encoding: 'utf8' })) as string[];
    expect(out).toEqual(['SparkSdkError', 'SparkSdkError', 'SparkSdkError']);
  });

  it('builds the SparkApiError subclasses of @spark/core for a failure answered with a success status', () => {
    const script = `
      const { SparkApiError, SparkNotFoundError } = await import('@spark/core');
      const { responseError } = await import('@spark/core/wire');
      const e = responseError('op', 'GET', { status: 200, url: 'http://x/t', requestId: 'r', data: {}, headers: new Headers() }, 'no job', 404);
      console.log(JSON.stringify([e instanceof SparkNotFoundError, e instanceof SparkApiError]));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: CORE_DIR, encoding: 'utf8' })) as boolean[];
    expect(out).toEqual([true, true]);
  });
});
