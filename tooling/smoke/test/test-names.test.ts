import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { misnamedTests } from '../src/test-files.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

describe('test file names (tooling/test-utils/README.md)', () => {
  it('every test that starts the emulator, and only those, is test/<subject>.emulator.test.ts', () => {
    expect(misnamedTests(ROOT)).toEqual([]);
  });

  it('the check can fail: misnamed emulator tests (direct or through a helper) and a misnamed unit test are reported', () => {
    const root = mkdtempSync(join(tmpdir(), 'spark-names-'));
    try {
      const write = (path: string, text: string) => {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      };
      write('packages/x/package.json', '{}');
      write('packages/x/test/integration.test.ts', "import { withEmulator } from '@spark/test-utils/emulator';\n");
      write('packages/x/src/a.emulator.test.ts', "import { json } from '@spark/test-utils';\n");
      write('packages/x/test/ok.emulator.test.ts', "import { startEmulator } from '@spark/emulator';\n");
      write('packages/x/test/harness.ts', "export { startEmulator } from '@spark/emulator';\n");
      write('packages/x/test/through-harness.test.ts', "import { startEmulator } from './harness.js';\n");
      mkdirSync(join(root, 'apps'));
      expect(misnamedTests(root)).toEqual([
        'packages/x/src/a.emulator.test.ts: named .emulator.test.ts without starting the emulator',
        'packages/x/test/integration.test.ts: starts the emulator: name it test/<subject>.emulator.test.ts',
        'packages/x/test/through-harness.test.ts: starts the emulator: name it test/<subject>.emulator.test.ts',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
