import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { resolveRelative, sourceFiles, specifiers } from './import-cycles.js';

/** Modules that make a test an emulator (integration) test, imported by it or by a test helper it imports. */
const EMULATOR = /^@spark\/(emulator|test-utils\/emulator)$/;

function startsEmulator(file: string): boolean {
  const names = specifiers(file);
  if (names.some((name) => EMULATOR.test(name))) return true;
  return names
    .map((name) => resolveRelative(file, name))
    .some((helper) => helper?.includes('/test/') === true && specifiers(helper).some((name) => EMULATOR.test(name)));
}

/**
 * The test files of `packages/*` and `apps/*` that break the naming rule of
 * tooling/test-utils/README.md: a test that starts `@spark/emulator` (itself, or through a helper
 * in a `test/` folder) is `test/<subject>.emulator.test.ts`, and only such tests are.
 * `@spark/emulator`'s own tests are all about the emulator and exempt.
 */
export function misnamedTests(root: string): string[] {
  const bad: string[] = [];
  for (const group of ['packages', 'apps']) {
    for (const name of readdirSync(join(root, group))) {
      const dir = join(root, group, name);
      if (!existsSync(join(dir, 'package.json')) || `${group}/${name}` === 'packages/emulator') continue;
      for (const file of sourceFiles(dir).filter((f) => f.endsWith('.test.ts')).map((f) => relative(root, f))) {
        const usesEmulator = startsEmulator(join(root, file));
        const named = file.endsWith('.emulator.test.ts');
        if (usesEmulator && !(named && file.includes('/test/'))) bad.push(`${file}: starts the emulator: name it test/<subject>.emulator.test.ts`);
        if (!usesEmulator && named) bad.push(`${file}: named .emulator.test.ts without starting the emulator`);
      }
    }
  }
  return bad;
}
