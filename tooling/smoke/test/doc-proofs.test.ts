import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingProofs } from '../src/doc-proofs.js';
import { ROOT } from '../src/packages.js';

describe('docs/security.md: every "proof (test)" names tests that exist', () => {
  it('each named test file exists and each quoted test name is in it', () => {
    expect(missingProofs(ROOT, 'docs/security.md')).toEqual([]);
  });

  it('the check can fail: a missing file, an ambiguous bare name, a quoted name in no named file, a proof naming no file', () => {
    const root = mkdtempSync(join(tmpdir(), 'spark-proofs-'));
    try {
      const write = (path: string, text: string) => {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      };
      write('packages/a/test/real.test.ts', "test('refuses a bomb', () => {});\n");
      write('packages/a/test/twice.test.ts', '');
      write('packages/b/test/twice.test.ts', '');
      mkdirSync(join(root, 'apps'));
      mkdirSync(join(root, 'tooling'));
      write('docs/security.md', [
        '| rule | proof (test) |',
        '| --- | --- |',
        '| ok | `packages/a/test/real.test.ts` "refuses a bomb" |',
        '| same | same file, "refuses a bomb" |',
        '| gone | `packages/a/test/gone.test.ts` |',
        '| ambiguous | `twice.test.ts` |',
        '| renamed | `real.test.ts` "refuses a gzip bomb" |',
        '| after same | same file, "not there" |',
        '| unnamed | "refuses a bomb" in real.test.mjs |',
      ].join('\n'));
      expect(missingProofs(root, 'docs/security.md')).toEqual([
        'docs/security.md:5: no file packages/a/test/gone.test.ts',
        'docs/security.md:6: several files named twice.test.ts',
        'docs/security.md:7: no test "refuses a gzip bomb" in packages/a/test/real.test.ts',
        'docs/security.md:8: no test "not there" in packages/a/test/real.test.ts',
        'docs/security.md:9: the proof names no test file',
        'docs/security.md:9: no test "refuses a bomb" in (no file named)',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
