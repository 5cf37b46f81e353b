import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sourceFiles } from './import-cycles.js';

/** Imports that make a test an emulator (integration) test. */
const EMULATOR_IMPORT = /from '@spark\/(emulator|test-utils\/emulator)'/;

/**
 * The test files of `packages/*` and `apps/*` that break the naming rule of
 * tooling/test-utils/README.md: a test that starts `@spark/emulator` is `test/<subject>.emulator.test.ts`,
 * and only such tests are. `@spark/emulator`'s own tests are all about the emulator and exempt.
 */
export function misnamedTests(root: string): string[] {
  const bad: string[] = [];
  for (const group of ['packages', 'apps']) {
    for (const name of readdirSync(join(root, group))) {
      const dir = join(root, group, name);
      if (!existsSync(join(dir, 'package.json')) || `${group}/${name}` === 'packages/emulator') continue;
      for (const file of sourceFiles(dir).filter((f) => f.endsWith('.test.ts')).map((f) => relative(root, f))) {
        const usesEmulator = EMULATOR_IMPORT.test(readFileSync(join(root, file), 'utf8'));
        const named = file.endsWith('.emulator.test.ts');
        if (usesEmulator && !(named && file.includes('/test/'))) bad.push(`${file}: starts the emulator: name it test/<subject>.emulator.test.ts`);
        if (!usesEmulator && named) bad.push(`${file}: named .emulator.test.ts without starting the emulator`);
      }
    }
  }
  return bad;
}
