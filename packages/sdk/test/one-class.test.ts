// Every class `@spark/sdk` re-exports is the package's own class, not a copy bundled into the sdk
// (scripts/build-package.mjs): otherwise `instanceof` fails between the two import paths, e.g. an
// error thrown by `runBatch` from `@spark/batches` would not be `instanceof` the sdk's class.
// Checked in a fresh `node` process, so both sides load through the `node` export condition,
// from dist/, as an application would load them.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SDK_DIR = fileURLToPath(new URL('..', import.meta.url));
const RESOURCES = ['core', 'services', 'batches', 'folders', 'transforms', 'history', 'impex', 'health', 'platform', 'files', 'wasm'];

interface Check { name: string; from: string; same: boolean; sdkInstanceOfPackage: boolean | null; packageInstanceOfSdk: boolean | null }

/** For every class exported by both @spark/sdk and a resource package: identity, and `instanceof` both ways for errors. */
function checkClasses(): Check[] {
  const script = `
    const sdk = await import('@spark/sdk');
    const out = [];
    for (const name of ${JSON.stringify(RESOURCES)}) {
      const pkg = await import('@spark/' + name);
      for (const [key, value] of Object.entries(pkg)) {
        if (typeof value !== 'function' || !/^class[\\s{]/.test(Function.prototype.toString.call(value)) || !(key in sdk)) continue;
        const other = sdk[key];
        const isError = value.prototype instanceof Error;
        const make = (C) => { try { return new C(); } catch { return Object.create(C.prototype); } };
        out.push({
          name: key, from: name, same: other === value,
          sdkInstanceOfPackage: isError ? make(other) instanceof value : null,
          packageInstanceOfSdk: isError ? make(value) instanceof other : null,
        });
      }
    }
    console.log(JSON.stringify(out));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: SDK_DIR, encoding: 'utf8' })) as Check[];
}

describe('classes exported by @spark/sdk and by their own package (Node bundles)', () => {
  const checks = checkClasses();

  it('include the batches classes and core errors (the check is not vacuous)', () => {
    const names = checks.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['BatchRunStoppedError', 'Pipeline', 'SparkSdkError', 'SparkApiError']));
  });

  it.each(checks.map((c) => [`${c.from}.${c.name}`, c] as const))('%s is one class in both', (_label, check) => {
    expect(check.same).toBe(true);
    if (check.sdkInstanceOfPackage !== null) {
      expect(check.sdkInstanceOfPackage).toBe(true);
      expect(check.packageInstanceOfSdk).toBe(true);
    }
  });
});
